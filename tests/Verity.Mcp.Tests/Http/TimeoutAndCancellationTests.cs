using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
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
    public async Task A_POST_past_the_endpoint_timeout_names_the_limit_and_says_it_may_have_been_carried_out()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await LoopbackApi.StartAsync((context, _) => HangAsync(context, aborted));
        await using var pipeline = Pipeline.Create(api.Url);

        var sending = pipeline.SendAsync("POST", endpoint: Pipeline.Endpoint("POST", timeout: TimeSpan.FromSeconds(90)), json: "{}");
        await api.NextArrivalAsync();
        await pipeline.Time.AdvanceAfterTimerAsync(TimeSpan.FromSeconds(90));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => sending);
        Assert.Equal(TimeSpan.FromSeconds(90), exception.Limit);
        Assert.Null(exception.StatusCode);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, api.Count);

        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("POST", timeout: TimeSpan.FromSeconds(90)), exception));
        Assert.Contains("90 s", text);
        Assert.Contains("may have been carried out", text);
        Assert.Contains("read tool", text);
        Assert.DoesNotContain("not sent", text);
        Assert.DoesNotContain("could not reach", text);
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

        // Repeating a read is harmless: no warning about a call that may have been carried out.
        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("GET"), exception));
        Assert.Contains("VERITY_TIMEOUT_SECONDS", text);
        Assert.DoesNotContain("may have been carried out", text);
    }

    [Fact]
    public async Task A_POST_whose_body_stalls_after_the_headers_keeps_the_status_and_says_it_may_have_been_carried_out()
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
        Assert.Equal(200, exception.StatusCode);

        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("POST"), exception));
        Assert.Contains("answered 200", text);
        Assert.Contains("may have been carried out", text);
        Assert.Contains("read tool", text);
        Assert.DoesNotContain("not sent", text);
        Assert.DoesNotContain("could not reach", text);
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

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
