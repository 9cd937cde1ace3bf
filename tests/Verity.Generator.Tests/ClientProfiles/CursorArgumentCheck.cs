using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>
/// Cursor's check of each top-level argument before it calls a tool, as quoted from its code in cursor/cursor#3540:
/// <code>
/// if (r.anyOf) { const u = r.anyOf.map(d => d.type); if (!u.some(d => d === "null" &amp;&amp; o === null || d === a)) throw … }
/// else if (r.type &amp;&amp; a !== r.type &amp;&amp; !(r.type === "integer" &amp;&amp; a === "number")) throw …
/// </code>
/// where <c>r</c> is the property's schema, <c>o</c> the value and <c>a</c> its type ("array" for arrays, "null" for
/// null, else JavaScript's <c>typeof</c>). A type array is a JavaScript array, never equal to a string.
/// </summary>
internal static class CursorArgumentCheck
{
    /// <summary>Cursor's error for the value, or null when Cursor lets the call through.</summary>
    public static string? Check(string name, JsonObject property, JsonNode? value)
    {
        var a = JavaScriptType(value);
        if (property["anyOf"] is JsonArray variants)
        {
            var u = variants.Select(variant => variant is JsonObject v && v["type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null).ToList();
            return u.Any(d => (d == "null" && value is null) || d == a)
                ? null
                : $"Parameter '{name}' must be one of types [{string.Join(", ", u)}], got {a}";
        }

        if (property["type"] is { } type)
        {
            var single = type is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (single != a && !(single == "integer" && a == "number"))
            {
                return $"Parameter '{name}' must be of type {(single ?? string.Join(",", SchemaWalk.Types(property)))}, got {a}";
            }
        }

        return null;
    }

    private static string JavaScriptType(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        _ => "object",
    };
}
