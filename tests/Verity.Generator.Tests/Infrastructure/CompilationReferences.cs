using Microsoft.CodeAnalysis;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>What generated code compiles against in tests: the shared framework plus Verity.Mcp and its dependencies.</summary>
internal static class CompilationReferences
{
    public static IReadOnlyList<MetadataReference> All { get; } = Load();

    private static List<MetadataReference> Load()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in platform)
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        // Package assemblies the test output carries (ModelContextProtocol, Microsoft.Extensions.*, Verity.Mcp).
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return byName
            .Where(static pair => !pair.Key.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                && !pair.Key.StartsWith("Verity.Generator", StringComparison.OrdinalIgnoreCase)
                && !pair.Key.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
                && !pair.Key.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
                && !pair.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase))
            .OrderBy(static pair => pair.Key, StringComparer.Ordinal)
            .Select(static pair => (MetadataReference)MetadataReference.CreateFromFile(pair.Value))
            .ToList();
    }
}
