using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// The generated sources for the Verity catalog, compared byte for byte with Golden/Verity/*.verified.cs.
/// After an intended change, re-accept with: VERITY_ACCEPT_GOLDEN=1 dotnet test tests/Verity.Generator.Tests --filter GoldenFileTests
/// </summary>
public sealed class GoldenFileTests
{
    private const string AcceptVariable = "VERITY_ACCEPT_GOLDEN";

    private static string GoldenDirectory => Path.Combine(RepositoryPaths.TestProjectDirectory, "Golden", "Verity");

    [Fact]
    public void Verity_catalog_output_matches_the_verified_files()
    {
        var output = GeneratorHarness.Run(
            new[] { new CatalogFile("/repo/catalog/verity.catalog.json", GeneratorHarness.ReadVerityCatalog()) });
        Assert.Empty(output.Diagnostics);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Accept(output.Sources);
        }

        var expectedFiles = Directory.Exists(GoldenDirectory)
            ? Directory.GetFiles(GoldenDirectory, "*.verified.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()
            : [];
        var actualFiles = output.Sources.Keys.Select(ToVerifiedName).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expectedFiles.SequenceEqual(actualFiles),
            $"Generated files differ from the verified set. Expected: {string.Join(", ", expectedFiles)}. Actual: {string.Join(", ", actualFiles)}. Re-accept with {AcceptVariable}=1 if intended.");

        foreach (var (hintName, text) in output.Sources)
        {
            var expected = File.ReadAllText(Path.Combine(GoldenDirectory, ToVerifiedName(hintName)));
            if (expected != text)
            {
                Assert.Fail($"{hintName} differs from its verified file at line {FirstDifferentLine(expected, text)}. Re-accept with {AcceptVariable}=1 if intended.");
            }
        }
    }

    private static void Accept(IReadOnlyDictionary<string, string> sources)
    {
        Directory.CreateDirectory(GoldenDirectory);
        foreach (var stale in Directory.GetFiles(GoldenDirectory, "*.verified.cs"))
        {
            File.Delete(stale);
        }

        foreach (var (hintName, text) in sources)
        {
            File.WriteAllText(Path.Combine(GoldenDirectory, ToVerifiedName(hintName)), text);
        }
    }

    private static string ToVerifiedName(string hintName) =>
        (hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName[..^".g.cs".Length] : hintName) + ".verified.cs";

    private static int FirstDifferentLine(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return i + 1;
            }
        }

        return Math.Min(left.Length, right.Length) + 1;
    }
}
