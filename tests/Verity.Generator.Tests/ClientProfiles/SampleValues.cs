using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>
/// One value of every JSON type an argument's catalog schema allows (null included where it allows null), taken from
/// its <c>enum</c> where it has one: what a model may send, so what a client's check must let through.
/// </summary>
internal static class SampleValues
{
    private static readonly string[] AllTypes = ["string", "integer", "number", "boolean", "array", "object", "null"];

    public static IReadOnlyList<JsonNode?> For(JsonObject root, JsonObject argument)
    {
        var resolved = Resolve(root, argument, depth: 0);
        var enumValues = resolved["enum"] as JsonArray;
        var values = new List<JsonNode?>();
        foreach (var type in AllowedTypes(root, argument, depth: 0).Distinct(StringComparer.Ordinal))
        {
            if (enumValues is not null)
            {
                values.AddRange(enumValues.Where(value => HasType(value, type)).Take(1).Select(value => value?.DeepClone()));
                continue;
            }

            values.Add(type switch
            {
                "string" => JsonValue.Create("sample"),
                "integer" => JsonValue.Create(7),
                "number" => JsonValue.Create(2.5),
                "boolean" => JsonValue.Create(true),
                "array" => new JsonArray(),
                "object" => new JsonObject(),
                _ => null,
            });
        }

        return values;
    }

    /// <summary>The JSON types a schema admits, following <c>$ref</c>s, <c>enum</c>/<c>const</c> and combinators.</summary>
    public static IEnumerable<string> AllowedTypes(JsonObject root, JsonObject schema, int depth)
    {
        if (depth > 16)
        {
            return AllTypes;
        }

        if (schema["$ref"] is not null)
        {
            return AllowedTypes(root, Resolve(root, schema, depth), depth + 1);
        }

        if (schema.ContainsKey("type"))
        {
            return SchemaWalk.Types(schema);
        }

        if (schema["enum"] is JsonArray values)
        {
            return values.SelectMany(value => AllTypes.Where(type => HasType(value, type)).Take(1));
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            return AllTypes.Where(type => HasType(constant, type)).Take(1);
        }

        foreach (var combinator in (string[])["anyOf", "oneOf"])
        {
            if (schema[combinator] is JsonArray variants)
            {
                return variants.OfType<JsonObject>().SelectMany(variant => AllowedTypes(root, variant, depth + 1)).ToList();
            }
        }

        return schema["allOf"] is JsonArray members && members.OfType<JsonObject>().FirstOrDefault() is { } first
            ? AllowedTypes(root, first, depth + 1)
            : AllTypes;
    }

    private static JsonObject Resolve(JsonObject root, JsonObject schema, int depth)
    {
        for (var hops = depth; hops < 16 && schema["$ref"]?.ToString() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal); hops++)
        {
            schema = root["$defs"]?[reference["#/$defs/".Length..]] as JsonObject ?? schema;
        }

        return schema;
    }

    private static bool HasType(JsonNode? value, string type) => (value?.GetValueKind(), type) switch
    {
        (null or System.Text.Json.JsonValueKind.Null, "null") => true,
        (System.Text.Json.JsonValueKind.String, "string") => true,
        (System.Text.Json.JsonValueKind.Number, "integer") => value!.GetValue<decimal>() == decimal.Truncate(value.GetValue<decimal>()),
        (System.Text.Json.JsonValueKind.Number, "number") => true,
        (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False, "boolean") => true,
        (System.Text.Json.JsonValueKind.Array, "array") => true,
        (System.Text.Json.JsonValueKind.Object, "object") => true,
        _ => false,
    };
}
