using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>A 1,000-endpoint catalog of varied shapes generates without diagnostics and compiles with no warning.</summary>
public sealed class SyntheticCatalogTests
{
    [Fact]
    public void Thousand_endpoint_catalog_compiles_with_no_warnings()
    {
        var output = GeneratorHarness.Run(SyntheticCatalog.Create(1000));

        Assert.Empty(output.Diagnostics);
        Assert.Equal(1000, output.Sources.Keys.Count(k => k.EndsWith("Tool.g.cs", StringComparison.Ordinal)));
        var problems = output.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));

        // Every tool is listed and created once.
        var tools = output.Sources.Single(pair => pair.Key.EndsWith(".SyntheticTools.g.cs", StringComparison.Ordinal)).Value;
        Assert.Equal(1000, CountOccurrences(tools, "Tool.Descriptor,"));
        Assert.Equal(1000, CountOccurrences(tools, "Tool(),"));
    }

    [Fact]
    public void Every_shape_of_the_synthetic_catalog_compiles_with_no_warnings()
    {
        // 120 endpoints hold every method, parameter set, body kind and response kind many times over, and compile
        // in seconds: a fast signal before the 1,000-endpoint test.
        var output = GeneratorHarness.Run(SyntheticCatalog.Create(120));

        Assert.Empty(output.Diagnostics);
        var problems = output.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
