using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Replaces every local <c>$ref</c> with a copy of the schema it points at and drops <c>$defs</c>, for clients that
/// resolve no references. A reference back into a schema being expanded (a cycle) becomes a permissive schema of the
/// same type whose description says the nested shape was cut, so the result stays finite.
/// </summary>
internal static class SchemaRefInliner
{
    public static JsonObject Inline(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var inliner = new Expansion(root);
        var result = inliner.Expand(root, []);
        result.Remove("$defs");
        result.Remove("definitions");
        return result;
    }

    private sealed class Expansion(JsonObject root)
    {
        public JsonObject Expand(JsonObject schema, List<string> expanding)
        {
            var node = SchemaNodes.CopyOf(schema);
            if (SchemaNodes.String(node, "$ref") is { } reference)
            {
                return ExpandReference(node, reference, expanding);
            }

            SchemaNodes.ForEachSubschemaSlot(node, (get, set) =>
            {
                // $defs are dropped once every reference is expanded; expanding them would only cost time.
                if (!ReferenceEquals(get().Parent, node["$defs"]) && !ReferenceEquals(get().Parent, node["definitions"]))
                {
                    set(Expand(get(), expanding));
                }
            });
            return node;
        }

        private JsonObject ExpandReference(JsonObject node, string reference, List<string> expanding)
        {
            node.Remove("$ref");
            var target = Resolve(reference);
            if (target is null)
            {
                SchemaNotes.Append(node, $"Refers to {reference}, which is not part of this schema.");
                return Expand(node, expanding);
            }

            var name = reference.Length > 1 ? reference[(reference.LastIndexOf('/') + 1)..] : "schema";
            if (expanding.Contains(reference, StringComparer.Ordinal))
            {
                return Cut(node, target, name);
            }

            expanding.Add(reference);
            var expanded = Expand(target, expanding);
            expanding.RemoveAt(expanding.Count - 1);
            return Merge(Expand(node, expanding), expanded);
        }

        private JsonObject? Resolve(string reference)
        {
            if (reference == "#")
            {
                return root;
            }

            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            JsonNode? current = root;
            foreach (var token in reference[2..].Split('/'))
            {
                var name = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                current = current switch
                {
                    JsonObject obj => obj[name],
                    JsonArray array when int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                    _ => null,
                };
            }

            return current as JsonObject;
        }

        /// <summary>The schema's own keywords with the referenced schema's; on a clash both are kept through <c>allOf</c>.</summary>
        private static JsonObject Merge(JsonObject siblings, JsonObject target)
        {
            var clash = siblings.Any(pair => !SchemaKeywords.IsAnnotation(pair.Key) && target.ContainsKey(pair.Key));
            if (clash)
            {
                siblings["allOf"] = siblings["allOf"] is JsonArray existing
                    ? new JsonArray([.. existing.Select(SchemaNodes.Clone), target])
                    : new JsonArray(target);
                return siblings;
            }

            // The referring schema's annotations (its description above all) describe this use better.
            var merged = SchemaNodes.CopyOf(siblings);
            foreach (var (key, value) in target)
            {
                if (!merged.ContainsKey(key))
                {
                    merged[key] = SchemaNodes.Clone(value);
                }
            }

            return merged;
        }

        private static JsonObject Cut(JsonObject siblings, JsonObject target, string name)
        {
            var cut = SchemaNodes.CopyOf(siblings, key => SchemaKeywords.IsAnnotation(key));
            var types = SchemaNodes.Types(target);
            if (types.Count == 1)
            {
                cut["type"] = types[0];
            }

            if (!cut.ContainsKey("description") && SchemaNodes.String(target, "description") is { } description)
            {
                cut["description"] = description;
            }

            SchemaNotes.Append(cut, $"A nested {name}, with the same fields as the enclosing {name}; its shape is cut here to keep the schema finite.");
            return cut;
        }
    }
}
