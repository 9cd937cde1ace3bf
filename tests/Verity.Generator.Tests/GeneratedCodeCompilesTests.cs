using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Verity_catalog_compiles_with_no_warnings()
    {
        var output = GeneratorHarness.Run(GeneratorHarness.ReadVerityCatalog());

        Assert.Empty(output.CompilationProblems());
        Assert.Contains("Verity.VerityTools.g.cs", output.Sources.Keys);
        Assert.Equal(12, output.Sources.Keys.Count(k => k.EndsWith("Tool.g.cs", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalog_exercising_every_type_compiles_with_no_warnings()
    {
        var output = GeneratorHarness.Run(TestCatalogs.EveryType);

        Assert.Empty(output.CompilationProblems());
    }
}
