using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>One test per diagnostic ID: the catalog problem is reported with its ID, a location in the file, and no exception.</summary>
public sealed class DiagnosticTests
{
    private static Diagnostic Single(string catalog, string id)
    {
        var output = GeneratorHarness.Run(catalog);
        var matching = output.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {string.Join(" | ", output.Diagnostics.Select(d => d.ToString()))}");
        Assert.DoesNotContain(output.Diagnostics, d => d.Id is "VMCP015" or "CS8785" or "AD0001");
        var diagnostic = matching[0];
        Assert.Equal(GeneratorHarness.DefaultCatalogPath, diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>Where <paramref name="needle"/> first starts in <paramref name="text"/>, zero-based as Roslyn counts.</summary>
    private static LinePosition Position(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        var line = text[..index].Count(c => c == '\n');
        return new LinePosition(line, index - (text.LastIndexOf('\n', index) + 1));
    }

    [Fact]
    public void VMCP001_malformed_json_reports_line_and_column()
    {
        var diagnostic = Single("{\n  \"api\": { \"name\": \"A\" },\n  \"endpoints\": [ 1 2 ]\n}", "VMCP001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(3, Line(diagnostic));
        Assert.Equal(20, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);
        Assert.Contains("line 3, column 20", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP001_truncated_json()
    {
        var text = TestCatalogs.With(TestCatalogs.SimpleGet);
        Single(text[..(text.Length / 2)], "VMCP001");
    }

    [Fact]
    public void VMCP002_missing_required_field()
    {
        var diagnostic = Single(TestCatalogs.With("""{ "method": "GET", "path": "/a" }"""), "VMCP002");
        Assert.Contains("summary", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP003_unknown_method() =>
        Single(TestCatalogs.With("""{ "method": "FETCH", "path": "/a", "summary": "A." }"""), "VMCP003");

    [Fact]
    public void VMCP004_unknown_parameter_location() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "c", "in": "cookie" } ] }"""), "VMCP004");

    [Fact]
    public void VMCP005_undeclared_path_parameter() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a/{id}", "summary": "A." }"""), "VMCP005");

    [Fact]
    public void VMCP006_unused_path_parameter() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "id", "in": "path" } ] }"""), "VMCP006");

    [Fact]
    public void VMCP007_duplicate_tool_name_after_derivation()
    {
        var diagnostic = Single(TestCatalogs.With("""
            { "method": "GET", "path": "/api/things", "summary": "A." },
            { "method": "GET", "path": "/things", "summary": "B." }
            """), "VMCP007");
        Assert.Contains("get_things", diagnostic.GetMessage());
        Assert.Equal(6, Line(diagnostic));
    }

    [Fact]
    public void VMCP007_duplicate_tool_name_across_catalogs()
    {
        var output = GeneratorHarness.Run(new[]
        {
            new CatalogFile("/repo/a.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet)),
            new CatalogFile("/repo/b.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet).Replace("\"Sample\"", "\"Other\"")),
        });
        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == "VMCP007");
        Assert.Equal("/repo/b.catalog.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void VMCP008_tool_name_too_long()
    {
        var diagnostic = Single(TestCatalogs.With($$"""{ "method": "GET", "path": "/a", "summary": "A.", "tool": "{{new string('x', 60)}}" }""", extra: "\"toolPrefix\": \"sample_\","), "VMCP008");
        Assert.Contains("67 characters", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP008_tool_name_with_invalid_characters() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "tool": "list agents!" }"""), "VMCP008");

    [Fact]
    public void VMCP009_unresolvable_ref() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "response": { "schema": { "$ref": "#/components/schemas/Missing" } } }"""), "VMCP009");

    [Fact]
    public void VMCP010_body_on_get() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "body": { "schema": { "type": "object" } } }"""), "VMCP010");

    [Fact]
    public void VMCP011_flattened_body_collides_with_parameter()
    {
        var diagnostic = Single(TestCatalogs.With("""
            { "method": "POST", "path": "/a", "summary": "A.",
              "parameters": [ { "name": "name", "in": "query" } ],
              "body": { "schema": { "type": "object", "properties": { "name": { "type": "string" } } } } }
            """), "VMCP011");
        Assert.Contains("bodyParameter", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP012_unsupported_keyword_is_a_warning()
    {
        var diagnostic = Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "q", "in": "query", "schema": { "type": "string", "contentEncoding": "base64" } } ] }"""), "VMCP012");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("contentEncoding", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP013_empty_endpoints_is_a_warning()
    {
        var diagnostic = Single(TestCatalogs.With(string.Empty), "VMCP013");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void VMCP014_invalid_value() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "a", "summary": "A." }"""), "VMCP014");

    [Fact]
    public void VMCP015_is_declared_for_unexpected_failures()
    {
        var result = Verity.Generator.Catalog.CatalogParser.Failure("/repo/x.catalog.json", new InvalidOperationException("boom"));
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal("VMCP015", diagnostic.Id);
        Assert.Contains("boom", diagnostic.GetMessage());
    }

    [Fact]
    public void VMCP016_duplicate_argument() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "q", "in": "query" }, { "name": "q", "in": "header" } ] }"""), "VMCP016");

    [Fact]
    public void VMCP017_invalid_pattern() =>
        Single(TestCatalogs.With("""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "q", "in": "query", "schema": { "type": "string", "pattern": "([a-z" } } ] }"""), "VMCP017");

    [Theory]
    [InlineData(@"(?i)^[a-z]+$", "'(?i' is not ECMA-262 syntax")]
    [InlineData(@"^[0-9]+\z", @"'\z' is not an ECMA-262 escape; use ^ and $ for the start and the end")]
    [InlineData(@"(a)\2", @"'\2' refers to group 2")]
    public void VMCP017_pattern_that_is_not_ECMA_262_says_why(string pattern, string reason)
    {
        var diagnostic = Single(TestCatalogs.With($$"""{ "method": "GET", "path": "/a", "summary": "A.", "parameters": [ { "name": "q", "in": "query", "schema": { "type": "string", "pattern": {{System.Text.Json.JsonSerializer.Serialize(pattern)}} } } ] }"""), "VMCP017");
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void VMCP018_catalogs_that_would_generate_the_same_classes()
    {
        var output = GeneratorHarness.Run(
        [
            new CatalogFile("/repo/a/sample.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet)),
            new CatalogFile("/repo/b/sample.catalog.json", TestCatalogs.With(TestCatalogs.SimpleGet, extra: "\"toolPrefix\": \"b_\",")),
        ]);

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == "VMCP018");
        Assert.Equal("/repo/b/sample.catalog.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("/repo/a/sample.catalog.json", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(output.Diagnostics, d => d.Id is "VMCP015" or "CS8785" or "AD0001");
        Assert.DoesNotContain("b_get_things", string.Join("\n", output.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void VMCP019_tool_name_over_50_characters_is_a_warning_at_the_tool_value()
    {
        var tool = new string('x', 44); // 51 characters with the prefix
        var catalog = TestCatalogs.With($$"""
            { "method": "GET", "path": "/a", "summary": "A.",
              "tool": "{{tool}}" }
            """, extra: "\"toolPrefix\": \"sample_\",");

        var diagnostic = Single(catalog, "VMCP019");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Position(catalog, $"\"{tool}\""), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("'sample_" + tool + "' is 51 characters long", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("over 60 characters", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("set a shorter \"tool\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(GeneratorHarness.Run(catalog).Sources.Values, source => source.Contains("\"sample_" + tool + "\"", StringComparison.Ordinal));
    }

    [Fact]
    public void VMCP019_derived_tool_name_is_reported_at_the_path_and_50_characters_pass()
    {
        var path = "/" + new string('p', 47); // get_ + 47 = 51 characters
        var catalog = TestCatalogs.With($$"""
            { "method": "GET", "path": "/{{new string('q', 46)}}", "summary": "Fifty." },
            { "method": "GET", "path": "{{path}}", "summary": "A." }
            """);

        var diagnostic = Single(catalog, "VMCP019");

        Assert.Equal(Position(catalog, $"\"{path}\""), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("is 51 characters long", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void VMCP019_is_not_added_to_the_64_character_error()
    {
        var output = GeneratorHarness.Run(TestCatalogs.With($$"""{ "method": "GET", "path": "/a", "summary": "A.", "tool": "{{new string('x', 65)}}" }"""));

        Assert.Single(output.Diagnostics, d => d.Id == "VMCP008");
        Assert.DoesNotContain(output.Diagnostics, d => d.Id == "VMCP019");
    }

    [Theory]
    [InlineData("/files/{a}{b}", "{a}{b}")]
    [InlineData("/files/{a}./raw", "{a}.")]
    [InlineData("/files/.{a}.{b}", ".{a}.{b}")]
    public void VMCP020_path_segment_that_can_become_a_dot_segment_is_a_warning_at_the_path(string path, string segment)
    {
        var parameters = string.Join(", ", new[] { "a", "b" }.Where(name => path.Contains("{" + name + "}", StringComparison.Ordinal))
            .Select(name => $$"""{ "name": "{{name}}", "in": "path" }"""));
        var catalog = TestCatalogs.With($$"""
            { "method": "GET", "path": "{{path}}", "summary": "A.", "tool": "get_file", "parameters": [ {{parameters}} ] }
            """);

        var diagnostic = Single(catalog, "VMCP020");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Position(catalog, $"\"{path}\""), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains($"The path segment '{segment}' joins path parameters with nothing but dots", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(GeneratorHarness.Run(catalog).Sources.Keys, key => key.Contains("GetFileTool", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/files/{a}.json/{b}")]
    [InlineData("/files/{a}-{b}")]
    [InlineData("/files/{a}/{b}/..")]
    public void VMCP020_is_not_reported_for_segments_with_other_text(string path)
    {
        var output = GeneratorHarness.Run(TestCatalogs.With($$"""
            { "method": "GET", "path": "{{path}}", "summary": "A.",
              "parameters": [ { "name": "a", "in": "path" }, { "name": "b", "in": "path" } ] }
            """));

        Assert.DoesNotContain(output.Diagnostics, d => d.Id == "VMCP020");
    }

    /// <summary>One OpenAPI problem, reported once with its ID, in the document, without a failure.</summary>
    private static Diagnostic SingleInDocument(string document, string id, string path = "/repo/api/test.openapi.json")
    {
        var output = GeneratorHarness.Run([new CatalogFile(path, document)]);
        var matching = output.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {string.Join(" | ", output.Diagnostics.Select(d => d.ToString()))}");
        Assert.DoesNotContain(output.Diagnostics, d => d.Id is "VMCP015" or "CS8785" or "AD0001");
        Assert.Equal(path, matching[0].Location.GetLineSpan().Path);
        return matching[0];
    }

    private static string Document(string paths) =>
        $$"""{ "openapi": "3.0.3", "info": { "title": "T", "version": "1" }, "paths": { {{paths}} } }""";

    [Fact]
    public void VMCP021_openapi_operation_left_out()
    {
        var document = Document("""
            "/a": { "post": { "operationId": "a", "requestBody": { "required": true, "content": { "text/plain": {} } }, "responses": {} } },
            "/b": { "get": { "operationId": "b", "responses": {} } }
            """);
        var diagnostic = SingleInDocument(document, "VMCP021");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Position(document, "{ \"required\": true"), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("POST /a is left out", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void VMCP022_openapi_cookie_parameter_left_out()
    {
        var document = Document("""
            "/a": { "get": { "operationId": "a", "parameters": [ { "name": "sid", "in": "cookie", "schema": { "type": "string" } } ], "responses": {} } }
            """);
        var diagnostic = SingleInDocument(document, "VMCP022");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Position(document, "\"cookie\""), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void VMCP023_openapi_tool_name_shortened()
    {
        var id = new string('x', 70);
        var diagnostic = SingleInDocument(Document($$"""
            "/a": { "get": { "operationId": "{{id}}", "responses": {} } }
            """), "VMCP023");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("would be 70 characters long", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void VMCP024_not_an_openapi_document()
    {
        var diagnostic = SingleInDocument("""{ "swagger": "2.0", "paths": {} }""", "VMCP024");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void VMCP025_malformed_yaml_reports_line_and_column()
    {
        var diagnostic = SingleInDocument("openapi: 3.0.3\ninfo:\n  title: 'T\n", "VMCP025", "/repo/api/test.openapi.yaml");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("line ", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_has_a_test_and_a_release_entry()
    {
        var ids = Verity.Generator.Catalog.CatalogDiagnostics.All.Select(d => d.Id).Order().ToList();
        var tested = typeof(DiagnosticTests).GetMethods().Select(m => m.Name[..Math.Min(7, m.Name.Length)]).Where(n => n.StartsWith("VMCP", StringComparison.Ordinal)).Distinct().Order().ToList();
        Assert.Equal(ids, tested);

        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Verity.Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.All(ids, id => Assert.Contains(id + " |", releases));
    }

    [Fact]
    public void The_docs_table_lists_every_descriptor_with_its_severity_in_one_place()
    {
        var docs = Path.Combine(RepositoryPaths.RepositoryRoot, "docs");
        var table = File.ReadAllText(Path.Combine(docs, "use-in-your-project.md"));
        Assert.All(Verity.Generator.Catalog.CatalogDiagnostics.All, descriptor => Assert.Contains(
            $"| {descriptor.Id} | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} |", table, StringComparison.Ordinal));

        var elsewhere = Directory.GetFiles(docs, "*.md")
            .Where(path => Path.GetFileName(path) != "use-in-your-project.md")
            .Where(path => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(path), @"\| VMCP\d{3} \| (error|warning) \|"))
            .Select(Path.GetFileName);
        Assert.Empty(elsewhere);
        Assert.Contains("use-in-your-project.md#diagnostics-and-how-to-fix-them", File.ReadAllText(Path.Combine(docs, "catalog.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_endpoint_is_left_out_and_the_rest_is_generated()
    {
        var output = GeneratorHarness.Run(TestCatalogs.With(TestCatalogs.SimpleGet + """, { "method": "GET", "path": "/b/{x}", "summary": "B." }"""));
        Assert.Contains(output.Diagnostics, d => d.Id == "VMCP005");
        Assert.Contains(output.Sources.Keys, k => k.Contains("GetThingsTool", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Sources.Keys, k => k.Contains("GetBTool", StringComparison.Ordinal));
        Assert.Empty(output.CompilationProblems("VMCP005"));
    }
}
