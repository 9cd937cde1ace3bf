using System.Reflection;

namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>Where the repository is (recorded at build time, so tests run from any artifacts folder can pack it).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "Verity.Generator.sln");

    public static string HostProject => Path.Combine(Root, "src", "Verity.Mcp.Host", "Verity.Mcp.Host.csproj");

    /// <summary>
    /// The pack's own build folder: kept between runs (so a second run only re-packs) and separate from every other
    /// build, so packing never touches the obj/bin folders of a build in progress.
    /// </summary>
    public static string PackBuildFolder => Path.Combine(Root, "artifacts", "packaging-tests");

    public static string ConsumerTemplate => Path.Combine(AppContext.BaseDirectory, "Consumer");

    private static string FindRoot()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Verity.Generator.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        throw new InvalidOperationException($"Verity.Generator.sln not found at the recorded repository root '{recorded}'.");
    }
}
