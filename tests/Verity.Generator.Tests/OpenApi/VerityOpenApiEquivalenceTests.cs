using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Host.Tools;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>catalog/verity.openapi.yaml, the Verity API as an OpenAPI document, makes the same tools as catalog/verity.catalog.json.</summary>
public sealed class VerityOpenApiEquivalenceTests
{
    private static string OpenApiPath => Path.Combine(RepositoryPaths.CatalogDirectory, "verity.openapi.yaml");

    [Fact]
    public void The_openapi_document_compiles_without_diagnostics()
    {
        var output = GeneratorHarness.Run([new CatalogFile(OpenApiPath, File.ReadAllText(OpenApiPath))]);
        Assert.Empty(output.CompilationProblems());
    }

    [Fact]
    public void The_openapi_document_makes_the_catalogs_tools_with_the_same_schemas()
    {
        // Another namespace, so its classes stay apart from the catalog's (compiled into this test assembly).
        var file = new CatalogFile(OpenApiPath, File.ReadAllText(OpenApiPath), new Dictionary<string, string> { ["build_metadata.AdditionalFiles.VerityNamespace"] = "Verity.FromOpenApi" });
        var fromOpenApi = GeneratedToolAssembly.CreateTools(file).ToDictionary(tool => tool.ProtocolTool.Name, tool => tool.ProtocolTool, StringComparer.Ordinal);
        var fromCatalog = VerityTools.CreateTools().ToDictionary(tool => tool.ProtocolTool.Name, tool => tool.ProtocolTool, StringComparer.Ordinal);

        Assert.Equal(fromCatalog.Keys.Order(StringComparer.Ordinal), fromOpenApi.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, expected) in fromCatalog)
        {
            var actual = fromOpenApi[name];
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.InputSchema.GetRawText(), actual.InputSchema.GetRawText());
            Assert.Equal(expected.OutputSchema?.GetRawText(), actual.OutputSchema?.GetRawText());
            Assert.Equal(
                (expected.Annotations!.ReadOnlyHint, expected.Annotations.DestructiveHint, expected.Annotations.IdempotentHint, expected.Annotations.OpenWorldHint),
                (actual.Annotations!.ReadOnlyHint, actual.Annotations.DestructiveHint, actual.Annotations.IdempotentHint, actual.Annotations.OpenWorldHint));
        }
    }
}
