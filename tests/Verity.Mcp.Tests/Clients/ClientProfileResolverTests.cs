using ModelContextProtocol.Protocol;
using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

public sealed class ClientProfileResolverTests
{
    [Theory]
    [InlineData("cursor-vscode", ClientProfile.Cursor)]
    [InlineData("claude-code", ClientProfile.Claude)]
    [InlineData("claude-ai", ClientProfile.Claude)]
    [InlineData("Visual Studio Code", ClientProfile.VsCode)]
    [InlineData("visual-studio-code", ClientProfile.VsCode)]
    [InlineData("Visual Studio Code - Insiders", ClientProfile.VsCode)]
    [InlineData("Visual Studio", ClientProfile.Exact)]
    [InlineData("gemini-cli", ClientProfile.Gemini)]
    [InlineData("codex-mcp-client", ClientProfile.OpenAi)]
    [InlineData("openai-mcp", ClientProfile.OpenAi)]
    [InlineData("mcp-inspector", ClientProfile.Exact)]
    [InlineData("", ClientProfile.Exact)]
    public void Client_names_pick_their_profile(string name, ClientProfile expected) =>
        Assert.Equal(expected, ClientProfileResolver.Resolve(new Implementation { Name = name, Version = "1.0" }));

    [Fact]
    public void Names_are_matched_without_regard_to_case_or_surrounding_space() =>
        Assert.Equal(ClientProfile.Cursor, ClientProfileResolver.FromClientName(" Cursor-VSCode "));

    [Fact]
    public void No_client_info_gets_the_exact_profile() =>
        Assert.Equal(ClientProfile.Exact, ClientProfileResolver.Resolve(null));
}
