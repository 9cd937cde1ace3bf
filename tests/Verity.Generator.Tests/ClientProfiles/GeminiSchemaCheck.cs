using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>
/// The rules of Gemini's function-declaration <c>Schema</c> (google-gemini/gemini-cli#13326, #21094): its own keyword
/// set only (so no <c>$ref</c>, <c>$defs</c>, <c>$schema</c>, <c>oneOf</c>, <c>additionalProperties</c>…), one
/// <c>type</c> per schema, <c>enum</c> on strings only, <c>format</c> only where Gemini knows it.
/// </summary>
internal static class GeminiSchemaCheck
{
    private static readonly HashSet<string> Keywords =
    [
        "type", "format", "description", "nullable", "enum", "items", "properties", "required", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "anyOf", "default", "title", "minProperties", "maxProperties",
    ];

    private static readonly HashSet<string> Types = ["string", "number", "integer", "boolean", "array", "object"];

    private static readonly Dictionary<string, string[]> Formats = new()
    {
        ["string"] = ["date-time", "enum"],
        ["integer"] = ["int32", "int64"],
        ["number"] = ["float", "double"],
    };

    public static IEnumerable<string> Problems(string toolName, JsonObject inputSchema)
    {
        foreach (var (pointer, schema) in SchemaWalk.All(inputSchema))
        {
            var at = $"{toolName} at '{pointer}'";
            foreach (var (keyword, _) in schema)
            {
                if (!Keywords.Contains(keyword))
                {
                    yield return $"{at}: keyword '{keyword}'";
                }
            }

            string? type = null;
            if (schema["type"] is { } typeNode)
            {
                type = typeNode is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
                if (type is null || !Types.Contains(type))
                {
                    yield return $"{at}: type {typeNode.ToJsonString()}";
                }
            }

            if (schema["format"] is { } format
                && (type is null || !Formats.TryGetValue(type, out var known) || !known.Contains(format.ToString())))
            {
                yield return $"{at}: format '{format}' on type {type ?? "(none)"}";
            }

            if (schema["enum"] is JsonArray values && (type != "string" || values.Any(v => v?.GetValueKind() != JsonValueKind.String)))
            {
                yield return $"{at}: enum {values.ToJsonString()} on type {type ?? "(none)"}";
            }

            if (schema["nullable"] is { } nullable && nullable.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                yield return $"{at}: nullable {nullable.ToJsonString()}";
            }
        }
    }
}
