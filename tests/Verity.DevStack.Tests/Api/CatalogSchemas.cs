using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Verity.DevStack.Tests.Api;

/// <summary>
/// Checks JSON answers against the response schemas of <c>catalog/verity.catalog.json</c> (the subset of JSON
/// Schema the catalog uses), so the sample API keeps the shapes the tools advertise.
/// </summary>
internal static class CatalogSchemas
{
    private static readonly Lazy<JsonDocument> Catalog = new(Load);

    public static void AssertMatches(string schemaName, JsonElement value)
    {
        var problems = new List<string>();
        Check(Schema(schemaName), value, "$", problems);
        Assert.True(problems.Count == 0, $"{schemaName}: {string.Join("; ", problems)}\n{value}");
    }

    /// <summary>The response schema name of the endpoint with <paramref name="toolName"/>, or null.</summary>
    public static IEnumerable<(string Method, string Path, string? Tool, string? ResponseSchema)> Endpoints()
    {
        foreach (var endpoint in Catalog.Value.RootElement.GetProperty("endpoints").EnumerateArray())
        {
            string? schema = null;
            if (endpoint.TryGetProperty("response", out var response) && response.GetProperty("schema").TryGetProperty("$ref", out var reference))
            {
                schema = reference.GetString()!.Split('/')[^1];
            }

            yield return (
                endpoint.GetProperty("method").GetString()!,
                endpoint.GetProperty("path").GetString()!,
                endpoint.TryGetProperty("tool", out var tool) ? tool.GetString() : null,
                schema);
        }
    }

    private static JsonElement Schema(string name) =>
        Catalog.Value.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static void Check(JsonElement schema, JsonElement value, string at, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Schema(reference.GetString()!.Split('/')[^1]), value, at, problems);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => IsType(t, value)))
            {
                problems.Add($"{at} is {value.ValueKind}, expected {string.Join("|", types)}");
                return;
            }
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ToString() == value.ToString()))
        {
            problems.Add($"{at} = {value} is not in the enum");
        }

        if (schema.TryGetProperty("const", out var constant) && constant.ToString() != value.ToString())
        {
            problems.Add($"{at} = {value} is not {constant}");
        }

        if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < minimum.GetDouble())
        {
            problems.Add($"{at} is below {minimum}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            problems.Add($"{at} does not match {pattern}");
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time" && value.ValueKind == JsonValueKind.String
            && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            problems.Add($"{at} is not a date-time");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        problems.Add($"{at}.{name} is missing");
                    }
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.TryGetProperty(property.Name, out var propertySchema))
                    {
                        Check(propertySchema, property.Value, $"{at}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{at}.{property.Name} is not in the schema");
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{at}[{index++}]", problems);
            }
        }
    }

    private static bool IsType(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    private static JsonDocument Load() => JsonDocument.Parse(
        File.ReadAllText(CatalogPath()),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static string CatalogPath([CallerFilePath] string here = "")
    {
        for (var directory = Path.GetDirectoryName(here); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, "catalog", "verity.catalog.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("catalog/verity.catalog.json not found above the test sources.");
    }
}
