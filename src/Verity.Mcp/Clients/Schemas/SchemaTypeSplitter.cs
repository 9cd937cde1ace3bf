using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Turns <c>"type": [A, B, …]</c> into <c>"anyOf": [{"type": A, …}, {"type": B, …}]</c>, each keyword going to the
/// variant whose type it constrains (<c>maxLength</c> to the string one, <c>minimum</c> to the numeric ones, an
/// <c>enum</c>'s values to the variant of their type). Annotations and type-independent keywords stay on the schema.
/// The result accepts exactly what the original accepts.
/// </summary>
internal static class SchemaTypeSplitter
{
    /// <summary>
    /// The split schema, or <paramref name="schema"/> itself when its <c>type</c> is not an array.
    /// <paramref name="integerAsNumber"/> writes an integer variant as <c>{"type": "number", "multipleOf": 1}</c>
    /// (the same values) for clients that compare a variant's type with JavaScript's <c>typeof</c>.
    /// </summary>
    public static JsonObject Split(JsonObject schema, bool integerAsNumber)
    {
        if (schema["type"] is not JsonArray)
        {
            return schema;
        }

        var types = SchemaNodes.Types(schema).Distinct(StringComparer.Ordinal).ToList();
        if (types.Contains("number") && types.Contains("integer"))
        {
            types.Remove("integer"); // every integer is a number
        }

        var variants = types.ToDictionary(type => type, type => (JsonObject?)new JsonObject { ["type"] = type }, StringComparer.Ordinal);
        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case "type":
                    break;
                case "enum" when value is JsonArray values:
                    SplitValues(variants, values, single: false);
                    break;
                case "const":
                    SplitValues(variants, new JsonArray(SchemaNodes.Clone(value)), single: true);
                    break;
                case "format" when value is JsonValue text && text.TryGetValue<string>(out var format):
                    if (VariantFor(variants, SchemaKeywords.FormatType(format)) is { } target)
                    {
                        target[key] = format;
                    }

                    break;
                default:
                    if (SchemaKeywords.ConstrainedType(key) is { } constrained)
                    {
                        // A keyword for a type no variant has constrains nothing: dropping it changes no answer.
                        foreach (var variant in VariantsOf(variants, constrained))
                        {
                            variant[key] = SchemaNodes.Clone(value);
                        }
                    }
                    else
                    {
                        result[key] = SchemaNodes.Clone(value);
                    }

                    break;
            }
        }

        var list = variants.Values.Where(variant => variant is not null).Select(variant => integerAsNumber ? IntegerAsNumber(variant!) : variant!).ToList();
        if (list.Count == 1)
        {
            foreach (var (key, value) in list[0])
            {
                result[key] = SchemaNodes.Clone(value);
            }

            return result;
        }

        if (result["anyOf"] is JsonNode existing)
        {
            // Both must hold: the schema's own anyOf moves into allOf.
            result.Remove("anyOf");
            var allOf = result["allOf"] as JsonArray ?? [];
            allOf.Add((JsonNode)new JsonObject { ["anyOf"] = SchemaNodes.Clone(existing) });
            result["allOf"] = SchemaNodes.Reparent(allOf);
        }

        result["anyOf"] = new JsonArray([.. list.Select(variant => (JsonNode)variant)]);
        return result;
    }

    /// <summary>An integer schema written as a number schema that accepts the same values.</summary>
    public static JsonObject IntegerAsNumber(JsonObject variant)
    {
        if (SchemaNodes.String(variant, "type") != "integer")
        {
            return variant;
        }

        var result = new JsonObject { ["type"] = "number" };
        foreach (var (key, value) in variant)
        {
            if (key != "type")
            {
                result[key] = SchemaNodes.Clone(value);
            }
        }

        if (result["multipleOf"] is not JsonValue step || !SchemaNodes.ValueHasType(step, "integer"))
        {
            if (result.ContainsKey("multipleOf"))
            {
                var allOf = result["allOf"] as JsonArray ?? [];
                allOf.Add((JsonNode)new JsonObject { ["multipleOf"] = 1 });
                result["allOf"] = SchemaNodes.Reparent(allOf);
            }
            else
            {
                result["multipleOf"] = 1;
            }
        }

        return result;
    }

    private static void SplitValues(Dictionary<string, JsonObject?> variants, JsonArray values, bool single)
    {
        foreach (var type in variants.Keys.ToArray())
        {
            var matching = values.Where(value => SchemaNodes.ValueHasType(value, type)).ToList();
            if (matching.Count == 0)
            {
                variants[type] = null; // the enum admits no value of this type
            }
            else if (type != "null" && variants[type] is { } variant)
            {
                variant[single ? "const" : "enum"] = single
                    ? SchemaNodes.Clone(matching[0])
                    : new JsonArray([.. matching.Select(SchemaNodes.Clone)]);
            }
        }
    }

    // A format describes values of one type only; with no variant of that type it constrains nothing.
    private static JsonObject? VariantFor(Dictionary<string, JsonObject?> variants, string type) =>
        variants.GetValueOrDefault(type)
        ?? (type is "integer" ? variants.GetValueOrDefault("number") : type is "number" ? variants.GetValueOrDefault("integer") : null);

    private static IEnumerable<JsonObject> VariantsOf(Dictionary<string, JsonObject?> variants, string constrained) =>
        variants.Where(pair => pair.Value is not null
                && (pair.Key == constrained || (constrained == "number" && pair.Key == "integer")))
            .Select(pair => pair.Value!);
}
