using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tests.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Results;

/// <summary>
/// Success answers of a real loopback API through the tool, the pipeline as the host registers it and the result
/// mapper: whenever a tool declares an output schema, a success result carries structuredContent that an independent
/// JSON Schema 2020-12 validator (format asserted) accepts, or it is an error that keeps the facts.
/// </summary>
public sealed class StructuredResultTests
{
    private static readonly Dictionary<string, string?> SmallestLimit = new() { ["VERITY_MAX_RESPONSE_BYTES"] = "1024" };

    [Fact]
    public async Task A_list_answer_carries_structured_content_that_validates_against_the_declared_schema()
    {
        var page = CallPage(3, nextCursor: "cur_4");
        var (result, tool) = await CallAsync(ListCalls(), page);

        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent!.Value;
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, structured);
        Assert.True(JsonElement.DeepEquals(JsonElement.Parse(page), structured));
        Assert.Equal(ReadableJson.Write(JsonElement.Parse(page)), Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task A_new_status_a_missing_optional_field_and_a_new_field_still_give_valid_structured_content()
    {
        var grown = """
            {"data":[{"id":"call_0001","agentId":"agt_01","toNumber":"+15555550123","status":"voicemail","createdAt":"2026-11-01T09:30:00Z",
                      "sentiment":"positive"}],"nextCursor":null,"total":1}
            """;

        var (result, tool) = await CallAsync(ListCalls(), grown);

        Assert.NotEqual(true, result.IsError);
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, result.StructuredContent!.Value);
        Assert.Equal("voicemail", result.StructuredContent.Value.GetProperty("data")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Text_content_is_compact_json_with_plus_signs_and_non_ascii_letters_as_they_are()
    {
        var answer = JsonSerializer.Serialize(new
        {
            data = new[] { new { id = "call_0001", agentId = "agt_01", toNumber = "+15555550123", contactName = "Zoë <Ops> & 'Team' 😀", status = "queued", createdAt = "2026-11-01T09:30:00Z" } },
        });
        Assert.Contains("\\u002B", answer, StringComparison.Ordinal);

        var (result, _) = await CallAsync(ListCalls(), answer);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("\"toNumber\":\"+15555550123\"", text, StringComparison.Ordinal);
        Assert.Contains("\"contactName\":\"Zoë <Ops> & 'Team' 😀\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.True(JsonElement.DeepEquals(JsonElement.Parse(text), result.StructuredContent!.Value));
    }

    [Fact]
    public async Task An_answer_with_a_lone_surrogate_escape_shows_a_replacement_character_and_can_be_written_to_the_wire()
    {
        var (result, tool) = await CallAsync(ListCalls(), """{"data":[{"id":"c\ud800","agentId":"a","toNumber":"+1","status":"queued","createdAt":"t"}]}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("c\uFFFD", result.StructuredContent!.Value.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.Contains("\"id\":\"c\uFFFD\"", Text(result), StringComparison.Ordinal);
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, result.StructuredContent.Value);
        Assert.Contains("\\uFFFD", JsonSerializer.Serialize(result, ModelContextProtocol.McpJsonUtilities.DefaultOptions), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_answer_that_breaks_the_schema_is_an_error_naming_the_first_mismatch_and_keeping_the_answer()
    {
        var broken = """{"data":[{"id":"call_0001","agentId":"agt_01","toNumber":"+1555","status":"queued","createdAt":"2026-11-01T09:30:00Z"},{"id":"call_0002","agentId":"agt_01","status":"queued","createdAt":"x"}]}""";

        var (result, _) = await CallAsync(ListCalls(), broken);

        Assert.True(result.IsError);
        Assert.Null(result.StructuredContent);
        var text = Text(result);
        Assert.StartsWith("list_calls: the API answered 200 OK, but the answer does not match the tool's output schema at $.data[1].toNumber (required): is required.", text, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"call_0002\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("carried out", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", false, "The API carried out the request: do not send it again.")]
    [InlineData("PUT", true, "The API carried out the request (sending it again is safe).")]
    public async Task A_write_whose_answer_cannot_be_given_says_the_request_was_carried_out(string method, bool idempotent, string words)
    {
        var tool = new LoopbackTool(
            new EndpointDescriptor("save_thing", method, "/api/things", ReadOnly: false, idempotent, null, true, ["things"]),
            new ToolDefinition("Save a thing.", """{"type":"object"}""", ResultSchemas.DeletedOutput, default));

        var (result, _) = await CallAsync(tool, """{"id":42,"deleted":true}""", status: 201);

        Assert.True(result.IsError);
        Assert.Contains("201 Created", Text(result), StringComparison.Ordinal);
        Assert.Contains("$.id (type): must be a string, not an integer.", Text(result), StringComparison.Ordinal);
        Assert.Contains(words, Text(result), StringComparison.Ordinal);
        Assert.EndsWith("The answer:\n{\"id\":42,\"deleted\":true}", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_2xx_gives_the_empty_object_when_the_schema_accepts_it()
    {
        var tool = new LoopbackTool(Endpoint("DELETE", idempotent: true), new ToolDefinition("Delete.", """{"type":"object"}""", ResultSchemas.OptionalOnlyOutput, default));

        var (result, _) = await CallAsync(tool, string.Empty, status: 204);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(JsonValueKind.Object, result.StructuredContent!.Value.ValueKind);
        Assert.Empty(result.StructuredContent.Value.EnumerateObject());
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, result.StructuredContent.Value);
        Assert.StartsWith("Done: delete_things succeeded (204 No Content)", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_2xx_is_an_error_when_the_schema_needs_content()
    {
        var tool = new LoopbackTool(Endpoint("DELETE", idempotent: true), new ToolDefinition("Delete.", """{"type":"object"}""", ResultSchemas.DeletedOutput, default));

        var (result, _) = await CallAsync(tool, string.Empty, status: 204);

        Assert.True(result.IsError);
        Assert.Equal(
            "delete_things: the API answered 204 No Content with no content, but the tool's output schema expects content ($.id (required): is required.; "
            + "the catalog may be out of date with the API). The API carried out the request (sending it again is safe).",
            Text(result));
    }

    [Theory]
    [InlineData("<html><body>Maintenance</body></html>", "text/html", "text/html that is not JSON")]
    [InlineData("{not json", "application/json", "application/json that is not JSON")]
    public async Task A_2xx_that_is_not_json_is_an_error_with_the_status_and_the_text(string body, string contentType, string words)
    {
        var (result, _) = await CallAsync(ListCalls(), body, contentType: contentType);

        Assert.True(result.IsError);
        var text = Text(result);
        Assert.StartsWith("list_calls: the API answered 200 OK with " + words, text, StringComparison.Ordinal);
        Assert.EndsWith("The answer as received:\n" + body, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_2xx_is_an_error_that_describes_it()
    {
        var (result, _) = await CallAsync(ListCalls(), "\u0001\u0002PNG", contentType: "image/png");

        Assert.True(result.IsError);
        Assert.StartsWith("list_calls: the API answered 200 OK with image/png content of 5 bytes, not the JSON", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_array_answer_is_wrapped_as_result_when_the_schema_wraps_it()
    {
        var tool = new LoopbackTool(Endpoint("GET"), new ToolDefinition("Tags.", """{"type":"object"}""", ResultSchemas.WrappedTagsOutput, default) { OutputWrapsResult = true });

        var (result, _) = await CallAsync(tool, """[ "vip", /* a comment */ "+1 <lead>" ]""");

        Assert.NotEqual(true, result.IsError);
        Assert.True(JsonElement.DeepEquals(JsonElement.Parse("""{"result":["vip","+1 <lead>"]}"""), result.StructuredContent!.Value));
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, result.StructuredContent.Value);
        Assert.Equal("""["vip","+1 <lead>"]""", Text(result));
    }

    [Fact]
    public async Task An_array_answer_to_a_tool_that_declares_an_object_is_an_error()
    {
        var (result, _) = await CallAsync(ListCalls(), "[1,2]");

        Assert.True(result.IsError);
        Assert.Contains("at $ (type): must be an object, not an array.", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_cut_at_the_limit_keeps_its_whole_leading_items_with_a_note_of_what_was_left_out()
    {
        var page = CallPage(40, nextCursor: "cur_41");
        var (result, tool) = await CallAsync(ListCalls(), page, settings: SmallestLimit);

        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent!.Value;
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, structured);
        var kept = structured.GetProperty("data");
        Assert.InRange(kept.GetArrayLength(), 1, 39);
        var original = JsonElement.Parse(page).GetProperty("data");
        for (var i = 0; i < kept.GetArrayLength(); i++)
        {
            Assert.True(JsonElement.DeepEquals(original[i], kept[i]), $"item {i}");
        }

        Assert.False(structured.TryGetProperty("nextCursor", out _));
        Assert.Equal(2, result.Content.Count);
        Assert.Equal(ReadableJson.Write(structured), Assert.IsType<TextContentBlock>(result.Content[0]).Text);
        var note = Assert.IsType<TextContentBlock>(result.Content[1]).Text;
        var total = Encoding.UTF8.GetByteCount(page);
        Assert.Equal(
            $"[Answer cut at the 1 KB (1,024 bytes) limit (VERITY_MAX_RESPONSE_BYTES): it was {Size(total)}, so {Size(total - 1024)} was not read. "
            + $"Shown: the first {kept.GetArrayLength()} items of `data` and the properties before it; more items, and anything after `data`, were left out. "
            + $"To get the rest, call again with a smaller `limit` ({kept.GetArrayLength()} items fit), paging with `cursor` or narrower filters (`status`, `agentId`, `from` or `to`), "
            + "or raise VERITY_MAX_RESPONSE_BYTES.]",
            note);
    }

    [Fact]
    public async Task A_secret_in_a_kept_item_or_a_mismatching_answer_never_reaches_the_result()
    {
        const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJlLWJ5dGVz";
        var page = CallPage(40, nextCursor: null).Replace("\"agentId\":\"agt_01\"", $"\"agentId\":\"{Jwt.Replace("J", "\\u004A", StringComparison.Ordinal)}\"", StringComparison.Ordinal);

        var (cut, _) = await CallAsync(ListCalls(), page, settings: SmallestLimit);
        var (mismatch, _) = await CallAsync(ListCalls(), $$"""{"data":[{"id":"c","agentId":"{{Jwt}}"}]}""");

        Assert.NotEqual(true, cut.IsError);
        Assert.True(mismatch.IsError);
        foreach (var text in cut.Content.Concat(mismatch.Content).Select(block => Assert.IsType<TextContentBlock>(block).Text).Append(cut.StructuredContent!.Value.GetRawText()))
        {
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("u004A", text, StringComparison.Ordinal);
        }

        Assert.Equal("[redacted]", cut.StructuredContent.Value.GetProperty("data")[0].GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task A_cut_array_answer_keeps_its_whole_leading_items_under_result()
    {
        var tags = JsonSerializer.Serialize(Enumerable.Range(1, 200).Select(i => $"tag-{i:000}"));
        var tool = new LoopbackTool(Endpoint("GET"), new ToolDefinition("Tags.", ResultSchemas.ListCallsInput, ResultSchemas.WrappedTagsOutput, default) { OutputWrapsResult = true });

        var (result, _) = await CallAsync(tool, tags, settings: SmallestLimit);

        Assert.NotEqual(true, result.IsError);
        var kept = result.StructuredContent!.Value.GetProperty("result");
        Assert.InRange(kept.GetArrayLength(), 50, 199);
        Assert.Equal("tag-001", kept[0].GetString());
        IndependentSchemaValidator.AssertValid(tool.ProtocolTool.OutputSchema!.Value, result.StructuredContent.Value);
        Assert.StartsWith("[\"tag-001\",", Assert.IsType<TextContentBlock>(result.Content[0]).Text, StringComparison.Ordinal);
        Assert.Contains("items of the list", Assert.IsType<TextContentBlock>(result.Content[1]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_answer_with_no_whole_item_is_an_error_that_says_how_to_narrow_it()
    {
        var page = JsonSerializer.Serialize(new { data = new[] { new { id = "call_0001", agentId = "agt_01", toNumber = "+1555", status = "queued", createdAt = "2026-11-01T09:30:00Z", contactName = new string('x', 3000) } } });

        var (result, _) = await CallAsync(ListCalls(), page, settings: SmallestLimit);

        Assert.True(result.IsError);
        var text = Text(result);
        Assert.StartsWith($"list_calls: the API answered 200 OK, but the answer ({Size(Encoding.UTF8.GetByteCount(page))}) is larger than the 1 KB (1,024 bytes) limit (VERITY_MAX_RESPONSE_BYTES)", text, StringComparison.Ordinal);
        Assert.Contains("To get it, call again with a smaller `limit`, paging with `cursor` or narrower filters (`status`, `agentId`, `from` or `to`), or raise VERITY_MAX_RESPONSE_BYTES.", text, StringComparison.Ordinal);
        Assert.Contains("The first 1 KB (1,024 bytes) of the answer:\n{\"data\":[{\"id\":\"call_0001\",\"agentId\":\"agt_01\",\"toNumber\":\"+1555\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_answer_that_is_not_a_list_is_an_error_even_for_a_tool_without_narrowing_arguments()
    {
        var tool = new LoopbackTool(Endpoint("GET") with { PathTemplate = "/api/things/{id}" }, new ToolDefinition("Get.", """{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""", ResultSchemas.OptionalOnlyOutput, default));
        var answer = JsonSerializer.Serialize(new { id = new string('y', 5000) });

        var (result, _) = await CallAsync(tool, answer, settings: SmallestLimit, arguments: """{"id":"thing_1"}""");

        Assert.True(result.IsError);
        Assert.Contains("The tool has no argument that makes the answer smaller: raise VERITY_MAX_RESPONSE_BYTES to get it whole.", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_answer_of_a_tool_without_an_output_schema_is_its_text_with_a_cut_note()
    {
        var tool = new LoopbackTool(Endpoint("GET"), new ToolDefinition("List.", ResultSchemas.ListCallsInput, null, default));
        var page = CallPage(40, nextCursor: null);

        var (result, _) = await CallAsync(tool, page, settings: SmallestLimit);

        Assert.NotEqual(true, result.IsError);
        Assert.Null(result.StructuredContent);
        var text = Text(result);
        Assert.StartsWith("{\"data\":[{\"id\":\"call_0001\",\"agentId\":\"agt_01\",\"toNumber\":\"+15555550001\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", text, StringComparison.Ordinal);
        Assert.EndsWith("Ask for less with a smaller `limit`, paging with `cursor` or narrower filters (`status`, `agentId`, `from` or `to`) or raise VERITY_MAX_RESPONSE_BYTES.]", text, StringComparison.Ordinal);
    }

    private static LoopbackTool ListCalls() =>
        new(Endpoint("GET", name: "list_calls"), new ToolDefinition("List calls.", ResultSchemas.ListCallsInput, ResultSchemas.CallPageOutput, new ToolHints(true, false, true, true)));

    private static EndpointDescriptor Endpoint(string method, bool idempotent = true, string? name = null) =>
        new(name ?? $"{method.ToLowerInvariant()}_things", method, "/api/things", method == "GET", idempotent, null, true, ["things"]);

    private static string CallPage(int count, string? nextCursor) => JsonSerializer.Serialize(new
    {
        data = Enumerable.Range(1, count).Select(i => new
        {
            id = $"call_{i:0000}",
            agentId = "agt_01",
            toNumber = "+1555555" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            fromNumber = (string?)null,
            contactName = i % 3 == 0 ? "Zoë Müller" : null,
            isTest = i % 2 == 0,
            status = i % 4 == 0 ? "completed" : "queued",
            createdAt = "2026-11-01T09:30:00Z",
            durationSeconds = i % 4 == 0 ? (int?)(30 + i) : null,
        }),
        nextCursor,
    });

    private static async Task<(CallToolResult Result, LoopbackTool Tool)> CallAsync(
        LoopbackTool tool, string body, int status = 200, string contentType = "application/json", IDictionary<string, string?>? settings = null, string arguments = "{}")
    {
        await using var api = await LoopbackApi.StartAsync((context, _) => LoopbackApi.WriteAsync(context, status, body, contentType));
        await using var pipeline = Pipeline.Create(api.Url, settings);
        var result = await tool.InvokeAsync(
            JsonElement.Parse(arguments).EnumerateObject().ToDictionary(p => p.Name, p => p.Value), pipeline.Services, CancellationToken.None);
        Assert.Equal(1, api.Count);
        return (result, tool);
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    private static string Size(long bytes) => bytes < 1024
        ? $"{bytes} bytes"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB ({bytes:N0} bytes)");

    /// <summary>A tool shaped like generated code: sends its method to its path, arguments ignored.</summary>
    private sealed class LoopbackTool(EndpointDescriptor endpoint, ToolDefinition definition) : EndpointTool(endpoint, definition)
    {
        // The literal part of the template is enough: these tests are about the answer, not the path.
        protected override ApiRequest BuildRequest(ToolArguments arguments) => new ApiRequestBuilder(Endpoint).AppendLiteral(Endpoint.PathTemplate.Split('{')[0]).Build();
    }
}
