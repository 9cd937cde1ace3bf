using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>
/// OpenAI strict function calling's rules (github/github-mcp-server#376, dotnet/extensions#6266): every object has
/// <c>"additionalProperties": false</c> and lists every property in <c>required</c>; no <c>format</c>, no
/// <c>default</c>, no <c>oneOf</c>/<c>allOf</c>, only the keywords strict mode documents (the string, number and array
/// bounds since May 2025), no keyword beside a <c>$ref</c>; every schema typed; every array with <c>items</c>; the root
/// an object. An argument the catalog makes optional must accept null instead.
/// </summary>
internal static class OpenAiStrictCheck
{
    private static readonly HashSet<string> Keywords =
    [
        "type", "description", "title", "properties", "required", "additionalProperties", "items", "anyOf", "enum", "const",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "$defs", "$ref",
    ];

    public static IEnumerable<string> Problems(string toolName, JsonObject shaped, JsonObject original)
    {
        if (SchemaWalk.Types(shaped) is not ["object"] || shaped.ContainsKey("anyOf"))
        {
            yield return $"{toolName}: the root is not a plain object";
        }

        foreach (var (pointer, schema) in SchemaWalk.All(shaped))
        {
            var at = $"{toolName} at '{pointer}'";
            foreach (var (keyword, _) in schema)
            {
                if (!Keywords.Contains(keyword))
                {
                    yield return $"{at}: keyword '{keyword}'";
                }
            }

            if (schema.ContainsKey("$ref") && schema.Count > 1)
            {
                yield return $"{at}: keywords beside $ref";
            }

            var types = SchemaWalk.Types(schema);
            if (types.Count == 0 && !schema.ContainsKey("anyOf") && !schema.ContainsKey("enum") && !schema.ContainsKey("const") && !schema.ContainsKey("$ref"))
            {
                yield return $"{at}: no type";
            }

            if (types.Contains("object"))
            {
                if (schema["additionalProperties"]?.GetValueKind() != JsonValueKind.False)
                {
                    yield return $"{at}: object without \"additionalProperties\": false";
                }

                var properties = (schema["properties"] as JsonObject)?.Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
                var required = (schema["required"] as JsonArray)?.Select(item => item!.ToString()).Order(StringComparer.Ordinal).ToList();
                if (properties is null || required is null || !properties.SequenceEqual(required))
                {
                    yield return $"{at}: required [{string.Join(", ", required ?? [])}] is not every property [{string.Join(", ", properties ?? [])}]";
                }
            }

            if (types.Contains("array") && schema["items"] is not JsonObject)
            {
                yield return $"{at}: array without items";
            }
        }

        var originalRequired = (original["required"] as JsonArray)?.Select(item => item!.ToString()).ToHashSet() ?? [];
        foreach (var (name, property) in shaped["properties"] as JsonObject ?? [])
        {
            if (!originalRequired.Contains(name) && property is JsonObject schema && !AcceptsNull(schema))
            {
                yield return $"{toolName}: optional argument '{name}' is required but does not accept null";
            }
        }
    }

    private static bool AcceptsNull(JsonObject schema)
    {
        var typeAllows = !schema.ContainsKey("type") || SchemaWalk.Types(schema).Contains("null");
        var enumAllows = schema["enum"] is not JsonArray values || values.Any(value => value is null);
        var anyOfAllows = schema["anyOf"] is not JsonArray variants || variants.OfType<JsonObject>().Any(AcceptsNull);
        return typeAllows && enumAllows && anyOfAllows;
    }
}
