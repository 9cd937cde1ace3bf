using System.Net.Http.Json;
using System.Text;
using Verity.DevStack.Api;
using Verity.DevStack.Api.Auth;

namespace Verity.DevStack.Tests.Api;

public sealed class SampleApiRecordingAndFaultTests(ApiStackFixture fixture) : IClassFixture<ApiStackFixture>
{
    private readonly ApiStack _stack = fixture.Fresh();

    [Fact]
    public async Task A_request_is_recorded_with_its_body_and_headers_of_interest_but_never_the_token()
    {
        var token = _stack.Token();
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/contacts?source=test", """{"name":"Rec Order","phoneNumber":"+15550155"}""", token,
            r => r.Headers.Add("Idempotency-Key", "rec-key-0001"));
        await ApiStack.ReadJsonAsync(response, 201);

        var recorded = Assert.Single(_stack.Host.Api.Requests.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/api/contacts?source=test", recorded.PathAndQuery);
        Assert.Equal("/api/contacts", recorded.Path);
        Assert.Equal("""{"name":"Rec Order","phoneNumber":"+15550155"}""", recorded.Body);
        Assert.Equal("rec-key-0001", recorded.Headers["Idempotency-Key"]);
        Assert.Equal("Bearer [redacted]", recorded.Headers["Authorization"]);
        Assert.Equal(201, recorded.StatusCode);
        Assert.Equal(AuthOutcome.Accepted, recorded.AuthOutcome);
        Assert.False(recorded.FaultInjected);
        Assert.DoesNotContain(token, recorded.ToString(), StringComparison.Ordinal);

        _stack.Host.Api.Requests.Clear();
        Assert.Empty(_stack.Host.Api.Requests.Requests);
    }

    [Fact]
    public async Task A_status_fault_serves_the_next_matching_requests_then_stops()
    {
        var servedBefore = _stack.Host.Api.Faults.Served;
        _stack.Host.Api.Faults.Add(ApiFault.Status("GET", "/api/agents", 503, count: 2, retryAfterSeconds: 1));

        using (var other = await _stack.GetAsync("/api/phone-numbers"))
        {
            await ApiStack.ReadJsonAsync(other, 200);
        }

        for (var i = 0; i < 2; i++)
        {
            using var faulted = await _stack.GetAsync("/api/agents");
            Assert.Equal("service_unavailable", await ApiStack.ErrorCodeAsync(faulted, 503));
            Assert.Equal(TimeSpan.FromSeconds(1), faulted.Headers.RetryAfter?.Delta);
        }

        using var recovered = await _stack.GetAsync("/api/agents");
        await ApiStack.ReadJsonAsync(recovered, 200);

        var agentsRequests = _stack.Host.Api.Requests.Requests.Where(r => r.Path == "/api/agents").ToList();
        Assert.Equal([true, true, false], agentsRequests.Select(r => r.FaultInjected));
        Assert.Equal(0, _stack.Host.Api.Faults.PendingCount);
        Assert.Equal(servedBefore + 2, _stack.Host.Api.Faults.Served);
    }

    [Fact]
    public async Task A_prefix_fault_matches_any_method_under_the_path()
    {
        _stack.Host.Api.Faults.Add(ApiFault.Status(null, "/api/calls*", 502));
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/calls/agents/agt_01/test", """{"phoneNumber":"+15550100"}""");
        await ApiStack.ErrorCodeAsync(response, 502);

        // The faulted POST never reached the handler: no call was created.
        var queued = await _stack.GetJsonAsync("/api/calls?status=queued");
        Assert.Equal(0, queued.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_delay_fault_holds_the_request_on_the_api_clock()
    {
        _stack.Host.Api.Faults.Add(ApiFault.Delayed("GET", "/api/agents/agt_01", TimeSpan.FromSeconds(30)));
        var pending = _stack.GetAsync("/api/agents/agt_01");

        // Advance the fake clock until the held request is let go; it must not finish before 30 s have passed.
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            await Task.WhenAny(pending, Task.Delay(10));
            if (!pending.IsCompleted)
            {
                _stack.Time.Advance(TimeSpan.FromSeconds(1));
                advanced += TimeSpan.FromSeconds(1);
            }
        }

        using var response = await pending;
        await ApiStack.ReadJsonAsync(response, 200);
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"released after {advanced}");
        Assert.True(_stack.Host.Api.Requests.Requests.Single().FaultInjected);
    }

    [Fact]
    public async Task Waiting_for_a_request_completes_when_it_is_answered()
    {
        var waiting = _stack.Host.Api.Requests.WaitForAsync(r => r.Path == "/api/phone-numbers");
        Assert.False(waiting.IsCompleted);
        using var response = await _stack.GetAsync("/api/phone-numbers");
        var recorded = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, recorded.StatusCode);
    }

    [Fact]
    public async Task The_http_control_surface_lists_requests_and_injects_faults()
    {
        using (var add = await _stack.Http.PostAsync("/__verity/faults",
            new StringContent("""{"method":"GET","path":"/api/phone-numbers","count":1,"status":429,"retryAfterSeconds":2}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(204, (int)add.StatusCode);
        }

        using (var limited = await _stack.GetAsync("/api/phone-numbers"))
        {
            Assert.Equal("rate_limited", await ApiStack.ErrorCodeAsync(limited, 429));
        }

        var listed = await _stack.Http.GetFromJsonAsync<List<RecordedRequestView>>("/__verity/requests");
        var only = Assert.Single(listed!);
        Assert.Equal("/api/phone-numbers", only.PathAndQuery);
        Assert.Equal(429, only.StatusCode);
        Assert.Equal("NotChecked", only.AuthOutcome);

        using (var clear = await _stack.Http.DeleteAsync("/__verity/requests"))
        {
            Assert.Equal(204, (int)clear.StatusCode);
        }

        Assert.Empty(_stack.Host.Api.Requests.Requests);

        using var bad = await _stack.Http.PostAsync("/__verity/faults", new StringContent("""{"path":"/x"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)bad.StatusCode);
    }

    [Fact]
    public async Task The_control_surface_is_off_unless_asked_for()
    {
        await using var stack = await ApiStack.StartAsync();
        using var response = await stack.Http.GetAsync("/__verity/requests");
        Assert.Equal(404, (int)response.StatusCode);
    }

    private sealed record RecordedRequestView(string Method, string PathAndQuery, int StatusCode, string AuthOutcome);
}
