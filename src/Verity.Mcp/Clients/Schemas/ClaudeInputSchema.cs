using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Claude's tool definitions refuse <c>oneOf</c>, <c>anyOf</c> and <c>allOf</c> at the top of an input schema. An
/// <c>allOf</c> of objects is merged; a <c>oneOf</c>/<c>anyOf</c> of objects becomes one object with every
/// alternative's properties (required only where every alternative requires them), and the description says which
/// combinations are allowed. Everything below the top stays as it is.
/// </summary>
internal static class ClaudeInputSchema
{
    private static readonly string[] Combinators = ["allOf", "oneOf", "anyOf"];

    public static JsonObject Shape(JsonObject schema)
    {
        if (!Combinators.Any(schema.ContainsKey))
        {
            return schema;
        }

        var root = SchemaNodes.CopyOf(schema);
        if (root["allOf"] is JsonArray members)
        {
            root["allOf"] = new JsonArray([.. members.Select(member => (JsonNode?)Resolve(root, member))]);
            if (!SchemaAllOfMerger.TryMerge(root))
            {
                SchemaNotes.MoveToDescription(root, "allOf");
            }
        }

        foreach (var combinator in (string[])["oneOf", "anyOf"])
        {
            if (root[combinator] is JsonArray alternatives)
            {
                root.Remove(combinator);
                Unite(root, [.. alternatives.Select(alternative => Resolve(root, alternative))], exactlyOne: combinator == "oneOf");
            }
        }

        root["type"] = "object";
        return root;
    }

    /// <summary>One object schema holding every alternative's properties.</summary>
    private static void Unite(JsonObject root, IReadOnlyList<JsonObject?> alternatives, bool exactlyOne)
    {
        var properties = root["properties"] as JsonObject ?? [];
        var required = (root["required"] as JsonArray)?.Select(name => name?.ToString()).OfType<string>().ToList() ?? [];
        HashSet<string>? requiredByAll = null;
        var combinations = new List<string>();
        var allClosed = alternatives.Count > 0;
        foreach (var alternative in alternatives)
        {
            if (alternative is null)
            {
                allClosed = false;
                continue;
            }

            var ownRequired = (alternative["required"] as JsonArray)?.Select(name => name?.ToString()).OfType<string>().ToList() ?? [];
            var names = new List<string>(ownRequired);
            if (alternative["properties"] is JsonObject own)
            {
                foreach (var (name, propertySchema) in own)
                {
                    if (!names.Contains(name, StringComparer.Ordinal))
                    {
                        names.Add(name);
                    }

                    properties[name] = properties[name] is { } existing && !JsonNode.DeepEquals(existing, propertySchema)
                        ? new JsonObject { ["anyOf"] = new JsonArray(SchemaNodes.Clone(existing), SchemaNodes.Clone(propertySchema)) }
                        : SchemaNodes.Clone(propertySchema);
                }
            }

            requiredByAll = requiredByAll is null ? [.. ownRequired] : [.. requiredByAll.Intersect(ownRequired, StringComparer.Ordinal)];
            allClosed &= alternative["additionalProperties"]?.GetValueKind() == System.Text.Json.JsonValueKind.False;
            combinations.Add(names.Count == 0 ? "no arguments" : string.Join(", ", names.Select(name => ownRequired.Contains(name) ? name : name + " (optional)")));
        }

        foreach (var name in requiredByAll ?? [])
        {
            if (!required.Contains(name, StringComparer.Ordinal))
            {
                required.Add(name);
            }
        }

        root["properties"] = SchemaNodes.Reparent(properties);
        if (required.Count > 0)
        {
            root["required"] = new JsonArray([.. required.Select(name => (JsonNode)name)]);
        }

        if (allClosed && !root.ContainsKey("additionalProperties"))
        {
            root["additionalProperties"] = false;
        }

        var numbered = combinations.Select((text, index) => $"({index + 1}) {text}");
        SchemaNotes.Append(root, $"Give {(exactlyOne ? "exactly one" : "at least one")} of these combinations of arguments: {string.Join("; ", numbered)}.");
    }

    /// <summary>The alternative as an object schema, following a top-level <c>$ref</c> into the schema's <c>$defs</c>.</summary>
    private static JsonObject? Resolve(JsonObject root, JsonNode? alternative)
    {
        if (alternative is not JsonObject schema)
        {
            return null;
        }

        if (SchemaNodes.String(schema, "$ref") is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
            && root["$defs"] is JsonObject definitions
            && definitions[Uri.UnescapeDataString(reference["#/$defs/".Length..]).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] is JsonObject target)
        {
            var resolved = SchemaNodes.CopyOf(target);
            foreach (var (key, value) in schema)
            {
                if (key != "$ref")
                {
                    resolved[key] = SchemaNodes.Clone(value);
                }
            }

            return resolved;
        }

        return SchemaNodes.CopyOf(schema);
    }
}
