using System.Text.Json;
using Verity.Mcp.Tools;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>catalog/catalog.schema.json, checked with the runtime's validator.</summary>
public static class CatalogSchema
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<ArgumentValidator> Validator = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CatalogDirectory, "catalog.schema.json")));
        return new ArgumentValidator(document.RootElement.Clone());
    });

    /// <summary>Every schema violation of the catalog text (JSONC), as "path rule"; empty when valid.</summary>
    public static IReadOnlyList<string> Violations(string catalogText)
    {
        using var catalog = JsonDocument.Parse(catalogText, Jsonc);
        return Validator.Value.ValidateValue(catalog.RootElement, "$").Select(e => $"{e.Argument} {e.Rule}").ToList();
    }
}
