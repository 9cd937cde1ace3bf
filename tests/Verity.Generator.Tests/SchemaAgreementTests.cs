using System.Text.Json;
using Microsoft.CodeAnalysis;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Tools;

namespace Verity.Generator.Tests;

/// <summary>
/// catalog/catalog.schema.json and the generator agree: a catalog the generator accepts without an error is valid
/// against the schema, so editors never flag a catalog that builds (the other direction is in CatalogSchemaTests).
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<ArgumentValidator> Schema = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CatalogDirectory, "catalog.schema.json")));
        return new ArgumentValidator(document.RootElement.Clone());
    });

    public static TheoryData<string> Catalogs => new(["every-type", "awkward", "synthetic", "hostile"]);

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Catalogs_the_generator_accepts_are_valid_against_the_schema(string name)
    {
        var text = name switch
        {
            "every-type" => TestCatalogs.EveryType,
            "awkward" => IdentifierManglingTests.AwkwardCatalog,
            "synthetic" => SyntheticCatalog.Create(40),
            "hostile" => HostileTextTests.Catalog,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        Assert.DoesNotContain(GeneratorHarness.Run(text).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        AssertValid(text, name);
    }

    [Fact]
    public void Wrong_shape_variants_the_generator_accepts_are_valid_against_the_schema()
    {
        var disagreements = new List<string>();
        foreach (var (label, text) in CatalogMutations.WrongShapes(GeneratorHarness.ReadVerityCatalog()))
        {
            // Known, accepted differences: the generator reads null in an optional catalog field as "absent" where the
            // schema wants the field left out, and it ignores "$schema" (an editor hint) whatever its value.
            if (label.EndsWith("-> null", StringComparison.Ordinal) || label.Contains("($.$schema)", StringComparison.Ordinal))
            {
                continue;
            }

            var output = GeneratorHarness.Run(text);
            if (output.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                continue;
            }

            var errors = Validate(text);
            if (errors.Count > 0)
            {
                disagreements.Add($"{label}: accepted by the generator, rejected by the schema: {string.Join("; ", errors)}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements:\n" + string.Join("\n", disagreements.Take(40)));
    }

    private static void AssertValid(string text, string name)
    {
        var errors = Validate(text);
        Assert.True(errors.Count == 0, $"{name}: {string.Join("\n", errors)}");
    }

    private static List<string> Validate(string text)
    {
        using var catalog = JsonDocument.Parse(text, Jsonc);
        return Schema.Value.ValidateValue(catalog.RootElement, "$").Select(e => $"{e.Argument} {e.Rule}").ToList();
    }
}
