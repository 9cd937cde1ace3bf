using Microsoft.CodeAnalysis;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>Catalog combinations and encodings a real project can have: same API names, same file names, CRLF, BOM.</summary>
public sealed class CatalogCombinationTests
{
    private static Dictionary<string, string> Options(string ns, string prefix) => new()
    {
        ["build_metadata.AdditionalFiles.VerityNamespace"] = ns,
        ["build_metadata.AdditionalFiles.VerityToolPrefix"] = prefix,
    };

    // Hint names carry the namespace and API name, so catalogs sharing an API name in different namespaces both
    // generate; with the same namespace too, the second (by path) is skipped with VMCP018 instead of CS8785.

    [Fact]
    public void Two_catalogs_with_the_same_api_name_in_different_namespaces_generate_and_compile()
    {
        // E.g. a v1 and a v2 catalog of one API, both named "Sample", told apart by namespace and prefix.
        var output = GeneratorHarness.Run(
        [
            new CatalogFile("/repo/v1/sample.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet), Options("App.V1", "v1_")),
            new CatalogFile("/repo/v2/sample.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet), Options("App.V2", "v2_")),
        ]);

        Assert.DoesNotContain(output.Diagnostics, d => d.Id is "VMCP015" or "CS8785" or "AD0001");
        Assert.True(output.CompilationProblems().Count == 0, string.Join("\n", output.CompilationProblems()));
        var tools = string.Join("\n", output.Sources.Values);
        Assert.Contains("namespace App.V1;", tools, StringComparison.Ordinal);
        Assert.Contains("namespace App.V2;", tools, StringComparison.Ordinal);
        Assert.Contains("\"v1_get_things\"", tools, StringComparison.Ordinal);
        Assert.Contains("\"v2_get_things\"", tools, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_catalogs_that_would_generate_the_same_types_are_reported_not_thrown()
    {
        // Same API name and same namespace: the generated classes would collide. Whatever the generator says,
        // it says it as a diagnostic on a catalog, never as an exception.
        var output = GeneratorHarness.Run(
        [
            new CatalogFile("/repo/a/sample.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet), Options("App", "a_")),
            new CatalogFile("/repo/b/sample.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet), Options("App", "b_")),
        ]);

        Assert.DoesNotContain(output.Diagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Contains(output.CompilationProblems(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_lines_and_columns()
    {
        var lf = TestCatalogs.With("""
            { "method": "GET", "path": "/a", "summary": "A." },
            { "method": "GET", "path": "/b/{x}", "summary": "B." }
            """).ReplaceLineEndings("\n");
        var crlf = lf.ReplaceLineEndings("\r\n");

        var expected = Assert.Single(GeneratorHarness.Run(lf).Diagnostics, d => d.Id == "VMCP005").Location.GetLineSpan();
        var actual = Assert.Single(GeneratorHarness.Run(crlf).Diagnostics, d => d.Id == "VMCP005").Location.GetLineSpan();

        Assert.Equal(expected.StartLinePosition, actual.StartLinePosition);
        Assert.Equal(expected.EndLinePosition, actual.EndLinePosition);
    }

    [Fact]
    public void Crlf_and_bom_do_not_change_the_generated_code_except_the_catalog_hash()
    {
        var lf = GeneratorHarness.ReadVerityCatalog().ReplaceLineEndings("\n");
        var first = GeneratorHarness.Run(lf).Sources;
        var second = GeneratorHarness.Run("\uFEFF" + lf.ReplaceLineEndings("\r\n")).Sources;

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        var differing = first.Keys.Where(k => first[k] != second[k]).ToList();
        var hashOnly = Assert.Single(differing);
        Assert.EndsWith("Tools.g.cs", hashOnly, StringComparison.Ordinal);
        Assert.Contains("CatalogSha256", Difference(first[hashOnly], second[hashOnly]), StringComparison.Ordinal);
    }

    private static string Difference(string left, string right) =>
        string.Join("\n", left.Split('\n').Zip(right.Split('\n')).Where(pair => pair.First != pair.Second).Select(pair => pair.First));
}
