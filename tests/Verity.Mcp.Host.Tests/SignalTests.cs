using Verity.DevStack.Api;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// SIGTERM (what <c>kill</c>, <c>docker stop</c> and process managers send) stops a verb as Ctrl+C does: a verb cut
/// short exits 130 (verity-devstack's own SIGTERM test is in <see cref="DevStackToolTests"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SignalTests(DevStackFixture fixture)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

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
}
