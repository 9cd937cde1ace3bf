using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Verity_catalog_compiles_with_no_warnings()
    {
        var output = GeneratorHarness.Run(GeneratorHarness.ReadVerityCatalog());

        Assert.Empty(output.CompilationProblems());
        Assert.Contains("Verity.Mcp.Host.Tools.Verity.VerityTools.g.cs", output.Sources.Keys);
        Assert.Equal(12, output.Sources.Keys.Count(k => k.EndsWith("Tool.g.cs", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalog_exercising_every_type_compiles_with_no_warnings()
    {
        var output = GeneratorHarness.Run(TestCatalogs.EveryType);

        Assert.Empty(output.CompilationProblems());
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.Latest)]
    public void Generated_code_compiles_on_csharp_11_with_documentation_checks_on(LanguageVersion version)
    {
        var options = new CSharpParseOptions(version, DocumentationMode.Diagnose);

        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.ReadVerityCatalog(), options).CompilationProblems());
        Assert.Empty(GeneratorHarness.Run(TestCatalogs.EveryType, options).CompilationProblems());
    }
}
