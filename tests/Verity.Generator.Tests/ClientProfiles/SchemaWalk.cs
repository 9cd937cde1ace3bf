using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>Every schema object in a schema (properties, items, combinators, definitions…), with its JSON pointer.</summary>
internal static class SchemaWalk
{
    private static readonly string[] Single = ["items", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames", "not", "if", "then", "else"];
    private static readonly string[] Maps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
    private static readonly string[] Lists = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    public static IEnumerable<(string Pointer, JsonObject Schema)> All(JsonObject root, string pointer = "")
    {
        yield return (pointer, root);
        foreach (var keyword in Single)
        {
            if (root[keyword] is JsonObject child)
            {
                foreach (var item in All(child, $"{pointer}/{keyword}"))
                {
                    yield return item;
                }
            }
        }

        foreach (var keyword in Maps)
        {
            if (root[keyword] is JsonObject map)
            {
                foreach (var (name, value) in map)
                {
                    if (value is JsonObject child)
                    {
                        foreach (var item in All(child, $"{pointer}/{keyword}/{name}"))
                        {
                            yield return item;
                        }
                    }
                }
            }
        }

        foreach (var keyword in Lists)
        {
            if (root[keyword] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject child)
                    {
                        foreach (var item in All(child, $"{pointer}/{keyword}/{i}"))
                        {
                            yield return item;
                        }
                    }
                }
            }
        }
    }

    public static IReadOnlyList<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var single) => [single],
        JsonArray array => [.. array.Select(item => item?.ToString()).OfType<string>()],
        _ => [],
    };
}
