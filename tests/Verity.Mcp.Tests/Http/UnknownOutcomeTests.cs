using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Http;

/// <summary>
/// A non-idempotent request whose answer is lost after it may have reached the API must never read as "not
/// sent": the assistant would repeat it (a second phone call). Only a failure before sending may say so.
/// </summary>
public sealed class UnknownOutcomeTests
{
    [Fact]
    public async Task A_POST_whose_connection_is_reset_after_it_arrived_says_it_may_have_been_carried_out()
    {
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            // The request (body included) was read: the API could have acted on it before the connection broke.
            context.Abort();
            return Task.CompletedTask;
        });
        await using var pipeline = Pipeline.Create(api.Url);

        var exception = await Assert.ThrowsAnyAsync<HttpRequestException>(() => pipeline.SendAsync("POST", json: """{"to":"+15550100"}"""));
        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("POST"), exception));

        Assert.Equal(1, api.Count);
        Assert.Contains("may have been carried out", text);
        Assert.Contains("read tool", text);
        Assert.DoesNotContain("not sent", text);
        Assert.DoesNotContain("could not reach", text);
    }

    [Fact]
    public async Task A_POST_whose_body_breaks_after_the_headers_keeps_the_status_and_says_it_may_have_been_carried_out()
    {
        var headersSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await LoopbackApi.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 100;
            await context.Response.WriteAsync("""{"id":"call_""", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await headersSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
            context.Abort();
        });
        await using var pipeline = Pipeline.Create(api.Url, configureClient: builder => builder.AddHttpMessageHandler(() => new SignalOnHeaders(headersSeen)));

        var exception = await Assert.ThrowsAnyAsync<HttpRequestException>(() => pipeline.SendAsync("POST", json: """{"to":"+15550100"}"""));
        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("POST"), exception));

        Assert.Equal(System.Net.HttpStatusCode.Created, exception.StatusCode);
        Assert.Contains("answered 201", text);
        Assert.Contains("may have been carried out", text);
        Assert.Contains("read tool", text);
        Assert.DoesNotContain("not sent", text);
    }

    [Fact]
    public async Task A_DELETE_the_catalog_marks_not_idempotent_is_treated_like_a_POST()
    {
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        await using var pipeline = Pipeline.Create(api.Url);
        var endpoint = Pipeline.Endpoint("DELETE", idempotent: false);

        var exception = await Assert.ThrowsAnyAsync<HttpRequestException>(() => pipeline.SendAsync("DELETE", endpoint: endpoint));

        Assert.Equal(1, api.Count);
        Assert.Contains("may have been carried out", Text(pipeline.Mapper.FromException(endpoint, exception)));
    }

    [Fact]
    public async Task A_POST_that_finds_no_server_says_it_was_not_sent()
    {
        string url;
        await using (var gone = await LoopbackApi.StartAsync(200))
        {
            url = gone.Url;
        }

        await using var pipeline = Pipeline.Create(url);

        var exception = await Assert.ThrowsAnyAsync<HttpRequestException>(() => pipeline.SendAsync("POST", json: "{}"));
        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("POST"), exception));

        Assert.Equal(HttpRequestError.ConnectionError, exception.HttpRequestError);
        Assert.Contains("could not reach the API", text);
        Assert.Contains("was not sent", text);
        Assert.Contains("VERITY_BASE_URL", text);
        Assert.DoesNotContain("may have been carried out", text);
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    /// <summary>Tells the server that the client has the answer's headers, so the cut lands in the body.</summary>
    private sealed class SignalOnHeaders(TaskCompletionSource headersSeen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            headersSeen.TrySetResult();
            return response;
        }
    }
}
