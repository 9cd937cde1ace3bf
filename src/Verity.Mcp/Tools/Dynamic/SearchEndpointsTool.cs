using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary><c>search_api_endpoints</c>: a ranked text search over the served tools' names, summaries, descriptions and tags.</summary>
public sealed class SearchEndpointsTool() : DynamicTool(DynamicToolNames.Search, Description, InputSchemaJson, OutputSchemaJson)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public const string Description =
        "Find the API tool for a task: a ranked search over every tool's name, summary, description and tags. " +
        "Describe the task in a few words (e.g. \"place a test phone call\"); optionally keep one tag. Then call " +
        DynamicToolNames.Describe + " with a name it returns for the exact arguments, and " + DynamicToolNames.Call + " to run it.";

    public const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "query": { "type": "string", "minLength": 1, "maxLength": 500, "description": "What you want to do, in a few words, or a tool's name." },
            "tag": { "type": "string", "minLength": 1, "maxLength": 100, "description": "Only tools with this tag." },
            "limit": { "type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "The most tools to return." }
          },
          "required": ["query"],
          "additionalProperties": false
        }
        """;

    public const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "tools": {
              "type": "array",
              "description": "The best matches first.",
              "items": {
                "type": "object",
                "properties": {
                  "name": { "type": "string" },
                  "summary": { "type": "string" },
                  "tags": { "type": "array", "items": { "type": "string" } },
                  "readOnly": { "type": "boolean" },
                  "destructive": { "type": "boolean" }
                },
                "required": ["name", "summary", "tags", "readOnly", "destructive"]
              }
            }
          },
          "required": ["tools"]
        }
        """;

    protected override ToolAnnotations Annotations() =>
        new() { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false };

    protected override ValueTask<CallToolResult> InvokeAsync(
        IReadOnlyDictionary<string, JsonElement> arguments, ServedEndpoints endpoints, IServiceProvider services, CancellationToken cancellationToken)
    {
        var query = OptionalString(arguments, "query") ?? string.Empty;
        var tag = OptionalString(arguments, "tag");
        var limit = arguments.TryGetValue("limit", out var given) && given.TryGetInt32(out var number) ? number : DefaultLimit;
        if (tag is not null && !endpoints.HasTag(tag))
        {
            return ValueTask.FromResult(Error(endpoints.Tags.Count == 0
                ? $"No served tool has the tag '{tag}': the tools have no tags. Search without a tag."
                : $"No served tool has the tag '{tag}'. Tags: {string.Join(", ", endpoints.Tags)}."));
        }

        var hits = endpoints.Search(query, tag, limit);
        return ValueTask.FromResult(Structured(writer => Write(writer, hits)));
    }

    private static void Write(Utf8JsonWriter writer, IReadOnlyList<EndpointSearchHit> hits)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("tools");
        foreach (var hit in hits)
        {
            writer.WriteStartObject();
            writer.WriteString("name", hit.Name);
            writer.WriteString("summary", hit.Summary);
            writer.WriteStartArray("tags");
            foreach (var tag in hit.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("readOnly", hit.ReadOnly);
            writer.WriteBoolean("destructive", hit.Destructive);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
