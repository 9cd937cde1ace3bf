using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Clients;

/// <summary>A tool shaped like generated code, with a nullable argument and an output schema, for the profile tests.</summary>
internal sealed class UpdateNoteTool() : EndpointTool(Descriptor, Definition)
{
    public const string InputSchemaJson = """
        {
          "type": "object",
          "properties": {
            "noteId": { "type": "string", "minLength": 1 },
            "email": { "type": ["string", "null"], "format": "email", "maxLength": 254 }
          },
          "required": ["noteId"],
          "additionalProperties": false
        }
        """;

    public const string OutputSchemaJson = """
        { "type": "object", "properties": { "email": { "type": ["string", "null"], "format": "email" } } }
        """;

    public static readonly EndpointDescriptor Descriptor = new("update_note", "PATCH", "/notes/{noteId}", false, false, null, true, ["notes"]);

    private static readonly ToolDefinition Definition = new(
        "Change a note.", InputSchemaJson, OutputSchemaJson, new ToolHints(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: true));

    protected override ApiRequest BuildRequest(ToolArguments arguments) =>
        new ApiRequestBuilder(Descriptor).AppendLiteral("/notes/").AppendSegment("noteId", ToolJson.ReadString(arguments.GetRequired("noteId"))).Build();
}

internal static class ProfileTestTools
{
    /// <summary>A protocol tool with the given input schema (and an output schema the profiles must not touch).</summary>
    public static Tool Tool(string name, string inputSchema = UpdateNoteTool.InputSchemaJson)
    {
        using var input = JsonDocument.Parse(inputSchema);
        using var output = JsonDocument.Parse(UpdateNoteTool.OutputSchemaJson);
        return new Tool { Name = name, Description = "A tool.", InputSchema = input.RootElement.Clone(), OutputSchema = output.RootElement.Clone() };
    }
}
