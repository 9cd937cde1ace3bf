using System.Text;
using Microsoft.AspNetCore.Http;

namespace Verity.Mcp.Tests.Http;

public sealed class ResponseReadingTests
{
    private static readonly Dictionary<string, string?> SmallLimit = new() { ["VERITY_MAX_RESPONSE_BYTES"] = "1024" };

    [Fact]
    public async Task A_body_over_the_limit_is_cut_and_its_full_length_reported()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("\"abcdefgh\"", 500)) + "]";
        await using var api = await LoopbackApi.StartAsync(200, json);
        await using var pipeline = Pipeline.Create(api.Url, SmallLimit);

        var response = await pipeline.SendAsync("GET");

        Assert.True(response.Truncated);
        Assert.Equal(1024, response.Body.Length);
        Assert.Equal(json.Length, response.TotalLength);
        Assert.Equal(json[..1024], Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_counted_to_its_end()
    {
        await using var api = await LoopbackApi.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/plain";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.WriteAsync(new string('x', 500));
                await context.Response.Body.FlushAsync();
            }
        });
        await using var pipeline = Pipeline.Create(api.Url, SmallLimit);

        var response = await pipeline.SendAsync("GET");

        Assert.True(response.Truncated);
        Assert.Equal(1024, response.Body.Length);
        Assert.Equal(5000, response.TotalLength);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_whole()
    {
        await using var api = await LoopbackApi.StartAsync(200, new string('y', 1024));
        await using var pipeline = Pipeline.Create(api.Url, SmallLimit);

        var response = await pipeline.SendAsync("GET");

        Assert.False(response.Truncated);
        Assert.Equal(1024, response.Body.Length);
        Assert.Equal(1024, response.TotalLength);
    }

    [Fact]
    public async Task Status_reason_and_content_type_come_through()
    {
        await using var api = await LoopbackApi.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 204;
            await Task.CompletedTask;
        });
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("DELETE");

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("No Content", response.ReasonPhrase);
        Assert.True(response.Body.IsEmpty);
        Assert.False(response.Truncated);
        Assert.False(response.AuthRetried);
    }

    [Theory]
    [InlineData("", "/api/agents?limit=5")]
    [InlineData("/", "/api/agents?limit=5")]
    [InlineData("/v2", "/v2/api/agents?limit=5")]
    [InlineData("/v2/", "/v2/api/agents?limit=5")]
    [InlineData("/a/b", "/a/b/api/agents?limit=5")]
    public async Task The_request_path_is_appended_to_the_base_path(string basePath, string expected)
    {
        await using var api = await LoopbackApi.StartAsync(200);
        await using var pipeline = Pipeline.Create(api.Url + basePath);

        await pipeline.SendAsync("GET", "/api/agents?limit=5");

        Assert.Equal(expected, Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Encoded_path_segments_stay_encoded()
    {
        await using var api = await LoopbackApi.StartAsync(200);
        await using var pipeline = Pipeline.Create(api.Url);

        await pipeline.SendAsync("GET", "/api/contacts/a%2Fb%20c?q=x%26y");

        Assert.Equal("/api/contacts/a%2Fb%20c?q=x%26y", Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task The_body_headers_and_accept_are_sent()
    {
        await using var api = await LoopbackApi.StartAsync(201);
        await using var pipeline = Pipeline.Create(api.Url);

        await pipeline.SendAsync("POST", "/api/contacts", json: """{"name":"Ada"}""", headers: [new("Idempotency-Key", "key-12345678")]);

        var received = Assert.Single(api.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("""{"name":"Ada"}""", received.Body);
        Assert.Equal("application/json; charset=utf-8", received.Headers["Content-Type"]);
        Assert.Equal("application/json", received.Headers["Accept"]);
        Assert.Equal("key-12345678", received.Headers["Idempotency-Key"]);
    }

    [Theory]
    [InlineData("api/agents")]
    [InlineData("//evil.example/api")]
    [InlineData("")]
    public async Task A_relative_uri_that_is_not_a_rooted_path_is_refused(string relative)
    {
        await using var api = await LoopbackApi.StartAsync(200);
        await using var pipeline = Pipeline.Create(api.Url);

        await Assert.ThrowsAsync<ArgumentException>(() => pipeline.SendAsync("GET", relative));
        Assert.Equal(0, api.Count);
    }

    [Fact]
    public async Task A_body_cut_short_by_the_server_surfaces_as_HttpRequestException()
    {
        await using var api = await LoopbackApi.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("[1,2,3", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            // Returning short of the declared length makes Kestrel close the connection after what was sent.
        });
        await using var pipeline = Pipeline.Create(api.Url);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => pipeline.SendAsync("POST", json: "{}"));
        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
    }

    [Fact]
    public async Task A_server_that_is_not_there_surfaces_as_HttpRequestException()
    {
        string url;
        await using (var api = await LoopbackApi.StartAsync(200))
        {
            url = api.Url;
        }

        await using var pipeline = Pipeline.Create(url);
        await Assert.ThrowsAsync<HttpRequestException>(() => pipeline.SendAsync("POST", json: "{}"));
    }
}
