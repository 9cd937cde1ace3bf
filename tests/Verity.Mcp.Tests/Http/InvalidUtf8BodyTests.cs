using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Tests.Http;

/// <summary>
/// An API that sends bytes that are not UTF-8 under a UTF-8 content type: the result keeps the status, shows
/// the text it can (U+FFFD for the bad bytes) and can still be written to the wire.
/// </summary>
public sealed class InvalidUtf8BodyTests
{
    // "café(" with the é cut to its lead byte: C3 followed by '(' is not UTF-8.
    private static readonly byte[] BadName = [(byte)'c', (byte)'a', (byte)'f', 0xC3, (byte)'('];

    [Fact]
    public async Task A_success_json_body_with_invalid_utf8_keeps_the_status_and_shows_replacement_characters()
    {
        await using var api = await LoopbackApi.StartAsync((context, _) => WriteBytesAsync(context, 200, "application/json", Json("{\"name\":\"", BadName, "\",\"n\":1}")));
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("GET");
        var result = pipeline.Mapper.FromResponse(Pipeline.Endpoint("GET"), response);

        Assert.Equal(200, response.StatusCode);
        Assert.NotEqual(true, result.IsError);
        using (var shown = JsonDocument.Parse(Text(result)))
        {
            Assert.Equal("caf\uFFFD(", shown.RootElement.GetProperty("name").GetString());
        }

        Assert.Equal("caf\uFFFD(", result.StructuredContent!.Value.GetProperty("name").GetString());
        AssertWritable(result);
    }

    [Fact]
    public async Task An_error_json_body_with_invalid_utf8_keeps_the_status_and_quotes_what_it_can()
    {
        await using var api = await LoopbackApi.StartAsync((context, _) => WriteBytesAsync(context, 422, "application/json", Json("{\"error\":{\"message\":\"Name ", BadName, " is not allowed\"}}")));
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("POST", json: "{}");
        var result = pipeline.Mapper.FromResponse(Pipeline.Endpoint("POST"), response);

        Assert.True(result.IsError);
        var text = Text(result);
        Assert.StartsWith("post_things failed: the API answered 422", text);
        Assert.Contains("The API said: Name caf\uFFFD( is not allowed.", text);
        AssertWritable(result);
    }

    [Fact]
    public async Task A_text_body_with_invalid_utf8_keeps_the_status_and_shows_replacement_characters()
    {
        await using var api = await LoopbackApi.StartAsync((context, _) => WriteBytesAsync(context, 500, "text/plain; charset=utf-8", Json("upstream ", BadName, " broke")));
        await using var pipeline = Pipeline.Create(api.Url);

        var response = await pipeline.SendAsync("GET");
        var result = pipeline.Mapper.FromResponse(Pipeline.Endpoint("GET"), response);

        Assert.True(result.IsError);
        Assert.Contains("answered 500", Text(result));
        Assert.Contains("The API said: upstream caf\uFFFD( broke", Text(result));
    }

    private static byte[] Json(string before, byte[] middle, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), .. middle, .. System.Text.Encoding.UTF8.GetBytes(after)];

    private static async Task WriteBytesAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The MCP server serializes results with the SDK's options; a result it cannot write is a protocol error.</summary>
    private static void AssertWritable(CallToolResult result)
    {
        var json = JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions);
        Assert.Contains("\\uFFFD", json, StringComparison.OrdinalIgnoreCase);
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
