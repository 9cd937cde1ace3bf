using Microsoft.CodeAnalysis;
using Verity.Generator.Tests.Infrastructure;
using static Verity.Generator.Tests.OpenApi.OpenApiTestDocuments;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>Which files are read as OpenAPI documents, and what a file that is none says.</summary>
public sealed class OpenApiRecognitionTests
{
    private const string Minimal = """{ "openapi": "3.0.3", "info": { "title": "Mini", "version": "1" }, "paths": { "/ping": { "get": { "operationId": "ping", "responses": {} } } } }""";

    private const string FormatKey = "build_metadata.AdditionalFiles.VerityFormat";

    [Theory]
    [InlineData("/repo/api/mini.openapi.json")]
    [InlineData("/repo/api/MINI.OpenApi.Json")]
    [InlineData("/repo/api/mini.openapi.yaml")]
    [InlineData("/repo/api/mini.openapi.yml")]
    public void Files_named_openapi_are_read(string path)
    {
        Assert.Equal(["ping"], Tools(Minimal, path).Keys);
    }

    [Theory]
    [InlineData("/repo/api/openapi.json")]
    [InlineData("/repo/api/mini.yaml")]
    [InlineData("/repo/api/settings.json")]
    public void Other_files_are_not_read_without_metadata(string path)
    {
        var output = Run(Minimal, path);
        Assert.Empty(output.Sources);
        Assert.Empty(output.Diagnostics);
    }

    [Fact]
    public void The_format_metadata_reads_any_file_as_openapi()
    {
        Assert.Equal(["ping"], Tools(Minimal, "/repo/node_modules/pkg/api.json", new() { [FormatKey] = "OpenApi" }).Keys);
    }

    [Fact]
    public void The_format_metadata_can_read_an_openapi_named_file_as_a_catalog()
    {
        var output = Run(Minimal, "/repo/api/mini.openapi.json", new() { [FormatKey] = "catalog" });
        Assert.Contains(output.Diagnostics, d => d.Id == "VMCP002");
    }

    [Fact]
    public void A_catalog_and_an_openapi_document_compile_side_by_side()
    {
        var output = GeneratorHarness.Run([
            new CatalogFile(GeneratorHarness.DefaultCatalogPath, TestCatalogs.With(TestCatalogs.SimpleGet)),
            new CatalogFile(JsonPath, Minimal),
        ]);
        Assert.Empty(output.CompilationProblems());
        Assert.Contains(output.Sources.Keys, hint => hint.Contains("MiniTools", StringComparison.Ordinal));
        Assert.Contains(output.Sources.Keys, hint => hint.Contains("SampleTools", StringComparison.Ordinal));
    }

    [Fact]
    public void VMCP024_a_swagger_2_document()
    {
        var text = """{ "swagger": "2.0", "info": { "title": "Old", "version": "1" }, "paths": {} }""";
        var diagnostic = Assert.Single(Diagnostics(Run(text), "VMCP024"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("Swagger 2.0", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP024_an_unsupported_version_points_at_it()
    {
        var text = """{ "openapi": "4.0.0", "info": { "title": "New", "version": "1" }, "paths": {} }""";
        var diagnostic = Assert.Single(Diagnostics(Run(text), "VMCP024"));
        Assert.Equal(Position(text, "\"4.0.0\""), Start(diagnostic));
    }

    [Fact]
    public void VMCP001_malformed_json_document()
    {
        var text = "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": { ]\n}";
        var diagnostic = Assert.Single(Diagnostics(Run(text), "VMCP001"));
        Assert.Equal(2, Start(diagnostic).Line);
    }

    [Fact]
    public void A_document_without_paths_warns_that_it_has_no_tools()
    {
        var output = Run("""{ "openapi": "3.1.0", "info": { "title": "Hooks", "version": "1" }, "webhooks": {} }""");
        Assert.Single(Diagnostics(output, "VMCP013"));
        Assert.DoesNotContain(output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Broken_references_leave_the_operation_out_and_the_rest_generates()
    {
        var text = """
            { "openapi": "3.0.3", "info": { "title": "Refs", "version": "1" },
              "paths": {
                "/a": { "get": { "operationId": "a", "parameters": [ { "$ref": "#/components/parameters/Missing" } ], "responses": {} } },
                "/b": { "post": { "operationId": "b", "requestBody": { "$ref": "other.yaml#/Body" }, "responses": {} } },
                "/c/{id}": { "get": { "operationId": "c", "responses": {} } },
                "/d": { "get": { "operationId": "d", "responses": {} } } } }
            """;
        var output = Run(text);
        var left = Diagnostics(output, "VMCP021");
        Assert.Equal(3, left.Count);
        Assert.Contains(left, d => d.GetMessage().Contains("#/components/parameters/Missing", StringComparison.Ordinal));
        Assert.Contains(left, d => d.GetMessage().Contains("other.yaml#/Body", StringComparison.Ordinal));
        Assert.Contains(left, d => d.GetMessage().Contains("{id}", StringComparison.Ordinal));
        Assert.Equal(["d"], Tools(text).Keys);
    }

    [Fact]
    public void Unknown_x_mcp_options_and_relative_servers_are_warnings()
    {
        var text = """
            { "openapi": "3.0.3", "info": { "title": "Opts", "version": "1" }, "servers": [ { "url": "/api" } ],
              "paths": { "/a": { "get": { "operationId": "a", "x-mcp": { "nmae": "x" }, "responses": {} } } } }
            """;
        var warnings = Diagnostics(Run(text), "VMCP022");
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, d => d.GetMessage().Contains("'nmae'", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.GetMessage().Contains("'/api'", StringComparison.Ordinal));
    }
}
