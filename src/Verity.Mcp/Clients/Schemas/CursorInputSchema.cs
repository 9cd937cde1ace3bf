using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Cursor checks every top-level argument before a call: with <c>anyOf</c>, some variant's <c>type</c> must equal the
/// value's JavaScript type (<c>"null"</c> for null); otherwise <c>type</c> must equal it, <c>integer</c> also taking a
/// number (cursor/cursor#3540, #3778). So a type array (never equal to one type) becomes an <c>anyOf</c> of one-type
/// variants, an integer variant is written as a whole number, and references are inlined, Cursor resolving none.
/// </summary>
internal static class CursorInputSchema
{
    public static JsonObject Shape(JsonObject schema)
    {
        var root = SchemaRefInliner.Inline(schema);
        if (root["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(pair => pair.Key).ToArray())
            {
                if (properties[name] is JsonObject argument)
                {
                    var shaped = ShapeArgument(argument);
                    if (!ReferenceEquals(shaped, argument))
                    {
                        properties[name] = SchemaNodes.Reparent(shaped);
                    }
                }
            }
        }

        return root;
    }

    private static JsonObject ShapeArgument(JsonObject argument)
    {
        if (argument["type"] is JsonArray)
        {
            return SchemaTypeSplitter.Split(argument, integerAsNumber: true);
        }

        return argument["anyOf"] is JsonArray variants ? ShapeAnyOf(argument, variants) : argument;
    }

    /// <summary>Gives every variant one plain type Cursor can compare; when some variant has none, hides the <c>anyOf</c>.</summary>
    private static JsonObject ShapeAnyOf(JsonObject argument, JsonArray variants)
    {
        var plain = new JsonArray();
        foreach (var item in variants)
        {
            if (item is not JsonObject variant)
            {
                return HideAnyOf(argument);
            }

            var split = SchemaTypeSplitter.Split(SchemaNodes.CopyOf(variant), integerAsNumber: true);
            if (split["anyOf"] is JsonArray inner && split.All(pair => pair.Key == "anyOf" || SchemaKeywords.IsAnnotation(pair.Key)))
            {
                foreach (var innerVariant in inner)
                {
                    plain.Add(SchemaNodes.Clone(innerVariant));
                }

                continue;
            }

            if (WithPlainType(split) is not { } typed)
            {
                return HideAnyOf(argument);
            }

            plain.Add((JsonNode)typed);
        }

        var result = SchemaNodes.CopyOf(argument, key => key != "anyOf");
        result["anyOf"] = plain;
        return result;
    }

    private static JsonObject? WithPlainType(JsonObject variant)
    {
        var types = SchemaNodes.Types(variant);
        if (variant["type"] is JsonValue && types.Count == 1)
        {
            return SchemaTypeSplitter.IntegerAsNumber(variant);
        }

        if (variant.ContainsKey("type"))
        {
            return null;
        }

        var inferred = InferType(variant);
        if (inferred is null)
        {
            return null;
        }

        var typed = new JsonObject { ["type"] = inferred };
        foreach (var (key, value) in variant)
        {
            typed[key] = SchemaNodes.Clone(value);
        }

        return SchemaTypeSplitter.IntegerAsNumber(typed);
    }

    /// <summary>The one type an untyped variant admits, from its <c>enum</c> or <c>const</c> (nothing else pins it).</summary>
    private static string? InferType(JsonObject variant)
    {
        JsonNode?[] values = variant["enum"] is JsonArray list ? [.. list]
            : variant.TryGetPropertyValue("const", out var single) ? [single] : [];
        var types = values.Select(value => (value?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null) switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            System.Text.Json.JsonValueKind.Array => "array",
            System.Text.Json.JsonValueKind.Object => "object",
            _ => "null",
        }).Distinct(StringComparer.Ordinal).ToArray();
        return types.Length == 1 ? types[0] : null;
    }

    /// <summary>Moves the <c>anyOf</c> into an <c>allOf</c> member: the same rule, which Cursor's check does not read.</summary>
    private static JsonObject HideAnyOf(JsonObject argument)
    {
        var result = SchemaNodes.CopyOf(argument, key => key != "anyOf");
        var allOf = result["allOf"] as JsonArray ?? [];
        allOf.Add((JsonNode)new JsonObject { ["anyOf"] = SchemaNodes.Clone(argument["anyOf"]) });
        result["allOf"] = SchemaNodes.Reparent(allOf);
        return result;
    }
}
