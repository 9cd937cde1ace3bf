using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// <c>call_api_endpoint</c>: runs one served tool exactly as a direct call would (the same <see cref="EndpointTool"/>
/// validates, sends and maps), so its argument errors, results and retry rules are the tool's own.
/// </summary>
public sealed class CallEndpointTool() : DynamicTool(DynamicToolNames.Call, Description, InputSchemaJson, null)
{
    public const string Description =
        "Run one API tool found with " + DynamicToolNames.Search + ", with arguments that match the inputSchema " +
        DynamicToolNames.Describe + " gave. The result (or the error, e.g. which argument is wrong) is the tool's own. " +
        "Check the tool's readOnly/destructive hints first: a tool that changes data acts for real.";

    public const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "minLength": 1, "maxLength": 64, "description": "The tool's name, as the search returned it." },
            "arguments": {
              "description": "The tool's arguments: an object matching its inputSchema; a client that cannot send a free-form object may send the same object as JSON text.",
              "anyOf": [{ "type": "object" }, { "type": "string" }]
            }
          },
          "required": ["name"],
          "additionalProperties": false
        }
        """;

    protected override ToolAnnotations Annotations() =>
        // The called tool may change data or act outside: say the worst, as MCP's defaults do.
        new() { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true };

    protected override ValueTask<CallToolResult> InvokeAsync(
        IReadOnlyDictionary<string, JsonElement> arguments, ServedEndpoints endpoints, IServiceProvider services, CancellationToken cancellationToken)
    {
        var name = OptionalString(arguments, "name") ?? string.Empty;
        if (endpoints.Find(name) is not { } tool)
        {
            return ValueTask.FromResult(UnknownEndpoint(name));
        }

        if (!TryReadArguments(arguments, out var toolArguments))
        {
            return ValueTask.FromResult(InvalidArgumentsResult.Create(
                DynamicToolNames.Call, [new ArgumentError("arguments", "type", "must be an object, or JSON text holding one.")]));
        }

        return tool.InvokeAsync(toolArguments, services, cancellationToken);
    }

    private static bool TryReadArguments(IReadOnlyDictionary<string, JsonElement> arguments, out IReadOnlyDictionary<string, JsonElement>? toolArguments)
    {
        toolArguments = null;
        if (!arguments.TryGetValue("arguments", out var given) || given.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (given.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(given.GetString()!);
                given = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return false;
            }
        }

        if (given.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var read = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in given.EnumerateObject())
        {
            read[property.Name] = property.Value;
        }

        toolArguments = read;
        return true;
    }
}
