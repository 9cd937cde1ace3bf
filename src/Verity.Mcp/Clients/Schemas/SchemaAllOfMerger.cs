using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Folds <c>allOf</c> members into the schema that holds them, for clients without <c>allOf</c>: properties and
/// <c>required</c> are joined, types intersected, descriptions chained. Members that contradict each other (the same
/// keyword with different values) are not merged.
/// </summary>
internal static class SchemaAllOfMerger
{
    /// <summary>Merges in place; false (and the schema unchanged) when some member cannot be merged.</summary>
    public static bool TryMerge(JsonObject schema)
    {
        if (schema["allOf"] is not JsonArray members)
        {
            return true;
        }

        var merged = SchemaNodes.CopyOf(schema, key => key != "allOf");
        foreach (var member in members)
        {
            if (member?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            {
                continue;
            }

            if (member is not JsonObject memberObject || !TryMergeInto(merged, memberObject))
            {
                return false;
            }
        }

        schema.Clear();
        foreach (var (key, value) in merged.ToArray())
        {
            merged.Remove(key);
            schema[key] = value;
        }

        return true;
    }

    /// <summary>Merges <paramref name="member"/>'s keywords into <paramref name="target"/>; false on a contradiction.</summary>
    private static bool TryMergeInto(JsonObject target, JsonObject member)
    {
        var staged = SchemaNodes.CopyOf(target);
        foreach (var (key, value) in member)
        {
            switch (key)
            {
                case "description":
                    if (value is JsonValue text && text.TryGetValue<string>(out var description))
                    {
                        SchemaNotes.Append(staged, description);
                    }

                    break;
                case "title" or "examples" or "$comment":
                    staged[key] ??= SchemaNodes.Clone(value);
                    break;
                case "properties" when value is JsonObject properties:
                    var into = staged["properties"] as JsonObject ?? [];
                    foreach (var (name, propertySchema) in properties)
                    {
                        if (into[name] is { } existing && !JsonNode.DeepEquals(existing, propertySchema))
                        {
                            return false;
                        }

                        into[name] ??= SchemaNodes.Clone(propertySchema);
                    }

                    staged["properties"] = SchemaNodes.Reparent(into);
                    break;
                case "required" when value is JsonArray required:
                    var names = staged["required"] as JsonArray ?? [];
                    foreach (var name in required)
                    {
                        if (!names.Any(existing => JsonNode.DeepEquals(existing, name)))
                        {
                            names.Add(SchemaNodes.Clone(name));
                        }
                    }

                    staged["required"] = SchemaNodes.Reparent(names);
                    break;
                case "type":
                    if (staged.ContainsKey("type"))
                    {
                        var common = SchemaNodes.Types(staged).Intersect(TypesOf(value), StringComparer.Ordinal).ToArray();
                        if (common.Length == 0)
                        {
                            return false;
                        }

                        staged["type"] = common.Length == 1 ? common[0] : new JsonArray([.. common.Select(type => (JsonNode)type)]);
                    }
                    else
                    {
                        staged["type"] = SchemaNodes.Clone(value);
                    }

                    break;
                default:
                    if (staged[key] is { } current)
                    {
                        if (!JsonNode.DeepEquals(current, value))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        staged[key] = SchemaNodes.Clone(value);
                    }

                    break;
            }
        }

        target.Clear();
        foreach (var (key, value) in staged.ToArray())
        {
            staged.Remove(key);
            target[key] = value;
        }

        return true;
    }

    private static IReadOnlyList<string> TypesOf(JsonNode? value) => SchemaNodes.Types(new JsonObject { ["type"] = SchemaNodes.Clone(value) });
}
