using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

public sealed class ClientProfileOptionsTests
{
    private static IConfiguration Configuration(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClientProfileOptions.ProfileKey] = value }).Build();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("auto", null)]
    [InlineData(" AUTO ", null)]
    [InlineData("exact", ClientProfile.Exact)]
    [InlineData("cursor", ClientProfile.Cursor)]
    [InlineData("Claude", ClientProfile.Claude)]
    [InlineData("vscode", ClientProfile.VsCode)]
    [InlineData("gemini", ClientProfile.Gemini)]
    [InlineData("openai", ClientProfile.OpenAi)]
    public void Every_documented_value_binds(string? value, ClientProfile? expected)
    {
        var options = ClientProfileOptions.FromConfiguration(Configuration(value));

        Assert.Equal(expected, options.Forced);
        Assert.True(new ClientProfileOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void An_unknown_value_fails_at_start_with_one_line_naming_the_setting()
    {
        var services = new ServiceCollection()
            .AddSingleton(Configuration("copilot"))
            .AddClientProfileOptions()
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var message = Assert.Single(failure.Failures);
        Assert.Equal("VERITY_CLIENT_PROFILE is 'copilot'; set it to one of auto, exact, cursor, claude, vscode, gemini, openai.", message);
    }
}
