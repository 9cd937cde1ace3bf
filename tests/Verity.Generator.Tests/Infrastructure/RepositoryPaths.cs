using System.Runtime.CompilerServices;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>Paths in the source tree (golden files are compared with, and re-accepted into, the checked-in copies).</summary>
internal static class RepositoryPaths
{
    public static string TestProjectDirectory { get; } = FindTestProjectDirectory();

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(TestProjectDirectory, "..", ".."));

    public static string CatalogDirectory => Path.Combine(RepositoryRoot, "catalog");

    public static string VerityCatalogPath => Path.Combine(CatalogDirectory, "verity.catalog.json");

    private static string FindTestProjectDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
