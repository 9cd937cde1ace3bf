using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// verity-devstack, where a developer runs the dev stack and the demo (verity-mcp itself carries neither), each as
/// a real process: <c>run</c> prints its settings and stops on end of input or SIGTERM; <c>demo</c> drives
/// verity-mcp over stdio.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DevStackToolTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Demo_runs_a_scripted_session_against_verity_mcp_and_exits_0(string variant)
    {
        var server = HostVariant.Named(variant);
        await using var process = HostProcess.Start(DevStackTool.Launch, DevStackTool.DemoArguments(server), new Dictionary<string, string?>());

        var exitCode = await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(90));

        var output = string.Join("\n", process.StdoutLines);
        Assert.True(exitCode == 0, $"demo exited {exitCode}:\n{output}\n{string.Join("\n", process.StderrLines)}");
        Assert.Contains(server == HostVariant.Jit ? "Started 'dotnet verity-mcp.dll serve'" : "Started 'verity-mcp serve'", output, StringComparison.Ordinal);
        Assert.Contains("initiate_test_call", output, StringComparison.Ordinal);
        Assert.Contains("transcript", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Demo_with_a_server_path_that_does_not_exist_is_bad_usage()
    {
        var missing = Path.Combine(AppContext.BaseDirectory, "no-such-verity-mcp");
        await using var process = HostProcess.Start(DevStackTool.Launch, ["demo", "--server", missing], new Dictionary<string, string?>());

        Assert.Equal(2, await process.CloseInputAndWaitAsync(Prompt));
        var line = Assert.Single(process.StderrLines);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.Empty(process.StdoutLines);
    }

    [Fact]
    public async Task Run_prints_its_settings_then_ready_and_stops_when_stdin_closes()
    {
        await using var process = HostProcess.Start(DevStackTool.Launch, ["run"], new Dictionary<string, string?>());
        using var reader = new StreamReader(process.ServerOutput);
        var (lines, settings) = await DevStackTool.ReadUntilReadyAsync(reader);

        Assert.Equal(["CLERK_API_URL", "CLERK_SECRET_KEY", "VERITY_BASE_URL", "CLERK_FRONTEND_API_URL", "ready"], lines.Select(l => l.Split('=')[0]));
        using (var http = new HttpClient())
        {
            using var response = await http.GetAsync(new Uri(settings["VERITY_BASE_URL"] + "/api/agents"));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);

            // The Frontend API is the OAuth authorization server; RFC 8414 wants its metadata to name exactly that URL.
            var frontendApiUrl = settings["CLERK_FRONTEND_API_URL"];
            using var metadata = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(frontendApiUrl + "/.well-known/oauth-authorization-server")));
            Assert.Equal(frontendApiUrl, metadata.RootElement.GetProperty("issuer").GetString());
        }

        Assert.Equal(0, await process.CloseInputAndWaitAsync(Prompt));
    }

    [Fact]
    public async Task Run_stops_on_SIGTERM_with_exit_code_0_and_closes_its_ports()
    {
        await using var process = HostProcess.Start(DevStackTool.Launch, ["run"], new Dictionary<string, string?>());
        using var output = new StreamReader(process.ServerOutput);
        var (_, settings) = await DevStackTool.ReadUntilReadyAsync(output);

        process.Signal("TERM");

        Assert.Equal(0, await process.WaitForExitAsync(Prompt));
        Assert.DoesNotContain(process.StderrLines, line => line.Contains("Exception", StringComparison.Ordinal));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(settings["VERITY_BASE_URL"] + "/api/agents")));
    }
}
