using Verity.DevStack.Api;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// SIGTERM (what <c>kill</c>, <c>docker stop</c> and process managers send) stops every verb as Ctrl+C does:
/// <c>devstack</c> (which runs until stopped) with 0, a verb cut short with 130.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SignalTests(DevStackFixture fixture)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Devstack_stops_on_SIGTERM_with_exit_code_0_and_closes_its_ports(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["devstack"], new Dictionary<string, string?>());
        using var output = new StreamReader(process.ServerOutput);
        var settings = await ReadUntilReadyAsync(output);

        process.Signal("TERM");

        Assert.Equal(0, await process.WaitForExitAsync(Prompt));
        Assert.DoesNotContain(process.StderrLines, line => line.Contains("Exception", StringComparison.Ordinal));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(settings["VERITY_BASE_URL"] + "/api/agents")));
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_call_stopped_by_SIGTERM_aborts_its_request_and_exits_130(string variant)
    {
        var api = fixture.Stack.Api;
        var servedBefore = api.Faults.Served;
        api.Faults.Add(ApiFault.Delayed("GET", "/api/agents/agt_02", TimeSpan.FromMinutes(1)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["call", "get_agent", "--args", """{"agentId":"agt_02"}"""], fixture.ServerEnvironment());
        while (api.Faults.Served == servedBefore)
        {
            await Task.Delay(10, timeout.Token);
        }

        process.Signal("TERM");

        Assert.Equal(130, await process.WaitForExitAsync(Prompt));
        var aborted = await api.Requests.WaitForAsync(request => request.Path == "/api/agents/agt_02" && request.Aborted, timeout.Token);
        api.Faults.Clear();
        Assert.True(aborted.FaultInjected);
        Assert.Empty(process.StdoutLines);
    }

    private static async Task<Dictionary<string, string>> ReadUntilReadyAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync(timeout.Token) is { } line && line != "ready")
        {
            var parts = line.Split('=', 2);
            settings[parts[0]] = parts[1];
        }

        return settings;
    }
}
