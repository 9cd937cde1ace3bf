using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// OpenAI strict function calling (github/github-mcp-server#376, dotnet/extensions#6266): every object closed with
/// <c>"additionalProperties": false</c> and listing all its properties in <c>required</c>, an optional property made
/// nullable instead (the server reads a null there as "not given"), no <c>format</c> or <c>default</c>, and only the
/// keywords strict mode documents. <c>allOf</c> is merged and <c>oneOf</c> written as <c>anyOf</c>; every keyword that
/// goes says so in the description. References stay (strict mode resolves <c>$defs</c>, recursion included), but a
/// <c>$ref</c> never has sibling keywords there: one with a description becomes a one-variant <c>anyOf</c>.
/// </summary>
internal static class OpenAiStrictInputSchema
{
    /// <summary>The keywords strict mode takes.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "type", "description", "title", "properties", "required", "additionalProperties", "items", "anyOf", "enum", "const",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "$ref", "$defs",
    };

    private const string FreeFormNote =
        "Free-form object: strict mode cannot describe its keys, so this client can only send it empty (the API takes any keys).";

    public static JsonObject Shape(JsonObject schema)
    {
        schema.Remove("$schema");
        var root = SchemaNodes.RewriteBottomUp(schema, Normalize);
        return SchemaNodes.RewriteBottomUp(root, Strict);
    }

    private static JsonObject Normalize(JsonObject node)
    {
        SchemaCombinators.LeaveOnlyAnyOf(node);

        if (node["items"] is JsonArray)
        {
            SchemaNotes.MoveToDescription(node, "items");
        }

        foreach (var keyword in node.Select(pair => pair.Key).Where(key => !Keywords.Contains(key)).ToArray())
        {
            SchemaNotes.MoveToDescription(node, keyword);
        }

        if (node["$ref"] is JsonNode reference && node.Count > 1 && !node.ContainsKey("anyOf"))
        {
            node.Remove("$ref");
            node["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaNodes.Clone(reference) });
        }

        return node;
    }

    private static JsonObject Strict(JsonObject node)
    {
        if (IsObject(node))
        {
            CloseObject(node);
        }

        if (SchemaNodes.HasType(node, "array") && !node.ContainsKey("items"))
        {
            node["items"] = AnyValue(primitivesOnly: true);
        }

        if (!node.ContainsKey("type") && !node.ContainsKey("anyOf") && !node.ContainsKey("enum") && !node.ContainsKey("const") && !node.ContainsKey("$ref"))
        {
            // Strict mode wants a type on every schema; "any value" is written as the values it can describe.
            var any = AnyValue(primitivesOnly: false);
            foreach (var (key, value) in any)
            {
                node[key] = SchemaNodes.Clone(value);
            }

            SchemaNotes.Append(node, "Any JSON value; strict mode offers text, a number, true or false, null, or a list of those.");
        }

        return node;
    }

    private static bool IsObject(JsonObject node) =>
        SchemaNodes.HasType(node, "object") || (!node.ContainsKey("type") && node.ContainsKey("properties"));

    private static void CloseObject(JsonObject node)
    {
        if (!node.ContainsKey("type"))
        {
            node["type"] = "object";
        }

        var properties = node["properties"] as JsonObject ?? [];
        var extra = node["additionalProperties"];
        var closed = extra?.GetValueKind() == System.Text.Json.JsonValueKind.False;
        if (properties.Count == 0 && !closed)
        {
            SchemaNotes.Append(node, FreeFormNote);
        }

        if (extra is JsonObject)
        {
            // A map's value schema: say what its values must be, since strict mode closes the object.
            SchemaNotes.MoveToDescription(node, "additionalProperties");
        }

        var required = (node["required"] as JsonArray)?.Select(name => name?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var name in properties.Select(pair => pair.Key).ToArray())
        {
            if (!required.Contains(name) && properties[name] is JsonObject optional)
            {
                MakeNullable(optional);
            }
        }

        node["properties"] = SchemaNodes.Reparent(properties);
        node["required"] = new JsonArray([.. properties.Select(pair => (JsonNode)pair.Key)]);
        node["additionalProperties"] = false;
    }

    /// <summary>Lets the schema also accept null, the strict way of leaving an argument out.</summary>
    private static void MakeNullable(JsonObject schema)
    {
        if (schema["$ref"] is JsonNode reference)
        {
            schema.Remove("$ref");
            schema["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaNodes.Clone(reference) }, new JsonObject { ["type"] = "null" });
            return;
        }

        if (schema["type"] is JsonNode type)
        {
            var types = SchemaNodes.Types(schema).ToList();
            if (!types.Contains("null"))
            {
                types.Add("null");
                schema["type"] = new JsonArray([.. types.Select(name => (JsonNode)name)]);
            }
        }
        else if (schema["anyOf"] is JsonArray variants)
        {
            if (!variants.OfType<JsonObject>().Any(variant => SchemaNodes.HasType(variant, "null")))
            {
                variants.Add((JsonNode)new JsonObject { ["type"] = "null" });
            }

            return;
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            schema.Remove("const");
            schema["enum"] = new JsonArray(SchemaNodes.Clone(constant), null);
        }
        else if (schema["enum"] is JsonArray values && !values.Any(value => value is null))
        {
            values.Add(null);
        }
    }

    private static JsonObject AnyValue(bool primitivesOnly)
    {
        var primitives = new JsonArray(
            new JsonObject { ["type"] = "string" },
            new JsonObject { ["type"] = "number" },
            new JsonObject { ["type"] = "boolean" },
            new JsonObject { ["type"] = "null" });
        if (!primitivesOnly)
        {
            primitives.Add((JsonNode)new JsonObject { ["type"] = "array", ["items"] = AnyValue(primitivesOnly: true) });
        }

        return new JsonObject { ["anyOf"] = primitives };
    }
}
