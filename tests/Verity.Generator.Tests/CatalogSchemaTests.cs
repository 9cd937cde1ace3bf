using System.Text.Json;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Tools;

namespace Verity.Generator.Tests;

/// <summary>Every catalog in the repository is valid against catalog/catalog.schema.json (checked with the runtime's validator).</summary>
public sealed class CatalogSchemaTests
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static ArgumentValidator LoadSchema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CatalogDirectory, "catalog.schema.json")));
        return new ArgumentValidator(document.RootElement.Clone());
    }

    public static TheoryData<string> RepositoryCatalogs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.RepositoryRoot, "*.catalog.json", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.RepositoryRoot, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalogs))]
    public void Repository_catalog_matches_the_schema(string relativePath)
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, relativePath)), Jsonc);
        var errors = LoadSchema().ValidateValue(catalog.RootElement, "$");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_verity_catalog_is_among_them() =>
        Assert.Contains<object?[]>(RepositoryCatalogs(), row => ((string)row[0]!).EndsWith("verity.catalog.json", StringComparison.Ordinal));

    [Fact]
    public void Schema_rejects_what_the_generator_rejects()
    {
        using var catalog = JsonDocument.Parse("""
            { "api": {}, "endpoints": [ { "method": "FETCH", "path": "a", "summary": "", "parameters": [ { "name": "c", "in": "cookie" } ], "extra": 1 } ] }
            """);
        var rules = LoadSchema().ValidateValue(catalog.RootElement, "$").Select(e => $"{e.Argument} {e.Rule}").ToList();

        Assert.Contains("$.api.name required", rules);
        Assert.Contains("$.endpoints[0].method pattern", rules);
        Assert.Contains("$.endpoints[0].path pattern", rules);
        Assert.Contains("$.endpoints[0].summary minLength", rules);
        Assert.Contains("$.endpoints[0].parameters[0].in enum", rules);
        Assert.Contains("$.endpoints[0].extra additionalProperties", rules);
    }
}
