using Microsoft.CodeAnalysis;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// catalog/catalog.schema.json and the generator agree: a catalog the generator accepts without an error is valid
/// against the schema, so editors never flag a catalog that builds (the other direction is in CatalogSchemaTests;
/// wrong-shape variants of the Verity catalog are checked in CatalogRobustnessTests).
/// </summary>
public sealed class SchemaAgreementTests
{
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

        var violations = CatalogSchema.Violations(text);
        Assert.True(violations.Count == 0, $"{name}: {string.Join("\n", violations)}");
    }
}
