using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>
/// Arguments an attacker or a confused assistant could send: each one gives an argument error that names the argument,
/// no request, and never an exception out of the tool (which the SDK would turn into a bare protocol error).
/// </summary>
public sealed class HostileArgumentTests
{
    /// <summary>Shaped like a generated tool: a path segment, a number and an integer in a JSON body, a tag array in the query.</summary>
    private sealed class ScoreTool() : EndpointTool(Descriptor, Definition)
    {
        private static readonly EndpointDescriptor Descriptor = new("score_agent", "POST", "/api/agents/{agentId}/score", false, false, null, false, ["agents"]);

        private static readonly ToolDefinition Definition = new(
            "Score an agent.",
            """
            { "type": "object",
              "properties": {
                "agentId": { "type": "string", "minLength": 1, "maxLength": 64 },
                "score": { "type": "number" },
                "count": { "type": "integer" },
                "tag": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 40 }, "maxItems": 10, "uniqueItems": true },
                "meta": { "type": "object" },
                "scores": { "type": "array", "items": { "type": "number", "minimum": 0 } },
                "note": { "type": "string" }
              },
              "required": ["agentId"], "additionalProperties": false }
            """,
            null,
            new ToolHints(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true));

        protected override ApiRequest BuildRequest(ToolArguments arguments)
        {
            var request = new ApiRequestBuilder(Descriptor)
                .AppendLiteral("/api/agents/")
                .AppendSegment("agentId", ToolJson.ReadString(arguments.GetRequired("agentId")))
                .AppendLiteral("/score");
            if (arguments.TryGet("tag", out var tag))
            {
                request.AddQuery("tag", ToolJson.ReadList(tag, ToolJson.ReadString));
            }

            double? score = arguments.TryGet("score", out var value) ? ToolJson.ReadDouble(value) : null;
            long? count = arguments.TryGet("count", out value) ? ToolJson.ReadInt64(value) : null;
            JsonElement? meta = arguments.TryGet("meta", out value) ? ToolJson.ReadJson(value) : null;
            request.SetJsonBody(ToolJson.Serialize((score, count, meta), static (writer, body) =>
            {
                writer.WriteStartObject();
                if (body.score is { } s)
                {
                    writer.WriteNumber("score", s);
                }

                if (body.count is { } c)
                {
                    writer.WriteNumber("count", c);
                }

                if (body.meta is { } m)
                {
                    writer.WritePropertyName("meta");
                    m.WriteTo(writer);
                }

                writer.WriteEndObject();
            }));
            return request.Build();
        }
    }

    private sealed class RecordingClient : IApiClient
    {
        public List<ApiRequest> Requests { get; } = [];

        public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new ApiResponse { StatusCode = 200 });
        }
    }

    private sealed class StatusMapper : IToolResultMapper
    {
        public CallToolResult FromResponse(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract) =>
            new() { Content = [new TextContentBlock { Text = $"sent {response.StatusCode}" }] };

        public CallToolResult FromException(EndpointDescriptor endpoint, Exception exception) =>
            new() { IsError = true, Content = [new TextContentBlock { Text = $"failed: {exception.GetType().Name}" }] };
    }

    private static async Task<(string Text, int Sent)> CallAsync(string argumentsJson)
    {
        var client = new RecordingClient();
        await using var services = new ServiceCollection()
            .AddSingleton<IApiClient>(client)
            .AddSingleton<IToolResultMapper, StatusMapper>()
            .BuildServiceProvider();
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

        var result = await new ScoreTool().InvokeAsync(arguments, services, CancellationToken.None);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(result.IsError == true || client.Requests.Count == 1, text);
        return (text, client.Requests.Count);
    }

    [Theory]
    [InlineData("""{ "agentId": "\ud800" }""", "- agentId (text):")]
    [InlineData("""{ "agentId": "agt_\udc00x" }""", "- agentId (text):")]
    [InlineData("""{ "agentId": "agt_01", "tag": ["ok", "\ud83d"] }""", "- tag[1] (text):")]
    [InlineData("""{ "agentId": "agt_01", "meta": { "note": "\udfff" } }""", "- meta.note (text):")]
    [InlineData("""{ "agentId": "agt_01", "meta": { "\ud800": 1 } }""", "- meta (text):")]
    public async Task A_lone_surrogate_is_an_argument_error_naming_the_argument(string arguments, string expected)
    {
        var (text, sent) = await CallAsync(arguments);

        Assert.Equal(0, sent);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("not valid Unicode text", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "agentId": "agt_01", "score": 1e400 }""", "- score (range):")]
    [InlineData("""{ "agentId": "agt_01", "score": -1e400 }""", "- score (range):")]
    [InlineData("""{ "agentId": "agt_01", "count": 1e400 }""", "- count (range):")]
    [InlineData("""{ "agentId": "agt_01", "meta": { "big": [1, 2e308] } }""", "- meta.big[1] (range):")]
    public async Task An_out_of_range_number_is_an_argument_error_naming_the_argument(string arguments, string expected)
    {
        var (text, sent) = await CallAsync(arguments);

        Assert.Equal(0, sent);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_text_with_escapes_and_large_finite_numbers_still_goes_through()
    {
        var (text, sent) = await CallAsync("""{ "agentId": "agt_\u00e9\ud83d\ude00", "score": 1.7976931348623157e308, "count": -9007199254740993, "meta": { "a\u0041": "\ud83d\ude00" } }""");

        Assert.Equal((1, "sent 200"), (sent, text));
    }

    [Fact]
    public async Task An_array_over_maxItems_is_refused_for_its_length_alone()
    {
        // Twelve items, each also too short and repeated: past maxItems nothing else is checked.
        var (text, sent) = await CallAsync($$"""{ "agentId": "agt_01", "tag": [{{string.Join(", ", Enumerable.Repeat("\"\"", 12))}}] }""");

        Assert.Equal(0, sent);
        Assert.Contains("(1 problem)", text, StringComparison.Ordinal);
        Assert.Contains("- tag (maxItems): must have at most 10 items, not 12.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_first_problems_are_listed_and_the_rest_counted()
    {
        var (text, sent) = await CallAsync($$"""{ "agentId": "agt_01", "scores": [{{string.Join(", ", Enumerable.Repeat("-1", 100))}}] }""");

        Assert.Equal(0, sent);
        Assert.Contains("(100 problems)", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.Equal(ArgumentErrors.MaxListed, lines.Count(line => line.StartsWith("- scores[", StringComparison.Ordinal)));
        Assert.Equal("- …and 80 more.", lines[^1]);
    }

    [Fact]
    public async Task An_argument_set_of_megabytes_is_refused_for_its_size()
    {
        var note = new string('x', 3 * 1024 * 1024);
        var (text, sent) = await CallAsync($$"""{ "agentId": "agt_01", "note": "{{note}}" }""");

        Assert.Equal(0, sent);
        Assert.Contains("(1 problem)", text, StringComparison.Ordinal);
        Assert.Contains("- arguments (size): the arguments are 3,145,749 bytes of JSON; at most 1,048,576 are accepted.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..\\admin", "must not contain '/' or '\\'")]
    [InlineData("agt_01/../../admin", "must not contain '/' or '\\'")]
    [InlineData("%2e%2e", "must not be '.' or '..'")]
    [InlineData(".%2E", "must not be '.' or '..'")]
    public async Task A_path_value_that_would_leave_its_segment_is_refused_by_name(string agentId, string message)
    {
        var (text, sent) = await CallAsync($$"""{ "agentId": {{JsonSerializer.Serialize(agentId)}} }""");

        Assert.Equal(0, sent);
        Assert.Contains($"- agentId (path): {message}", text, StringComparison.Ordinal);
    }
}
