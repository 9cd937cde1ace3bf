using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>An OpenAPI input caches like a catalog: its models are value-equal from one run to the next.</summary>
public sealed class OpenApiCachingTests
{
    private const string Path = "/repo/api/shop.openapi.json";

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([new CatalogFile(Path, OpenApiTestDocuments.Shop)]), compilation);
        Assert.NotEmpty(first.Sources);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample.App; internal static class Other { }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        var reasons = second.Result.TrackedSteps.Concat(second.Result.TrackedOutputSteps)
            .Where(pair => pair.Key.StartsWith("Verity.", StringComparison.Ordinal) || second.Result.TrackedOutputSteps.ContainsKey(pair.Key))
            .SelectMany(pair => pair.Value.SelectMany(run => run.Outputs).Select(output => (pair.Key, output.Reason)))
            .ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, item => Assert.True(item.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{item.Key} was {item.Reason}"));
    }

    [Fact]
    public void Editing_one_operation_re_emits_only_its_tool()
    {
        var text = OpenApiTestDocuments.Shop;
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");
        var original = new InMemoryAdditionalText(Path, text);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([original]), compilation);

        var editedText = text.Replace("\"summary\": \"Delete an item.\"", "\"summary\": \"Delete one item.\"", StringComparison.Ordinal);
        Assert.NotEqual(text, editedText);
        var second = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(Path, editedText)), compilation);

        var endpoints = second.Result.TrackedSteps[VerityGenerator.Steps.Endpoints].SelectMany(run => run.Outputs).ToList();
        var modified = Assert.Single(endpoints, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains("items_delete", modified.Value.ToString(), StringComparison.Ordinal);
        Assert.All(endpoints.Where(o => !ReferenceEquals(o.Value, modified.Value)), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(second.Result.TrackedSteps[VerityGenerator.Steps.SharedTypes].SelectMany(run => run.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        var changed = second.Sources.Where(pair => first.Sources[pair.Key] != pair.Value).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        // The tool's file, the tools class (its descriptor list) and the search index (the summary is searched).
        Assert.Equal(
            ["Sample.App.Tools.ShopAPI.ShopAPIGeneralTools.ItemsDeleteTool.g.cs", "Sample.App.Tools.ShopAPI.ShopAPITools.SearchIndex.g.cs", "Sample.App.Tools.ShopAPI.ShopAPITools.g.cs"],
            changed);
    }
}
