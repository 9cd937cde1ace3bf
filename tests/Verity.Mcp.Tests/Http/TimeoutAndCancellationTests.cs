using Microsoft.AspNetCore.Http;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Http;

public sealed class TimeoutAndCancellationTests
{
    /// <summary>Never answers; completes when the client aborts the request.</summary>
    private static async Task HangAsync(HttpContext context, TaskCompletionSource aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            aborted.TrySetResult();
        }
    }

    [Fact]
    public async Task A_request_past_the_endpoint_timeout_fails_with_ApiTimeoutException_naming_the_limit()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await LoopbackApi.StartAsync((context, _) => HangAsync(context, aborted));
        await using var pipeline = Pipeline.Create(api.Url);

        var sending = pipeline.SendAsync("POST", endpoint: Pipeline.Endpoint("POST", timeout: TimeSpan.FromSeconds(90)), json: "{}");
        await api.NextArrivalAsync();
        await pipeline.Time.AdvanceAfterTimerAsync(TimeSpan.FromSeconds(90));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => sending);
        Assert.Equal(TimeSpan.FromSeconds(90), exception.Limit);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task Without_an_endpoint_timeout_the_configured_default_applies_and_a_GET_is_retried()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await LoopbackApi.StartAsync((context, _) => HangAsync(context, aborted));
        await using var pipeline = Pipeline.Create(api.Url, new Dictionary<string, string?> { ["VERITY_TIMEOUT_SECONDS"] = "120" });

        var sending = pipeline.SendAsync("GET");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await api.NextArrivalAsync();
            await pipeline.Time.AdvanceAfterTimerAsync(TimeSpan.FromSeconds(120));
        }

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => sending);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.Limit);
        Assert.Equal(3, api.Count);
    }

    [Fact]
    public async Task A_body_that_stalls_past_the_limit_fails_with_ApiTimeoutException()
    {
        await using var api = await LoopbackApi.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[1,2,", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await using var pipeline = Pipeline.Create(api.Url, new Dictionary<string, string?> { ["VERITY_TIMEOUT_SECONDS"] = "100" });

        var sending = pipeline.SendAsync("POST", json: "{}");
        await pipeline.Time.AdvanceAfterTimerAsync(TimeSpan.Zero); // the attempt's limit
        await pipeline.Time.AdvanceAfterTimerAsync(TimeSpan.FromSeconds(100)); // the body's limit

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => sending);
        Assert.Equal(TimeSpan.FromSeconds(100), exception.Limit);
    }

    [Fact]
    public async Task Cancelling_the_call_aborts_the_request_on_the_server()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await LoopbackApi.StartAsync((context, _) => HangAsync(context, aborted));
        await using var pipeline = Pipeline.Create(api.Url);
        using var cancellation = new CancellationTokenSource();

        var sending = pipeline.SendAsync("GET", cancellationToken: cancellation.Token);
        await api.NextArrivalAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, api.Count);
    }
}
