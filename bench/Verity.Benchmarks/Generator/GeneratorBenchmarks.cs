using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Benchmarks.Generator;

/// <summary>
/// The source generator as the compiler drives it: a full run (fresh driver, nothing cached) and a re-run after an
/// unrelated C# edit (same driver, one syntax tree replaced), over synthetic catalogs of 20, 250 and 1,000 endpoints.
/// Targets: full run of 1,000 endpoints at most 100 ms median; re-run after an unrelated edit at most 1 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class GeneratorBenchmarks
{
    private const string ProgramSource = "namespace Bench.App; internal static class Program { public static int Answer => 42; }";
    private const string EditedProgramSource = "namespace Bench.App; internal static class Program { public static int Answer => 43; }";

    private InMemoryAdditionalText _catalog = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree[] _programVersions = null!;
    private int _version;
    private GeneratorDriver _warmDriver = null!;

    [Params(20, 250, 1000)]
    public int Endpoints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = new InMemoryAdditionalText("/repo/catalog/synthetic.catalog.json", SyntheticCatalog.Create(Endpoints));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _programVersions =
        [
            CSharpSyntaxTree.ParseText(ProgramSource, parseOptions, path: "Program.cs"),
            CSharpSyntaxTree.ParseText(EditedProgramSource, parseOptions, path: "Program.cs"),
        ];
        _compilation = CSharpCompilation.Create(
            "Bench.App",
            [_programVersions[0]],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _version = 0;

        // A catalog the generator rejects would make every figure meaningless.
        var diagnostics = _warmDriver.GetRunResult().Diagnostics;
        if (!diagnostics.IsEmpty || _warmDriver.GetRunResult().GeneratedTrees.Length < Endpoints)
        {
            throw new InvalidOperationException($"The synthetic catalog did not generate cleanly: {string.Join("; ", diagnostics)}");
        }
    }

    [Benchmark(Description = "full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark(Description = "re-run after unrelated edit")]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        // Alternate between two versions of Program.cs, so every invocation sees an edit.
        var current = _compilation.SyntaxTrees[0];
        _version ^= 1;
        _compilation = _compilation.ReplaceSyntaxTree(current, _programVersions[_version]);
        _warmDriver = _warmDriver.RunGenerators(_compilation);
        return _warmDriver;
    }

    private GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            generators: [new VerityGenerator().AsSourceGenerator()],
            additionalTexts: [_catalog],
            parseOptions: (CSharpParseOptions)_programVersions[0].Options);
}
