using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Http;

public sealed class RetryTests
{
    [Fact]
    public async Task A_GET_that_gets_503_is_retried_and_succeeds()
    {
        await using var api = await LoopbackApi.StartAsync((context, n) => LoopbackApi.WriteAsync(context, n == 1 ? 503 : 200, """{"ok":true}"""));
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("GET");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, api.Count);
        Assert.Single(pipeline.Time.InstantWaits);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task An_idempotent_request_is_retried_at_most_twice(int status)
    {
        await using var api = await LoopbackApi.StartAsync(status);
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("DELETE");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(3, api.Count);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task A_non_idempotent_request_that_gets_503_is_sent_exactly_once(string method)
    {
        await using var api = await LoopbackApi.StartAsync(503);
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync(method, json: """{"name":"x"}""");

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(1, api.Count);
        Assert.Empty(pipeline.Time.InstantWaits);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_PUT_or_DELETE_the_catalog_marks_not_idempotent_is_sent_exactly_once(string method)
    {
        await using var api = await LoopbackApi.StartAsync(503);
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync(method, "/api/things/t_1", Pipeline.Endpoint(method, idempotent: false), json: """{"name":"x"}""");

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(1, api.Count);
        Assert.Empty(pipeline.Time.InstantWaits);
    }

    [Fact]
    public async Task A_POST_the_catalog_marks_idempotent_is_retried()
    {
        await using var api = await LoopbackApi.StartAsync((context, n) => LoopbackApi.WriteAsync(context, n == 1 ? 502 : 200, "{}"));
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("POST", "/api/calls/call_1/hangup", Pipeline.Endpoint("POST", idempotent: true));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, api.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Other_failures_are_not_retried(int status)
    {
        await using var api = await LoopbackApi.StartAsync(status);
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("GET");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        await using var api = await LoopbackApi.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = "7";
                return LoopbackApi.WriteAsync(context, 429, """{"message":"slow down"}""");
            }

            return LoopbackApi.WriteAsync(context, 200, "{}");
        });
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("GET");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], pipeline.Time.InstantWaits);
    }

    [Fact]
    public async Task Retry_After_as_a_date_is_honoured()
    {
        var time = new RecordingTimeProvider();
        await using var api = await LoopbackApi.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = time.GetUtcNow().AddSeconds(12).ToString("R");
                return LoopbackApi.WriteAsync(context, 503, "{}");
            }

            return LoopbackApi.WriteAsync(context, 200, "{}");
        });
        await using var pipeline = Pipeline.Create(api.Url, time: time);

        var response = await pipeline.SendAsync("GET");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(12)], time.InstantWaits);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_passed_back_instead_of_waited_for()
    {
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return LoopbackApi.WriteAsync(context, 429, "{}");
        });
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("GET");

        Assert.Equal(429, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.RetryAfter);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task Backoff_without_Retry_After_grows_and_stays_small()
    {
        await using var api = await LoopbackApi.StartAsync(503);
        await using var pipeline = Pipeline.Create(api.Url);

        await pipeline.SendAsync("GET");

        var waits = pipeline.Time.InstantWaits.ToArray();
        Assert.Equal(2, waits.Length);
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Handlers_added_to_the_builder_sit_inside_the_retries_and_can_mark_an_auth_retry()
    {
        await using var api = await LoopbackApi.StartAsync((context, n) => LoopbackApi.WriteAsync(context, n == 1 ? 503 : 200, "{}"));
        var inner = new CountingHandler();
        await using var pipeline = Pipeline.Create(api.Url, configureClient: builder => builder.AddHttpMessageHandler(() => inner));

        var response = await pipeline.SendAsync("GET");

        Assert.Equal(2, inner.Calls);
        Assert.True(response.AuthRetried);
        Assert.All(inner.Endpoints, e => Assert.Equal("get_things", e));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => _calls;

        public List<string> Endpoints { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Assert.True(request.Options.TryGetValue(ApiRequestOptions.Endpoint, out var endpoint));
            lock (Endpoints)
            {
                Endpoints.Add(endpoint.ToolName);
            }

            request.Options.Set(ApiRequestOptions.AuthRetried, true);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
