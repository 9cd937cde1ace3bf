using Verity.DevStack.Api;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary><c>notifications/cancelled</c> from the client aborts the HTTP request the tool is waiting on.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CancellationTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Cancelling_a_call_aborts_its_api_request(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents");
        var api = fixture.Stack.Api;
        var servedBefore = api.Faults.Served;
        api.Faults.Add(ApiFault.Delayed("GET", "/api/calls", TimeSpan.FromMinutes(1)));
        using var cancellation = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var call = client.CallToolAsync(
            new ModelContextProtocol.Protocol.CallToolRequestParams { Name = "list_calls", Arguments = new Dictionary<string, System.Text.Json.JsonElement>() },
            cancellation.Token).AsTask();
        // The request is being held by the API once the fault has been taken.
        while (api.Faults.Served == servedBefore)
        {
            await Task.Delay(10, timeout.Token);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var aborted = await api.Requests.WaitForAsync(request => request.Path == "/api/calls" && request.Aborted, timeout.Token);

        api.Faults.Clear();
        Assert.True(aborted.FaultInjected);
    }
}
