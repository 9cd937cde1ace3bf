using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// Whatever a catalog holds, the generator answers with diagnostics located in the catalog file and never with an
/// exception (no CS8785 / AD0001 from the compiler, no VMCP015 from the generator's own safety net). Inputs are
/// derived deterministically (fixed seeds), so a failure names the input that caused it.
/// </summary>
public sealed class CatalogRobustnessTests
{
    private const string CatalogPath = "/repo/catalog/fuzz.catalog.json";

    [Fact]
    public void Prefixes_of_the_verity_catalog_are_reported_not_thrown()
    {
        // Every prefix near both ends (where the reader starts and where the document closes), every 5th between:
        // about 4,000 runs, a few seconds.
        var text = GeneratorHarness.ReadVerityCatalog();
        var runner = new CatalogRunner();
        var complete = text.TrimEnd();
        const int Ends = 600;
        for (var length = 0; length <= text.Length; length += length < Ends || length >= text.Length - Ends ? 1 : 5)
        {
            var prefix = text[..length];
            var diagnostics = runner.Run(prefix, $"prefix of length {length}");
            if (prefix.TrimEnd().Length < complete.Length)
            {
                Assert.True(
                    diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
                    $"The prefix of length {length} is incomplete JSON but produced no error.");
            }
        }
    }

    [Fact]
    public void Valid_json_of_the_wrong_shape_is_reported_not_thrown_and_what_is_accepted_is_valid_and_compiles()
    {
        var runner = new CatalogRunner();
        var accepted = new List<(string Label, string Text)>();
        var disagreements = new List<string>();
        var variants = 0;
        foreach (var (label, text) in CatalogMutations.WrongShapes(GeneratorHarness.ReadVerityCatalog()))
        {
            variants++;
            var diagnostics = runner.Run(text, label);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                continue;
            }

            accepted.Add((label, text));

            // What the generator accepts, catalog.schema.json accepts too. Known, accepted differences: the generator
            // reads null in an optional catalog field as "absent" where the schema wants the field left out, and it
            // ignores "$schema" (an editor hint) whatever its value.
            var violations = CatalogSchema.Violations(text);
            if (violations.Count > 0 && !label.EndsWith("-> null", StringComparison.Ordinal) && !label.Contains("($.$schema)", StringComparison.Ordinal))
            {
                disagreements.Add($"{label}: accepted by the generator, rejected by the schema: {string.Join("; ", violations)}");
            }
        }

        Assert.True(variants > 500, $"Only {variants} variants were derived from the Verity catalog.");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements:\n" + string.Join("\n", disagreements.Take(40)));

        // A catalog the generator accepts must give code that compiles. Compiling every accepted variant would
        // take minutes, so a fixed, evenly spread sample of 16 is compiled, all in one compilation.
        var step = Math.Max(1, accepted.Count / 16);
        var sample = accepted.Where((_, i) => i % step == 0).Take(16).ToList();
        foreach (var batch in sample.Chunk(16))
        {
            AssertCompileTogether(batch);
        }
    }

    [Fact]
    public void Random_edits_of_the_verity_catalog_are_reported_not_thrown()
    {
        var runner = new CatalogRunner();
        foreach (var (label, text) in CatalogMutations.RandomEdits(GeneratorHarness.ReadVerityCatalog(), seed: 20261127, count: 400))
        {
            runner.Run(text, label);
        }
    }

    [Fact]
    public void Random_bytes_are_reported_not_thrown()
    {
        var runner = new CatalogRunner();
        foreach (var (label, text) in CatalogMutations.RandomBytes(seed: 7, count: 300))
        {
            var diagnostics = runner.Run(text, label);
            Assert.True(diagnostics.Any(d => d.Id == "VMCP001" || d.Id == "VMCP014"), $"{label}: random bytes were accepted as a catalog.");
        }
    }

    [Fact]
    public void Random_json_tokens_are_reported_not_thrown()
    {
        var runner = new CatalogRunner();
        foreach (var (label, text) in CatalogMutations.RandomTokens(seed: 11, count: 600))
        {
            runner.Run(text, label);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("   \r\n\t ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"catalog\"")]
    [InlineData("{}")]
    [InlineData("{ \"api\": null, \"endpoints\": null }")]
    [InlineData("{ \"api\": { \"name\": \"\" }, \"endpoints\": [] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ null, 1, \"x\", [], {} ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ { \"method\": \"GET\", \"path\": \"/a/{\", \"summary\": \"A.\" } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ { \"method\": \"GET\", \"path\": \"/a/{}/b\", \"summary\": \"A.\" } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ { \"method\": \"GET\", \"path\": \"/a/}{x\", \"summary\": \"A.\" } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ { \"method\": \"\\u0000\", \"path\": \"/\\ud800\", \"summary\": \"\\uffff\" } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"components\": { \"schemas\": { \"X\": { \"$ref\": \"#/components/schemas/X\" } } }, \"endpoints\": [ { \"method\": \"POST\", \"path\": \"/a\", \"summary\": \"A.\", \"body\": { \"schema\": { \"$ref\": \"#/components/schemas/X\" } } } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"components\": { \"schemas\": { \"X\": { \"allOf\": [ { \"$ref\": \"#/components/schemas/X\" } ] } } }, \"endpoints\": [ { \"method\": \"POST\", \"path\": \"/a\", \"summary\": \"A.\", \"bodyParameter\": \"x\", \"body\": { \"schema\": { \"$ref\": \"#/components/schemas/X\" } } } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ { \"method\": \"GET\", \"path\": \"/a\", \"summary\": \"A.\", \"timeoutSeconds\": 1e400 } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ { \"method\": \"GET\", \"path\": \"/a\", \"summary\": \"A.\", \"parameters\": [ { \"name\": \"q\", \"in\": \"query\", \"schema\": { \"type\": \"integer\", \"minimum\": 1e400, \"enum\": [1, \"a\", null, {}] } } ] } ] }")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ /* unterminated")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"endpoints\": [ ] } // trailing comment without newline")]
    [InlineData("{ \"api\": { \"name\": \"A\" }, \"api\": { \"name\": \"B\" }, \"endpoints\": [ ] }")]
    public void Degenerate_catalogs_are_reported_not_thrown(string text) =>
        new CatalogRunner().Run(text, $"catalog {text}");

    [Fact]
    public void Deep_nesting_is_reported_not_thrown()
    {
        var runner = new CatalogRunner();
        runner.Run(new string('[', 100_000), "100,000 open brackets");
        runner.Run(string.Concat(Enumerable.Repeat("{\"a\":", 50_000)), "50,000 nested objects");

        // Schemas nested as deep as the reader allows, through items, properties and $ref chains.
        var items = string.Concat(Enumerable.Repeat("{ \"type\": \"array\", \"items\": ", 120)) + "{ \"type\": \"string\" }" + new string('}', 120);
        runner.Run(TestCatalogs.With($$"""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "q", "in": "query", "schema": {{items}} } ] }"""), "120 nested array schemas");
        var chain = string.Join(",", Enumerable.Range(0, 300).Select(i => $$"""
            "S{{i}}": { "$ref": "#/components/schemas/S{{i + 1}}" }
            """)) + """, "S300": { "type": "object", "properties": { "x": { "$ref": "#/components/schemas/S0" } } }""";
        runner.Run(TestCatalogs.With("""{ "method": "POST", "path": "/a", "summary": "A.", "body": { "schema": { "$ref": "#/components/schemas/S0" } } }""", "{" + chain + "}"), "300 chained $refs");
    }

    private static void AssertCompileTogether(IReadOnlyList<(string Label, string Text)> catalogs)
    {
        // One namespace, tool prefix and API name per catalog, so many can share one compilation.
        var files = catalogs.Select((catalog, i) => new CatalogFile(
            $"/repo/variants/v{i}.catalog.json",
            catalog.Text.Replace("\"name\":\"Verity\"", $"\"name\":\"Variant{i}\"", StringComparison.Ordinal),
            new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.VerityNamespace"] = $"Variants.V{i}",
                ["build_metadata.AdditionalFiles.VerityToolPrefix"] = $"v{i}_",
            })).ToList();
        var output = GeneratorHarness.Run(files);
        var problems = output.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{Describe(p, catalogs)}: {p}")));
    }

    private static string Describe(Diagnostic problem, IReadOnlyList<(string Label, string Text)> catalogs)
    {
        var path = problem.Location.GetLineSpan().Path ?? string.Empty;
        for (var i = 0; i < catalogs.Count; i++)
        {
            if (path.Contains($"V{i}.", StringComparison.Ordinal) || path.Contains($"Variant{i}.", StringComparison.Ordinal) || path.EndsWith($"/v{i}.catalog.json", StringComparison.Ordinal))
            {
                return catalogs[i].Label;
            }
        }

        return "(variant not identified: " + string.Join("; ", catalogs.Select(c => c.Label)) + ")";
    }

    /// <summary>
    /// One driver reused across inputs (the catalog text is replaced between runs), so thousands of inputs stay
    /// fast; every run is checked for generator exceptions and for diagnostics outside the catalog.
    /// </summary>
    private sealed class CatalogRunner
    {
        private static readonly CSharpCompilation Compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");

        private GeneratorDriver _driver;
        private AdditionalText _current;

        public CatalogRunner()
        {
            _current = new InMemoryAdditionalText(CatalogPath, string.Empty);
            _driver = GeneratorHarness.CreateDriver([_current]);
        }

        public IReadOnlyList<Diagnostic> Run(string text, string label)
        {
            var next = new InMemoryAdditionalText(CatalogPath, text);
            _driver = _driver.ReplaceAdditionalText(_current, next).RunGenerators(Compilation);
            _current = next;
            var result = _driver.GetRunResult();
            foreach (var generator in result.Results)
            {
                Assert.True(generator.Exception is null, $"{label}: the generator threw {generator.Exception}");
            }

            var diagnostics = result.Diagnostics;
            foreach (var diagnostic in diagnostics)
            {
                Assert.False(diagnostic.Id is "CS8785" or "AD0001" or "VMCP015", $"{label}: {diagnostic}");
                Assert.StartsWith("VMCP", diagnostic.Id, StringComparison.Ordinal);
                var span = diagnostic.Location.GetLineSpan();
                Assert.True(span.IsValid && span.Path == CatalogPath, $"{label}: {diagnostic.Id} is not located in the catalog: {diagnostic}");
                Assert.True(diagnostic.Location.SourceSpan.End <= text.Length, $"{label}: {diagnostic.Id} points past the end of the catalog: {diagnostic}");
                _ = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            }

            return diagnostics;
        }
    }
}
