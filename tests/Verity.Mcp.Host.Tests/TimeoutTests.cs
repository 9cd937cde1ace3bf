using Verity.DevStack.Api;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>An API that does not answer in time gives an error result naming the limit, and a POST is not resent.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class TimeoutTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_slow_api_is_an_error_result_naming_the_time_limit(string variant)
    {
        await using var session = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_TIMEOUT_SECONDS", "1")));
        (await session.Client.CallAsync("list_agents")).Json();
        var api = fixture.Stack.Api;
        api.Faults.Add(ApiFault.Delayed("POST", "/api/contacts", TimeSpan.FromMinutes(1), count: 3));
        var before = api.Requests.Requests.Count;

        var result = await session.Client.CallAsync("create_contact", """{"name":"Slow","phoneNumber":"+15550177"}""");

        api.Faults.Clear();
        Assert.True(result.IsError, result.Text());
        Assert.Contains("1 s", result.Text(), StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await api.Requests.WaitForAsync(request => request.Sequence > before && request.Path == "/api/contacts", timeout.Token);
        Assert.Single(api.Requests.Requests.Skip(before), request => request.Path == "/api/contacts");
    }
}
