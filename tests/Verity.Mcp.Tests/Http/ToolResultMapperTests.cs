using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Http;

public sealed class ToolResultMapperTests
{
    private static readonly EndpointDescriptor WithSchema = Pipeline.Endpoint("GET");
    private static readonly EndpointDescriptor WithoutSchema = Pipeline.Endpoint("GET", hasOutputSchema: false);
    private static readonly ToolResultContract AnyObject = new(JsonElement.Parse("""{"type":"object"}"""), wrapsResult: false, NarrowingArguments.None);
    private readonly ToolResultMapper _mapper = new(new SecretRedactor(), new Dictionary<string, ApiSettingNames>(), ApiSettingNames.WithPrefix("VERITY"), checkCommand: "verity-mcp doctor");

    [Fact]
    public void A_json_object_becomes_compact_text_and_structured_content()
    {
        var result = Map(WithSchema, 200, "{ \"id\" : \"agt_01\",\n  \"tags\": [ 1, 2 ] }", contract: AnyObject);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("""{"id":"agt_01","tags":[1,2]}""", Text(result));
        Assert.NotNull(result.StructuredContent);
        Assert.Equal("agt_01", result.StructuredContent.Value.GetProperty("id").GetString());
    }

    [Fact]
    public void Without_an_output_schema_json_is_text_only()
    {
        Assert.Null(Map(WithoutSchema, 200, """{"id":1}""").StructuredContent);
        var array = Map(WithoutSchema, 200, "[1, 2]");
        Assert.Null(array.StructuredContent);
        Assert.Equal("[1,2]", Text(array));
    }

    [Fact]
    public void Json_without_a_json_content_type_is_still_compacted()
    {
        Assert.Equal("""{"a":1}""", Text(Map(WithSchema, 200, "{ \"a\": 1 }", contentType: null, contract: AnyObject)));
        Assert.Equal("""{"a":1}""", Text(Map(WithoutSchema, 200, "{ \"a\": 1 }", contentType: null)));
    }

    [Fact]
    public void Invalid_json_is_shown_as_text_by_a_tool_without_an_output_schema()
    {
        var result = Map(WithoutSchema, 200, "{not json");
        Assert.Equal("{not json", Text(result));
        Assert.Null(result.StructuredContent);
    }

    [Fact]
    public void Other_text_is_shown_as_is_by_a_tool_without_an_output_schema()
    {
        Assert.Equal("line 1\nline 2", Text(Map(WithoutSchema, 200, "line 1\nline 2", "text/plain; charset=utf-8")));
        Assert.Equal("caf\u00e9", Text(Map(WithoutSchema, 200, Encoding.Latin1.GetBytes("caf\u00e9"), "text/plain; charset=iso-8859-1")));
    }

    [Fact]
    public void Binary_content_is_described_in_one_line_by_a_tool_without_an_output_schema()
    {
        var result = Map(WithoutSchema, 200, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3 }, "image/png");
        var text = Text(result);
        Assert.Contains("image/png", text);
        Assert.Contains("8 bytes", text);
        Assert.DoesNotContain('\n', text);
        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public void An_empty_success_says_done()
    {
        var result = Map(WithoutSchema, 204, [], null, reason: "No Content");
        Assert.StartsWith("Done", Text(result));
        Assert.Contains("204", Text(result));
        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public void A_cut_body_of_a_tool_without_an_output_schema_is_shown_as_far_as_it_goes_with_how_much_was_cut()
    {
        var response = new ApiResponse
        {
            StatusCode = 200,
            ContentType = "application/json",
            Body = Encoding.UTF8.GetBytes("""{"data":[{"id":"a"},{"id":"b"""),
            TotalLength = 250_000,
            Truncated = true,
        };
        var result = _mapper.FromResponse(WithoutSchema, response, ToolResultContract.None);

        var text = Text(result);
        Assert.StartsWith("""{"data":[{"id":"a"},{"id":"b""", text);
        Assert.Contains("244.1 KB", text);
        Assert.Contains("VERITY_MAX_RESPONSE_BYTES", text);
        Assert.Null(result.StructuredContent);
    }

    [Fact]
    public void A_cut_in_the_middle_of_a_character_does_not_show_a_broken_character()
    {
        var bytes = Encoding.UTF8.GetBytes("ab\u20ac");
        var response = new ApiResponse { StatusCode = 200, ContentType = "text/plain", Body = bytes[..3], TotalLength = bytes.Length, Truncated = true };
        Assert.StartsWith("ab\n", Text(_mapper.FromResponse(WithoutSchema, response, ToolResultContract.None)));
    }

    [Theory]
    [InlineData("""{"error":{"message":"No agent with id agt_99.","code":"not_found"}}""", "No agent with id agt_99. (code not_found)")]
    [InlineData("""{"message":"Agent not found"}""", "Agent not found.")]
    [InlineData("""{"errors":[{"message":"not found","long_message":"Resource not found","code":"resource_not_found"}],"clerk_trace_id":"t1"}""", "not found — Resource not found (code resource_not_found) (trace id t1)")]
    [InlineData("""{"type":"about:blank","title":"Not Found","status":404,"detail":"The agent does not exist."}""", "Not Found — The agent does not exist.")]
    [InlineData("""{"error":"invalid_request","error_description":"bad id"}""", "invalid_request. bad id.")]
    public void A_failure_carries_the_status_the_apis_message_and_a_hint(string body, string message)
    {
        var result = Map(WithSchema, 404, body, reason: "Not Found");

        Assert.True(result.IsError);
        var text = Text(result);
        Assert.StartsWith("get_things failed: the API answered 404 Not Found.", text);
        Assert.Contains("The API said: " + message, text);
        Assert.Contains("check the id", text);
        Assert.Null(result.StructuredContent);
    }

    [Fact]
    public void Validation_details_in_an_errors_object_name_the_fields()
    {
        var result = Map(WithSchema, 422, """{"title":"One or more validation errors occurred.","errors":{"phoneNumber":["Must be E.164."]}}""");
        Assert.Contains("phoneNumber: Must be E.164.", Text(result));
        Assert.Contains("fix the fields", Text(result));
    }

    [Fact]
    public void A_plain_text_error_is_quoted_and_an_html_page_is_not()
    {
        Assert.Contains("The API said: upstream down", Text(Map(WithSchema, 502, "upstream down", "text/plain")));
        Assert.DoesNotContain("The API said", Text(Map(WithSchema, 502, "<html><body>Bad gateway</body></html>", "text/html")));
    }

    [Fact]
    public void A_401_after_a_token_refresh_says_so_and_points_to_doctor()
    {
        var response = new ApiResponse { StatusCode = 401, ContentType = "application/json", Body = """{"error":{"message":"expired"}}"""u8.ToArray(), AuthRetried = true };
        var text = Text(_mapper.FromResponse(WithSchema, response, AnyObject));
        Assert.Contains("even after a token refresh", text);
        Assert.Contains("verity-mcp doctor", text);
    }

    [Theory]
    [InlineData(400, "input schema")]
    [InlineData(401, "verity-mcp doctor")]
    [InlineData(403, "not allowed")]
    [InlineData(409, "conflicts")]
    [InlineData(422, "fix the fields")]
    [InlineData(429, "Too many requests")]
    [InlineData(500, "failed on its side")]
    [InlineData(503, "try again")]
    public void Each_failure_status_gets_a_useful_hint(int status, string hint)
    {
        var result = Map(WithSchema, status, "");
        Assert.True(result.IsError);
        Assert.Contains(hint, Text(result));
    }

    [Fact]
    public void A_rate_limit_says_how_long_the_api_asked_to_wait()
    {
        var response = new ApiResponse { StatusCode = 429, ContentType = "application/json", Body = "{}"u8.ToArray(), RetryAfter = TimeSpan.FromSeconds(90) };
        Assert.Contains("wait 90 s", Text(_mapper.FromResponse(WithSchema, response, AnyObject)));
    }

    [Fact]
    public void A_timeout_names_the_limit_and_the_setting()
    {
        var text = Text(_mapper.FromException(WithSchema, new ApiTimeoutException(TimeSpan.FromSeconds(30))));
        Assert.Contains("30 s", text);
        Assert.Contains("VERITY_TIMEOUT_SECONDS", text);

        var endpointText = Text(_mapper.FromException(Pipeline.Endpoint("POST", timeout: TimeSpan.FromSeconds(60)), new ApiTimeoutException(TimeSpan.FromSeconds(60))));
        Assert.Contains("60 s", endpointText);
        Assert.Contains("timeoutSeconds", endpointText);
    }

    [Fact]
    public void A_transport_failure_points_to_the_base_url()
    {
        var result = _mapper.FromException(WithSchema, new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)"));
        Assert.True(result.IsError);
        Assert.Contains("could not reach the API (the connection failed), so the request was not sent", Text(result));
        Assert.Contains("VERITY_BASE_URL", Text(result));
    }

    [Fact]
    public void No_secret_or_token_reaches_a_result()
    {
        const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJlLWJ5dGVz";
        const string Key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
        var fromException = Text(_mapper.FromException(WithSchema, new InvalidOperationException($"Clerk said no to {Key} with token {Jwt}.")));
        var fromBody = Text(Map(WithSchema, 401, $$"""{"message":"Bearer {{Jwt}} rejected for {{Key}}"}"""));

        foreach (var text in new[] { fromException, fromBody })
        {
            Assert.DoesNotContain(Jwt, text);
            Assert.DoesNotContain(Key, text);
            Assert.DoesNotContain("eyJ", text);
            Assert.Contains("[redacted]", text);
        }
    }

    [Fact]
    public void A_cancellation_is_reported_as_such()
    {
        Assert.Contains("cancelled", Text(_mapper.FromException(WithSchema, new OperationCanceledException())));
    }

    private CallToolResult Map(EndpointDescriptor endpoint, int status, string body, string? contentType = "application/json", string? reason = null, ToolResultContract? contract = null) =>
        Map(endpoint, status, Encoding.UTF8.GetBytes(body), contentType, reason, contract);

    private CallToolResult Map(EndpointDescriptor endpoint, int status, byte[] body, string? contentType, string? reason = null, ToolResultContract? contract = null) =>
        _mapper.FromResponse(
            endpoint,
            new ApiResponse
            {
                StatusCode = status,
                ReasonPhrase = reason,
                ContentType = contentType,
                Body = body,
                TotalLength = body.Length,
            },
            contract ?? (endpoint.HasOutputSchema ? AnyObject : ToolResultContract.None));

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
