using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>JSON Schema 2020-12 as an independent implementation (JsonSchema.Net) reads it.</summary>
internal static class SchemaCompilation
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Built = new(StringComparer.Ordinal);

    /// <summary>Why the schema is not a valid 2020-12 schema (against the meta-schema, then built), or null when it is.</summary>
    public static string? Problem(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        var meta = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!meta.IsValid)
        {
            var errors = meta.Details?.Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")) ?? [];
            return $"fails the 2020-12 meta-schema: {string.Join("; ", errors.Take(5))}";
        }

        try
        {
            Build(schemaJson);
            return null;
        }
        catch (Exception exception) when (exception is JsonSchemaException or JsonException or InvalidOperationException or ArgumentException)
        {
            return $"does not build: {exception.Message}";
        }
    }

    /// <summary>Whether <paramref name="value"/> is valid against <paramref name="schema"/>, a subschema carrying the root's <c>$defs</c>.</summary>
    public static bool Accepts(JsonObject schema, JsonNode? value)
    {
        var built = Built.GetOrAdd(schema.ToJsonString(), Build);
        using var instance = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        return built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    /// <summary><paramref name="argument"/> as a schema of its own, with the root's <c>$defs</c> so its references resolve.</summary>
    public static JsonObject Standalone(JsonObject root, JsonObject argument)
    {
        var standalone = (JsonObject)argument.DeepClone();
        if (root["$defs"] is JsonObject definitions)
        {
            standalone["$defs"] = definitions.DeepClone();
        }

        return standalone;
    }

    private static JsonSchema Build(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 });
    }
}
