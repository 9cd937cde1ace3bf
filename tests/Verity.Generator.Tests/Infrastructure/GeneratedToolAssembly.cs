using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using ModelContextProtocol.Server;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>
/// The tools a catalog generates, as the running server would hold them: the generator runs over the catalog, the
/// output is compiled and loaded, and the generated <c>{Api}Tools.CreateTools()</c> makes the tool objects.
/// Compiled once per catalog text for the whole test run.
/// </summary>
public static class GeneratedToolAssembly
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Assemblies = new(StringComparer.Ordinal);
    private static int _loaded;

    public static IReadOnlyList<McpServerTool> CreateTools(string catalogText) =>
        CreateTools(new CatalogFile(GeneratorHarness.DefaultCatalogPath, catalogText));

    /// <summary>The tools of any generator input: a catalog or an OpenAPI document, at its path, with its item metadata.</summary>
    public static IReadOnlyList<McpServerTool> CreateTools(CatalogFile file) =>
        (IReadOnlyList<McpServerTool>)ToolsClass(file).GetMethod("CreateTools", Type.EmptyTypes)!.Invoke(null, null)!;

    /// <summary>The generated <c>{Api}Tools</c> class of the input (its constants: DefaultBaseUrl, ApiName, …).</summary>
    public static Type ToolsClass(CatalogFile file) =>
        Load(file).GetTypes().Single(type => type.GetMethod("CreateTools", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes) is not null);

    /// <summary>The compiled catalog as a value (<c>{Api}Tools.Catalog</c>): descriptors, tools and search index.</summary>
    public static global::Verity.Mcp.Tools.GeneratedCatalog Catalog(string catalogText) =>
        Catalog(new CatalogFile(GeneratorHarness.DefaultCatalogPath, catalogText));

    /// <summary>The compiled catalog of any generator input (a catalog or an OpenAPI document).</summary>
    public static global::Verity.Mcp.Tools.GeneratedCatalog Catalog(CatalogFile file)
    {
        var assembly = Load(file);
        var property = assembly.GetTypes()
            .Select(type => type.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static))
            .Single(candidate => candidate?.PropertyType == typeof(global::Verity.Mcp.Tools.GeneratedCatalog))!;
        return (global::Verity.Mcp.Tools.GeneratedCatalog)property.GetValue(null)!;
    }

    /// <summary>The input compiled once per path, item metadata and text for the whole test run.</summary>
    private static Assembly Load(CatalogFile file)
    {
        var key = file.Path + "\n" + string.Join(";", (file.Metadata ?? new Dictionary<string, string>()).OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value)) + "\n" + file.Text;
        return Assemblies.GetOrAdd(key, _ => new Lazy<Assembly>(() => Compile(file))).Value;
    }

    /// <summary>The generator's <c>InputSchemaJson</c> constant of a generated tool: the text the exact profile must list.</summary>
    public static string InputSchemaConstant(McpServerTool tool) =>
        (string)tool.GetType().GetField("InputSchemaJson", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    private static Assembly Compile(CatalogFile file)
    {
        // Warnings are the compile tests' business; an error fails the emit below.
        var output = GeneratorHarness.Run([file]);

        // Each catalog gets its own assembly name; they load beside this test assembly, sharing Verity.Mcp with it.
        var compilation = output.OutputCompilation.WithAssemblyName($"Generated.Catalog{Interlocked.Increment(ref _loaded)}");
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"Emitting the generated code failed: {string.Join("\n", emitted.Diagnostics.Take(10))}");
        }

        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
