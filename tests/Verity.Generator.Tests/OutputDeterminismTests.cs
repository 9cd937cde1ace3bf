using System.Globalization;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// Same catalog, same bytes: across runs, across fresh drivers, and whatever the build machine's culture
/// (tr-TR folds 'i'/'I' differently, de-DE writes 2,5 for 2.5, ar-SA uses other digits and calendars).
/// </summary>
public sealed class OutputDeterminismTests
{
    private static readonly string[] CatalogNames = ["verity", "every-type", "awkward", "synthetic"];

    public static TheoryData<string> Catalogs => new(CatalogNames);

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Same_catalog_gives_byte_identical_output(string name)
    {
        var text = CatalogText(name);
        var first = GeneratorHarness.Run(text);
        var second = GeneratorHarness.Run(text);

        AssertSameOutput(first, second, "second run");
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        foreach (var name in CatalogNames)
        {
            var text = CatalogText(name);
            var invariant = RunUnder(CultureInfo.InvariantCulture, text);
            var localized = RunUnder(CultureInfo.GetCultureInfo(culture), text);

            AssertSameOutput(invariant, localized, $"{name} under {culture}");
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Diagnostics_do_not_depend_on_the_current_culture(string culture)
    {
        // Numbers, line/column figures and case folding appear in these messages.
        var text = TestCatalogs.With("""
            { "method": "get", "path": "/items/{ID}", "summary": "I.", "timeoutSeconds": -2.5,
              "parameters": [ { "name": "id", "in": "PATH" }, { "name": "q", "in": "query", "schema": { "type": "string", "pattern": "([a-z" } } ] },
            { "method": "GET", "path": "/x", "summary": "X.", "tool": "\u0130nvalid name" }
            """) + "\n{";
        var invariant = RunUnder(CultureInfo.InvariantCulture, text).Diagnostics.Select(Describe).ToList();
        var localized = RunUnder(CultureInfo.GetCultureInfo(culture), text).Diagnostics.Select(Describe).ToList();

        Assert.NotEmpty(invariant);
        Assert.Equal(invariant, localized);

        var valid = RunUnder(CultureInfo.InvariantCulture, text[..^2]).Diagnostics.Select(Describe).ToList();
        var validLocalized = RunUnder(CultureInfo.GetCultureInfo(culture), text[..^2]).Diagnostics.Select(Describe).ToList();
        Assert.Contains(valid, d => d.StartsWith("VMCP004", StringComparison.Ordinal));
        Assert.Equal(valid, validLocalized);
    }

    [Fact]
    public void Concurrent_runs_give_the_same_output_as_sequential_ones()
    {
        // A compiler server runs one loaded generator for several projects at once: no shared mutable state may leak
        // between runs (the pattern cache is static, for instance).
        var texts = CatalogNames.Select(CatalogText).ToArray();
        var sequential = texts.Select(text => GeneratorHarness.Run(text)).ToArray();
        var concurrent = new GeneratorOutput[texts.Length * 3];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = GeneratorHarness.Run(texts[i % texts.Length]));

        for (var i = 0; i < concurrent.Length; i++)
        {
            AssertSameOutput(sequential[i % texts.Length], concurrent[i], $"{CatalogNames[i % texts.Length]}, concurrent run {i}");
        }
    }

    private static string Describe(Microsoft.CodeAnalysis.Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";

    private static string CatalogText(string name) => name switch
    {
        "verity" => GeneratorHarness.ReadVerityCatalog(),
        "every-type" => TestCatalogs.EveryType,
        "awkward" => IdentifierManglingTests.AwkwardCatalog,
        "synthetic" => SyntheticCatalog.Create(60),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Runs the generator with the thread's culture set; the driver runs generators on the calling thread.</summary>
    private static GeneratorOutput RunUnder(CultureInfo culture, string text)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return GeneratorHarness.Run(text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    private static void AssertSameOutput(GeneratorOutput expected, GeneratorOutput actual, string what)
    {
        Assert.Equal(expected.Sources.Keys.Order(StringComparer.Ordinal), actual.Sources.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in expected.Sources)
        {
            if (text != actual.Sources[hintName])
            {
                var line = text.Split('\n').Zip(actual.Sources[hintName].Split('\n')).Select((pair, i) => (pair, i)).First(x => x.pair.First != x.pair.Second);
                Assert.Fail($"{hintName} differs ({what}) at line {line.i + 1}:\n  {line.pair.First}\n  {line.pair.Second}");
            }
        }

        // The generated text is identical, and so are the bytes the compiler hashes (encoding and checksum).
        var expectedChecksums = expected.Result.GeneratedSources.ToDictionary(s => s.HintName, s => Convert.ToHexString(s.SourceText.GetChecksum().ToArray()));
        var actualChecksums = actual.Result.GeneratedSources.ToDictionary(s => s.HintName, s => Convert.ToHexString(s.SourceText.GetChecksum().ToArray()));
        Assert.Equal(expectedChecksums, actualChecksums);
    }
}
