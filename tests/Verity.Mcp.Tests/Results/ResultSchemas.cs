using System.Text.Json;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Results;

/// <summary>
/// Schemas shaped like the generator's output for a list endpoint such as <c>list_calls</c> (relaxed output schema:
/// no enum, format or bounds; required and types kept) and its input schema, plus contracts built from them.
/// </summary>
internal static class ResultSchemas
{
    public const string ListCallsInput = """
        {
          "type": "object",
          "properties": {
            "status": { "description": "Only calls in this state.", "type": "string", "enum": ["queued", "completed"] },
            "agentId": { "type": "string", "maxLength": 64 },
            "from": { "type": "string", "format": "date-time" },
            "to": { "type": "string", "format": "date-time" },
            "limit": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 },
            "cursor": { "type": "string", "maxLength": 200 }
          },
          "additionalProperties": false
        }
        """;

    public const string CallPageOutput = """
        {
          "type": "object",
          "required": ["data"],
          "properties": {
            "data": { "type": "array", "items": { "$ref": "#/$defs/Call" } },
            "nextCursor": { "type": ["string", "null"] }
          },
          "$defs": {
            "Call": {
              "type": "object",
              "required": ["id", "agentId", "toNumber", "status", "createdAt"],
              "properties": {
                "id": { "type": "string", "description": "Call id, e.g. call_0001." },
                "agentId": { "type": "string" },
                "toNumber": { "type": "string", "description": "Callee in E.164 form." },
                "fromNumber": { "type": ["string", "null"] },
                "contactName": { "type": ["string", "null"] },
                "isTest": { "type": "boolean" },
                "status": { "$ref": "#/$defs/CallStatus" },
                "createdAt": { "type": "string", "description": "Format: date-time." },
                "startedAt": { "type": ["string", "null"], "description": "Format: date-time." },
                "durationSeconds": { "type": ["integer", "null"] }
              }
            },
            "CallStatus": {
              "type": "string",
              "description": "Where the call is in its lifecycle. Known values: queued, ringing, in_progress, completed, failed, no_answer, canceled."
            }
          }
        }
        """;

    /// <summary>Like a delete endpoint's answer: content is required.</summary>
    public const string DeletedOutput = """
        { "type": "object", "required": ["id", "deleted"], "properties": { "id": { "type": "string" }, "deleted": { "type": "boolean" } } }
        """;

    /// <summary>Nothing required: an empty answer is the empty object.</summary>
    public const string OptionalOnlyOutput = """
        { "type": "object", "properties": { "id": { "type": "string" } } }
        """;

    /// <summary>A list of strings answered as a bare array, wrapped as the generator wraps it.</summary>
    public const string WrappedTagsOutput = """
        { "type": "object", "properties": { "result": { "type": "array", "items": { "type": "string" } } }, "required": ["result"] }
        """;

    public static ToolResultContract Contract(string? output, bool wraps = false, string input = ListCallsInput, bool readOnly = true) =>
        new(output is null ? null : Parse(output), wraps, NarrowingArguments.From(Parse(input), readOnly, [], []));

    public static JsonElement Parse(string json) => JsonElement.Parse(json);
}
