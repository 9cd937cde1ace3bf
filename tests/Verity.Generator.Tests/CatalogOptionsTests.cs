using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>Namespace and tool prefix: item metadata overrides the catalog, which overrides the project's root namespace.</summary>
public sealed class CatalogOptionsTests
{
    private static string ToolsFile(GeneratorOutput output) => output.Sources.Single(pair => pair.Key.EndsWith(".SampleTools.g.cs", StringComparison.Ordinal)).Value;

    [Fact]
    public void Default_namespace_is_the_root_namespace_plus_tools()
    {
        var output = GeneratorHarness.Run(TestCatalogs.With(TestCatalogs.SimpleGet), rootNamespace: "My.App");

        Assert.Contains("namespace My.App.Tools;", ToolsFile(output), StringComparison.Ordinal);
        Assert.Contains("\"get_things\"", string.Join("\n", output.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_namespace_and_prefix_apply()
    {
        var output = GeneratorHarness.Run(TestCatalogs.With(TestCatalogs.SimpleGet, extra: "\"namespace\": \"Catalog.Ns\", \"toolPrefix\": \"sample_\","));

        Assert.Contains("namespace Catalog.Ns;", ToolsFile(output), StringComparison.Ordinal);
        Assert.Contains("\"sample_get_things\"", string.Join("\n", output.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Item_metadata_overrides_the_catalog()
    {
        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.VerityNamespace"] = "From.Metadata",
            ["build_metadata.AdditionalFiles.VerityToolPrefix"] = "meta_",
        };
        var output = GeneratorHarness.Run(
            [new CatalogFile(GeneratorHarness.DefaultCatalogPath, TestCatalogs.With(TestCatalogs.SimpleGet, extra: "\"namespace\": \"Catalog.Ns\", \"toolPrefix\": \"sample_\","), metadata)]);

        Assert.Contains("namespace From.Metadata;", ToolsFile(output), StringComparison.Ordinal);
        Assert.Contains("\"meta_get_things\"", string.Join("\n", output.Sources.Values), StringComparison.Ordinal);
        Assert.Empty(output.CompilationProblems());
    }

    [Fact]
    public void Two_catalogs_in_one_project_get_their_own_groups()
    {
        var output = GeneratorHarness.Run(
        [
            new CatalogFile("/repo/a.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet)),
            new CatalogFile("/repo/b.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet, extra: "\"toolPrefix\": \"b_\",").Replace("\"Sample\"", "\"Billing\"", StringComparison.Ordinal)),
        ]);

        Assert.Empty(output.CompilationProblems());
        Assert.Contains("Sample.App.Tools.Sample.SampleTools.g.cs", output.Sources.Keys);
        Assert.Contains("Sample.App.Tools.Billing.BillingTools.g.cs", output.Sources.Keys);
    }

    [Fact]
    public void Files_not_named_catalog_json_are_ignored()
    {
        var output = GeneratorHarness.Run([new CatalogFile("/repo/appsettings.json", "{ not json")]);

        Assert.Empty(output.Sources);
        Assert.Empty(output.Diagnostics);
    }
}
