using System.Text.Json;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>The Verity catalog as the tests read it (JSONC), independent of the generator's own reader.</summary>
public static class CatalogDocument
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "verity.catalog.json")),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Endpoints => Root.GetProperty("endpoints").EnumerateArray();

    public static string ToolName(JsonElement endpoint)
    {
        var prefix = Root.TryGetProperty("toolPrefix", out var p) ? p.GetString() ?? "" : "";
        if (endpoint.TryGetProperty("tool", out var tool))
        {
            return prefix + tool.GetString();
        }

        // The catalog format's rule: method + path words, {…} segments dropped, a leading "api" segment dropped.
        var segments = endpoint.GetProperty("path").GetString()!.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && segments[0].Equals("api", StringComparison.OrdinalIgnoreCase))
        {
            segments.RemoveAt(0);
        }

        var words = new List<string> { endpoint.GetProperty("method").GetString()!.ToLowerInvariant() };
        foreach (var segment in segments.Where(s => !s.StartsWith('{')))
        {
            words.AddRange(segment.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()));
        }

        return prefix + string.Join("_", words);
    }

    public static JsonElement Endpoint(string toolName) =>
        Endpoints.Single(endpoint => ToolName(endpoint) == toolName);

    /// <summary>Follows <c>$ref</c>s to <c>#/components/schemas/…</c> (catalog) or <c>#/$defs/…</c> (within <paramref name="root"/>).</summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        for (var hops = 0; hops < 16 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var text = reference.GetString()!;
            schema = text.StartsWith("#/components/schemas/", StringComparison.Ordinal)
                ? Root.GetProperty("components").GetProperty("schemas").GetProperty(text["#/components/schemas/".Length..])
                : text.StartsWith("#/$defs/", StringComparison.Ordinal)
                    ? root.GetProperty("$defs").GetProperty(text["#/$defs/".Length..])
                    : throw new InvalidOperationException($"Unexpected $ref {text}.");
        }

        return schema;
    }
}
