using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary><c>describe_api_endpoint</c>: one served tool as <c>tools/list</c> would list it, with its exact schemas.</summary>
public sealed class DescribeEndpointTool() : DynamicTool(DynamicToolNames.Describe, Description, InputSchemaJson, OutputSchemaJson)
{
    public const string Description =
        "Describe one API tool found with " + DynamicToolNames.Search + ": its description, the exact JSON Schema of its " +
        "arguments (inputSchema), of its result (outputSchema, when it has one) and whether it only reads or changes data. " +
        "Then run it with " + DynamicToolNames.Call + ".";

    public const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "minLength": 1, "maxLength": 64, "description": "The tool's name, as the search returned it." }
          },
          "required": ["name"],
          "additionalProperties": false
        }
        """;

    public const string OutputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "summary": { "type": "string" },
            "description": { "type": "string" },
            "tags": { "type": "array", "items": { "type": "string" } },
            "inputSchema": { "type": "object", "description": "The JSON Schema the arguments must match." },
            "outputSchema": { "type": "object", "description": "The JSON Schema of the result's structured content." },
            "annotations": {
              "type": "object",
              "properties": {
                "readOnlyHint": { "type": "boolean" },
                "destructiveHint": { "type": "boolean" },
                "idempotentHint": { "type": "boolean" },
                "openWorldHint": { "type": "boolean" }
              }
            }
          },
          "required": ["name", "description", "inputSchema", "annotations"]
        }
        """;

    protected override ToolAnnotations Annotations() =>
        new() { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false };

    protected override ValueTask<CallToolResult> InvokeAsync(
        IReadOnlyDictionary<string, JsonElement> arguments, ServedEndpoints endpoints, IServiceProvider services, CancellationToken cancellationToken)
    {
        var name = OptionalString(arguments, "name") ?? string.Empty;
        if (endpoints.Find(name) is not { } tool)
        {
            return ValueTask.FromResult(UnknownEndpoint(name));
        }

        var summary = endpoints.SummaryOf(tool);
        return ValueTask.FromResult(Structured(writer => Write(writer, tool, summary)));
    }

    private static void Write(Utf8JsonWriter writer, EndpointTool tool, string summary)
    {
        var listed = tool.ProtocolTool;
        writer.WriteStartObject();
        writer.WriteString("name", listed.Name);
        writer.WriteString("summary", summary);
        writer.WriteString("description", listed.Description ?? string.Empty);
        writer.WriteStartArray("tags");
        foreach (var tag in tool.Endpoint.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("inputSchema");
        listed.InputSchema.WriteTo(writer);
        if (listed.OutputSchema is { } output)
        {
            writer.WritePropertyName("outputSchema");
            output.WriteTo(writer);
        }

        writer.WriteStartObject("annotations");
        WriteHint(writer, "readOnlyHint", listed.Annotations?.ReadOnlyHint);
        WriteHint(writer, "destructiveHint", listed.Annotations?.DestructiveHint);
        WriteHint(writer, "idempotentHint", listed.Annotations?.IdempotentHint);
        WriteHint(writer, "openWorldHint", listed.Annotations?.OpenWorldHint);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteHint(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } hint)
        {
            writer.WriteBoolean(name, hint);
        }
    }
}
