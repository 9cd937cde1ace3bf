using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>One catalog given to the generator: its path, text and optional MSBuild item metadata.</summary>
public sealed record CatalogFile(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorOutput(
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Sources,
    GeneratorDriverRunResult RunResult,
    GeneratorDriver Driver,
    Compilation OutputCompilation)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    /// <summary>Compiler diagnostics of the generated code (warnings and errors), with the generator's own.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems(params string[] ignoredIds) =>
        OutputCompilation.GetDiagnostics()
            .Concat(Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !ignoredIds.Contains(d.Id))
            .ToList();
}

/// <summary>
/// Runs <see cref="VerityGenerator"/> the way the compiler does, over catalog texts held in memory. Keep the
/// returned <see cref="GeneratorOutput.Driver"/> to run again after an edit and inspect incremental steps.
/// </summary>
public static class GeneratorHarness
{
    public const string DefaultCatalogPath = "/repo/catalog/test.catalog.json";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static GeneratorOutput Run(string catalogText, string? rootNamespace = "Sample.App") =>
        Run(new[] { new CatalogFile(DefaultCatalogPath, catalogText) }, rootNamespace);

    public static GeneratorOutput Run(IReadOnlyList<CatalogFile> catalogs, string? rootNamespace = "Sample.App", string userSource = "namespace Sample.App; internal static class Program { }")
    {
        var compilation = CreateCompilation(userSource);
        var driver = CreateDriver(catalogs, rootNamespace);
        return RunDriver(driver, compilation);
    }

    /// <summary>Runs with other parse options, e.g. an older language version or XML documentation checks on.</summary>
    public static GeneratorOutput Run(string catalogText, CSharpParseOptions parseOptions)
    {
        var compilation = CreateCompilation("namespace Sample.App; internal static class Program { }", parseOptions: parseOptions);
        var driver = CreateDriver([new CatalogFile(DefaultCatalogPath, catalogText)]).WithUpdatedParseOptions(parseOptions);
        return RunDriver(driver, compilation);
    }

    public static GeneratorDriver CreateDriver(IReadOnlyList<CatalogFile> catalogs, string? rootNamespace = "Sample.App")
    {
        var perFile = catalogs.ToDictionary(
            c => c.Path,
            c => (IReadOnlyDictionary<string, string>)(c.Metadata ?? new Dictionary<string, string>()));
        return CreateDriver(catalogs.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Text)).ToList(), perFile, rootNamespace);
    }

    /// <summary>A driver over the given texts; keep them to call <see cref="GeneratorDriver.ReplaceAdditionalText"/> later.</summary>
    public static GeneratorDriver CreateDriver(
        IReadOnlyList<AdditionalText> texts,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFileMetadata = null,
        string? rootNamespace = "Sample.App")
    {
        var global = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        return CSharpGeneratorDriver.Create(
            generators: new[] { new VerityGenerator().AsSourceGenerator() },
            additionalTexts: texts,
            parseOptions: ParseOptions,
            optionsProvider: new TestAnalyzerConfigOptionsProvider(global, perFileMetadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorOutput RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var runResult = driver.GetRunResult();
        var sources = runResult.Results
            .SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorOutput(diagnostics.AddRange(runResult.Diagnostics).Distinct().ToImmutableArray(), sources, runResult, driver, output);
    }

    public static CSharpCompilation CreateCompilation(string userSource, string assemblyName = "Sample.App", CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(userSource, parseOptions ?? ParseOptions, path: "Program.cs") },
            CompilationReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Default,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // Framework/package version unification notes, not about the generated code.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static string ReadVerityCatalog() => File.ReadAllText(RepositoryPaths.VerityCatalogPath);
}
