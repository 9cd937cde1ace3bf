using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// The pipeline caches: an unrelated C# edit reuses every step, a one-endpoint edit re-emits one endpoint (for the
/// Verity catalog, at scale and across catalogs), and no pipeline model holds compiler objects anywhere in its graph.
/// </summary>
public sealed class PipelineCachingTests
{
    private const string ProgramSource = "namespace Sample.App; internal static class Program { }";

    /// <summary>The generator's own tracking names (Roslyn also tracks its built-in inputs, such as the compilation).</summary>
    private static readonly HashSet<string> GeneratorSteps = typeof(VerityGenerator.Steps)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] VerityTrackedSteps =
    [
        VerityGenerator.Steps.Input,
        VerityGenerator.Steps.Parse,
        VerityGenerator.Steps.Diagnostics,
        VerityGenerator.Steps.Endpoints,
        VerityGenerator.Steps.SharedTypes,
        VerityGenerator.Steps.Catalogs,
        VerityGenerator.Steps.ToolNames,
        VerityGenerator.Steps.Collisions,
        VerityGenerator.Steps.SearchIndex,
    ];

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_of_the_verity_catalog_cached_or_unchanged()
    {
        var catalog = new CatalogFile("/repo/catalog/verity.catalog.json", GeneratorHarness.ReadVerityCatalog());
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([catalog]), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample.App; internal static class Other { }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        foreach (var step in VerityTrackedSteps)
        {
            var runs = second.Result.TrackedSteps[step];
            Assert.All(runs.SelectMany(run => run.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
        }

        Assert.All(second.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(run => run.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {output.Reason}"));
    }

    [Fact]
    public void Editing_one_endpoint_of_the_verity_catalog_re_emits_only_that_endpoint()
    {
        var text = GeneratorHarness.ReadVerityCatalog();
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");
        var original = new InMemoryAdditionalText("/repo/catalog/verity.catalog.json", text);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([original]), compilation);

        var editedText = text.Replace("Get one agent by id.", "Get one agent by its id.", StringComparison.Ordinal);
        Assert.NotEqual(text, editedText);
        var driver = first.Driver.ReplaceAdditionalText(original, new InMemoryAdditionalText("/repo/catalog/verity.catalog.json", editedText));
        var second = GeneratorHarness.RunDriver(driver, compilation);

        var endpointOutputs = second.Result.TrackedSteps[VerityGenerator.Steps.Endpoints].SelectMany(run => run.Outputs).ToList();
        var modified = endpointOutputs.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).ToList();
        var model = Assert.Single(modified).Value;
        Assert.Contains("get_agent", model.ToString(), StringComparison.Ordinal);
        Assert.All(endpointOutputs.Except(modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(second.Result.TrackedSteps[VerityGenerator.Steps.SharedTypes].SelectMany(run => run.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        Assert.Equal(first.Sources.Count, second.Sources.Count);
        var changed = second.Sources.Where(pair => first.Sources[pair.Key] != pair.Value).Select(pair => pair.Key).Order().ToList();
        Assert.Equal(
            [
                "Verity.Mcp.Host.Tools.Verity.VerityAgentsTools.GetAgentTool.g.cs",
                "Verity.Mcp.Host.Tools.Verity.VerityTools.g.cs",
                "Verity.Mcp.Host.Tools.Verity.VerityTools.SearchIndex.g.cs",
            ],
            changed);
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_of_a_large_catalog_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation(ProgramSource);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([new CatalogFile("/repo/synthetic.catalog.json", SyntheticCatalog.Create(250))]), compilation);

        var program = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(program, CSharpSyntaxTree.ParseText(ProgramSource + " // edited", GeneratorHarness.ParseOptions, path: program.FilePath));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        var reasons = AllReasons(second.Result).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Step} was {r.Reason}"));
    }

    [Fact]
    public void Editing_one_endpoint_of_a_large_catalog_re_emits_only_that_endpoint()
    {
        var text = SyntheticCatalog.Create(250);
        var original = new InMemoryAdditionalText("/repo/synthetic.catalog.json", text);
        var compilation = GeneratorHarness.CreateCompilation(ProgramSource);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([original]), compilation);

        var edited = text.Replace(SyntheticCatalog.Summary(137), "Edited operation.", StringComparison.Ordinal);
        var driver = first.Driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, edited));
        var second = GeneratorHarness.RunDriver(driver, compilation);

        var endpoints = second.Result.TrackedSteps[VerityGenerator.Steps.Endpoints].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(250, endpoints.Count);
        var modified = Assert.Single(endpoints, o => o.Reason != IncrementalStepRunReason.Unchanged && o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, modified.Reason);
        Assert.Contains("Edited operation.", modified.Value.ToString(), StringComparison.Ordinal);
        Assert.All(second.Result.TrackedSteps[VerityGenerator.Steps.SharedTypes].SelectMany(run => run.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        // The source outputs say the same: one endpoint output re-ran, the others and every shared type were cached;
        // the catalog-wide output re-ran because it carries the catalog's hash.
        var outputs = second.Result.TrackedOutputSteps.SelectMany(pair => pair.Value)
            .Select(run => (Input: run.Inputs.Single().Source.Name, Reason: run.Outputs.Single().Reason))
            .ToList();
        Assert.Equal(250, outputs.Count(o => o.Input == VerityGenerator.Steps.Endpoints));
        Assert.Single(outputs, o => o.Input == VerityGenerator.Steps.Endpoints && o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(249, outputs.Count(o => o.Input == VerityGenerator.Steps.Endpoints && o.Reason == IncrementalStepRunReason.Cached));
        Assert.All(outputs.Where(o => o.Input == VerityGenerator.Steps.SharedTypes), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // Among the endpoint files only the edited one changes; the catalog-wide files carry the catalog's hash, and
        // the search index holds the edited summary.
        var changed = second.Sources.Where(pair => first.Sources[pair.Key] != pair.Value).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, changed.Count);
        Assert.Single(changed, name => name.EndsWith(".SyntheticBillingTools.PutR27ItemsTool.g.cs", StringComparison.Ordinal));
        Assert.Single(changed, name => name.EndsWith(".SyntheticTools.g.cs", StringComparison.Ordinal));
        Assert.Single(changed, name => name.EndsWith(".SyntheticTools.SearchIndex.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_one_catalog_leaves_another_catalogs_outputs_cached()
    {
        var verity = new InMemoryAdditionalText("/repo/catalog/verity.catalog.json", GeneratorHarness.ReadVerityCatalog());
        var syntheticText = SyntheticCatalog.Create(20);
        var synthetic = new InMemoryAdditionalText("/repo/catalog/synthetic.catalog.json", syntheticText);
        var compilation = GeneratorHarness.CreateCompilation(ProgramSource);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([verity, synthetic]), compilation);
        Assert.Empty(first.Diagnostics);

        var driver = first.Driver.ReplaceAdditionalText(synthetic, new InMemoryAdditionalText(synthetic.Path, syntheticText.Replace(SyntheticCatalog.Summary(3), "Edited.", StringComparison.Ordinal)));
        var second = GeneratorHarness.RunDriver(driver, compilation);

        var parse = second.Result.TrackedSteps[VerityGenerator.Steps.Parse].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(2, parse.Count);
        Assert.Single(parse, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(parse, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var changed = second.Sources.Where(pair => first.Sources[pair.Key] != pair.Value).Select(pair => pair.Key).ToList();
        Assert.All(changed, name => Assert.Contains("Synthetic", name, StringComparison.Ordinal));
        Assert.Equal(3, changed.Count);
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_syntax_node_compilation_or_location_anywhere_in_its_graph()
    {
        var catalogs = new[]
        {
            new CatalogFile("/repo/verity.catalog.json", GeneratorHarness.ReadVerityCatalog()),
            new CatalogFile("/repo/every-type.catalog.json", TestCatalogs.EveryType.Replace("\"Sample\"", "\"EveryType\"", StringComparison.Ordinal)),
            new CatalogFile("/repo/awkward.catalog.json", IdentifierManglingTests.AwkwardCatalog),
            new CatalogFile("/repo/synthetic.catalog.json", SyntheticCatalog.Create(40)),
            new CatalogFile("/repo/shop.openapi.json", OpenApi.OpenApiTestDocuments.Shop),

            // A broken catalog too: diagnostics are pipeline data as well.
            new CatalogFile("/repo/broken.catalog.json", TestCatalogs.With("""{ "method": "GET", "path": "/b/{x}", "summary": "B.", "body": {} }""").Replace("\"Sample\"", "\"Broken\"", StringComparison.Ordinal)),
        };
        var output = GeneratorHarness.Run(catalogs);
        Assert.Contains(output.Diagnostics, d => d.Id == "VMCP005");

        var visited = 0;
        Assert.Equal(GeneratorSteps.Order(StringComparer.Ordinal), output.Result.TrackedSteps.Keys.Where(GeneratorSteps.Contains).Order(StringComparer.Ordinal));
        foreach (var (step, runs) in output.Result.TrackedSteps.Where(pair => GeneratorSteps.Contains(pair.Key)))
        {
            foreach (var (value, _) in runs.SelectMany(run => run.Outputs))
            {
                visited += AssertHoldsNoCompilerObjects(value, step);
            }
        }

        Assert.True(visited > 1000, $"Only {visited} objects were inspected; the walk is not reaching into the models.");
    }

    /// <summary>Every tracked step (named and output) with the reason of each of its outputs.</summary>
    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> AllReasons(GeneratorRunResult result) =>
        result.TrackedSteps.Where(pair => GeneratorSteps.Contains(pair.Key)).Concat(result.TrackedOutputSteps)
            .SelectMany(pair => pair.Value.SelectMany(run => run.Outputs).Select(output => (pair.Key, output.Reason)));

    /// <summary>Walks fields (public and private) of the value and everything it reaches; returns how many objects were seen.</summary>
    private static int AssertHoldsNoCompilerObjects(object root, string step)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        pending.Push((root, root.GetType().Name));
        var count = 0;
        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            count++;

            // 'is' checks, not exact types: a derived or interface-typed value must be caught too.
            Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or SyntaxToken or SyntaxTrivia or Compilation or SemanticModel or Location or AdditionalText,
                $"{step}: {path} holds a {value.GetType().FullName}");

            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is string or decimal || (!type.IsValueType && !seen.Add(value)))
            {
                continue;
            }

            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        pending.Push((item, $"{path}[{index}]"));
                    }

                    index++;
                }
            }

            for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.GetValue(value) is { } child)
                    {
                        pending.Push((child, $"{path}.{field.Name}"));
                    }
                }
            }
        }

        return count;
    }
}
