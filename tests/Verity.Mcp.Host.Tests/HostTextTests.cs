using System.Text.RegularExpressions;
using Verity.Mcp.Host.Commands;
using Verity.Mcp.Host.Configuration;
using Verity.Common.Server;
using Verity.Mcp.Host.Server;
using Verity.Mcp.Host.Tools;

namespace Verity.Mcp.Host.Tests;

/// <summary>What the host tells people and assistants: the server instructions, the tools table, the settings list.</summary>
public sealed partial class HostTextTests
{
    [Fact]
    public void Instructions_summarise_the_api_its_groups_and_the_risky_tools()
    {
        var text = ServerInstructions.Build(VerityTools.ApiName, VerityTools.ApiVersion, VerityTools.CreateTools());

        Assert.Contains("Verity API (version 2026-11)", text, StringComparison.Ordinal);
        Assert.Contains("- agents: list_agents, get_agent", text, StringComparison.Ordinal);
        Assert.Contains("initiate_test_call makes a real phone ring", text, StringComparison.Ordinal);
        Assert.Contains("hang_up_call, update_contact, delete_contact", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tools_table_shows_every_tool_with_its_arguments_and_hints()
    {
        var table = ToolsCommand.FormatTable([.. VerityTools.CreateTools().Select(tool => tool.ProtocolTool)]);

        foreach (var descriptor in VerityTools.Descriptors)
        {
            Assert.Contains($"\n{descriptor.ToolName}  [", table, StringComparison.Ordinal);
        }

        Assert.Contains("initiate_test_call  [additive, open-world]", table, StringComparison.Ordinal);
        Assert.Contains("phoneNumber: string", table, StringComparison.Ordinal);
        Assert.Contains("contactName?: string", table, StringComparison.Ordinal);
        Assert.Contains("status?: queued | ringing", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_configuration_table_lists_exactly_the_known_settings()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));

        var documented = SettingRow().Matches(readme).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(KnownSettings.All.Select(setting => setting.Name).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `([A-Z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();
}
