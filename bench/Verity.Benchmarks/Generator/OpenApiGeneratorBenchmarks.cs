using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Benchmarks.Generator;

/// <summary>
/// The source generator over the largest real OpenAPI document the tests compile: GitHub's REST API description
/// (13 MB of JSON, 1,223 operations, 1,186 tools), installed by <c>npm ci --prefix tests/Verity.Generator.Tests/OpenApiDocuments</c>.
/// A full run (fresh driver: read, translate, bind, emit) and a re-run after an unrelated C# edit, as in
/// <see cref="GeneratorBenchmarks"/>. Targets: full run at most 1 s; re-run after an unrelated edit at most 5 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class OpenApiGeneratorBenchmarks
{
    private const string ProgramSource = "namespace Bench.App; internal static class Program { public static int Answer => 42; }";
    private const string EditedProgramSource = "namespace Bench.App; internal static class Program { public static int Answer => 43; }";

    private InMemoryAdditionalText _document = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree[] _programVersions = null!;
    private int _version;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = new InMemoryAdditionalText("/repo/api/github.openapi.json", File.ReadAllText(GitHubDocumentPath()));
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

        // A document the generator rejects would make every figure meaningless (its warnings are expected).
        var result = _warmDriver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || result.GeneratedTrees.Length < 1186)
        {
            throw new InvalidOperationException($"GitHub's document did not generate cleanly ({result.GeneratedTrees.Length} files): {string.Join("; ", errors.Take(5))}");
        }
    }

    [Benchmark(Description = "full run (GitHub OpenAPI)")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark(Description = "re-run after unrelated edit (GitHub OpenAPI)")]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        var current = _compilation.SyntaxTrees[0];
        _version ^= 1;
        _compilation = _compilation.ReplaceSyntaxTree(current, _programVersions[_version]);
        _warmDriver = _warmDriver.RunGenerators(_compilation);
        return _warmDriver;
    }

    private GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            generators: [new VerityGenerator().AsSourceGenerator()],
            additionalTexts: [_document],
            parseOptions: (CSharpParseOptions)_programVersions[0].Options);

    private static string GitHubDocumentPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Verity.Generator.sln")))
        {
            directory = directory.Parent;
        }

        var documents = Path.Combine(directory?.FullName ?? ".", "tests", "Verity.Generator.Tests", "OpenApiDocuments");
        var path = Path.Combine(documents, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"GitHub's OpenAPI document is not installed: run `npm ci --prefix {documents}` first.", path);
    }
}
