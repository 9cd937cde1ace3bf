using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>The pipeline caches: an unrelated C# edit reuses every step, a one-endpoint edit re-emits one endpoint.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        VerityGenerator.Steps.Input,
        VerityGenerator.Steps.Parse,
        VerityGenerator.Steps.Diagnostics,
        VerityGenerator.Steps.Endpoints,
        VerityGenerator.Steps.SharedTypes,
        VerityGenerator.Steps.Catalogs,
        VerityGenerator.Steps.ToolNames,
        VerityGenerator.Steps.Collisions,
    ];

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var catalog = new CatalogFile("/repo/catalog/verity.catalog.json", GeneratorHarness.ReadVerityCatalog());
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([catalog]), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample.App; internal static class Other { }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.RunDriver(first.Driver, edited);

        foreach (var step in TrackedSteps)
        {
            var runs = second.Result.TrackedSteps[step];
            Assert.All(runs.SelectMany(run => run.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
        }

        Assert.All(second.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(run => run.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {output.Reason}"));
    }

    [Fact]
    public void Editing_one_endpoint_re_emits_only_that_endpoint()
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
        Assert.Equal(["Verity.Mcp.Host.Tools.Verity.VerityAgentsTools.GetAgentTool.g.cs", "Verity.Mcp.Host.Tools.Verity.VerityTools.g.cs"], changed);
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var output = GeneratorHarness.Run(GeneratorHarness.ReadVerityCatalog());
        foreach (var step in TrackedSteps)
        {
            foreach (var value in output.Result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(o => o.Value))
            {
                Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or Location, $"{step} holds a {value.GetType().Name}");
            }
        }
    }
}
