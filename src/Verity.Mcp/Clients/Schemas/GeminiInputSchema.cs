using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Gemini's function declarations take an OpenAPI-style subset of JSON Schema (google-gemini/gemini-cli#13326,
/// #21094): one <c>type</c> per schema with <c>nullable</c> for null, no <c>$ref</c>/<c>$defs</c>/<c>$schema</c>,
/// <c>enum</c> on strings only, <c>format</c> only where Gemini knows it. References are inlined, a nullable type
/// array becomes one type plus <c>"nullable": true</c>, other type arrays an <c>anyOf</c>, and every keyword Gemini
/// would refuse moves into the description as a sentence.
/// </summary>
internal static class GeminiInputSchema
{
    /// <summary>The keywords of Gemini's <c>Schema</c> object.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "type", "format", "description", "nullable", "enum", "items", "properties", "required", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "anyOf", "default", "title", "minProperties", "maxProperties",
    };

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "string", "number", "integer", "boolean", "array", "object",
    };

    /// <summary>Whether Gemini accepts <paramref name="format"/> on a schema of <paramref name="type"/>.</summary>
    private static bool AcceptsFormat(string? type, string format) => (type, format) switch
    {
        ("string", "date-time" or "enum") => true,
        ("integer", "int32" or "int64") => true,
        ("number", "float" or "double") => true,
        _ => false,
    };

    public static JsonObject Shape(JsonObject schema)
    {
        var root = SchemaRefInliner.Inline(schema);
        root.Remove("$schema");
        return SchemaNodes.RewriteBottomUp(root, ShapeNode);
    }

    private static JsonObject ShapeNode(JsonObject node)
    {
        SchemaCombinators.LeaveOnlyAnyOf(node);

        if (node.TryGetPropertyValue("const", out var constant) && !node.ContainsKey("enum"))
        {
            node.Remove("const");
            node["enum"] = new JsonArray(SchemaNodes.Clone(constant));
        }

        if (!node.ContainsKey("type") && node["enum"] is JsonArray values
            && values.All(value => value?.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            node["type"] = "string"; // the enum admits strings only, so the type adds no limit
        }

        var shaped = WithoutTypeArray(node);
        if (shaped["anyOf"] is JsonArray variants)
        {
            foreach (var variant in variants.OfType<JsonObject>())
            {
                KeepGeminiKeywords(variant);
            }
        }

        KeepGeminiKeywords(shaped);
        return shaped;
    }

    /// <summary>One type per schema: null becomes <c>nullable</c>, several other types an <c>anyOf</c>.</summary>
    private static JsonObject WithoutTypeArray(JsonObject node)
    {
        if (node["type"] is not JsonArray)
        {
            return node;
        }

        var types = SchemaNodes.Types(node);
        var nullable = types.Contains("null", StringComparer.Ordinal);
        var others = types.Where(type => type != "null").Distinct(StringComparer.Ordinal).ToArray();
        if (nullable && node["enum"] is JsonArray values)
        {
            // With nullable set, null need not be (and for Gemini cannot be) an enum value.
            node["enum"] = new JsonArray([.. values.Where(value => value is not null).Select(SchemaNodes.Clone)]);
        }

        JsonObject result;
        if (others.Length == 0)
        {
            result = SchemaNodes.CopyOf(node, key => key != "type");
        }
        else if (others.Length == 1)
        {
            result = SchemaNodes.CopyOf(node);
            result["type"] = others[0];
        }
        else
        {
            var withoutNull = SchemaNodes.CopyOf(node);
            withoutNull["type"] = new JsonArray([.. others.Select(type => (JsonNode)type)]);
            result = SchemaTypeSplitter.Split(withoutNull, integerAsNumber: false);
        }

        if (nullable)
        {
            result["nullable"] = true;
        }

        return result;
    }

    /// <summary>Moves every keyword Gemini refuses, on this node only, into its description.</summary>
    private static void KeepGeminiKeywords(JsonObject node)
    {
        if (SchemaNodes.String(node, "type") is { } named && !Types.Contains(named))
        {
            // Gemini has no null type: a schema that only admits null says so with nullable.
            node.Remove("type");
            if (named == "null")
            {
                node["nullable"] = true;
            }
            else
            {
                SchemaNotes.Append(node, $"Type: {named}.");
            }
        }

        var type = SchemaNodes.String(node, "type");
        if (node["enum"] is JsonArray values && (type != "string" || values.Any(value => value?.GetValueKind() != System.Text.Json.JsonValueKind.String)))
        {
            SchemaNotes.MoveToDescription(node, "enum");
        }

        if (SchemaNodes.String(node, "format") is { } format && !AcceptsFormat(type, format))
        {
            SchemaNotes.MoveToDescription(node, "format");
        }

        if (node["items"] is JsonArray)
        {
            SchemaNotes.MoveToDescription(node, "items");
        }

        foreach (var keyword in node.Select(pair => pair.Key).Where(key => !Keywords.Contains(key)).ToArray())
        {
            SchemaNotes.MoveToDescription(node, keyword);
        }
    }
}
