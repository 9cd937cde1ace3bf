using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// The official MCP conformance suite's server scenarios that apply to a tools-only server (the server declares
/// logging, so logging-set-level applies too), against the local mode over real HTTP.
/// </summary>
[Collection(LocalModeCollection.Name)]
public sealed class ConformanceTests(LocalModeFixture fixture)
{
    [Theory]
    [InlineData("server-initialize")]
    [InlineData("ping")]
    [InlineData("tools-list")]
    [InlineData("dns-rebinding-protection")]
    [InlineData("logging-set-level")]
    public async Task Server_scenario_passes(string scenario)
    {
        var (exitCode, output) = await ConformanceSuite.RunServerScenarioAsync(fixture.Server.McpUrl, scenario);

        Assert.True(exitCode == 0, $"The {scenario} scenario exited {exitCode}:\n{output}");
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILURE", output, StringComparison.Ordinal);
    }
}
