using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// Catalog text lands in generated comments, XML docs, string constants and raw string literals. Whatever it holds
/// (line breaks, quotes, comment and XML markers, raw-literal quote runs, directives), it stays text: the output
/// compiles with no warning and no catalog text becomes code.
/// </summary>
public sealed class HostileTextTests
{
    // Every JSON string below carries this payload; if any of it escapes into code, '#error' stops the build.
    private const string Payload = """a\nb\r\n#error escaped */ /* // \"\"\"\"\"\" \"\"\"\"\"\"\"\"\" </summary> <c> & {0} {{x}} \\ \u2028\u2029 \u0085 end\n#error""";

    // Braces, '?' and '#' have a meaning in a path template; everything else of the payload can be a literal segment.
    private static readonly string PathPayload = Payload.Replace("{", "").Replace("}", "").Replace("?", "").Replace("#", "");

    internal static readonly string Catalog = $$"""
        {
          "api": { "name": "Hostile", "version": "{{Payload}}", "baseUrl": "https://h.example/{{Payload}}" },
          "components": {
            "schemas": {
              "Kind": { "type": "string", "enum": ["{{Payload}}", "plain"], "description": "{{Payload}}" },
              "Thing": {
                "type": "object",
                "description": "{{Payload}}",
                "properties": {
                  "{{Payload}}": { "type": "string", "description": "{{Payload}}", "default": "{{Payload}}", "pattern": "^[a-z\"]*$" },
                  "kind": { "$ref": "#/components/schemas/Kind" }
                }
              }
            }
          },
          "endpoints": [
            {
              "method": "POST", "path": "/things/{id}/{{PathPayload}}", "summary": "{{Payload}}", "description": "{{Payload}}",
              "tags": ["{{Payload}}"],
              "parameters": [
                { "name": "id", "in": "path", "description": "{{Payload}}", "schema": { "type": "string", "examples": ["{{Payload}}"] } },
                { "name": "{{Payload}}q", "in": "query", "description": "{{Payload}}", "schema": { "$ref": "#/components/schemas/Kind" } },
                { "name": "X-Plain", "in": "header", "schema": { "type": "string", "const": "{{Payload}}" } }
              ],
              "body": { "required": true, "description": "{{Payload}}", "schema": { "$ref": "#/components/schemas/Thing" } },
              "response": { "schema": { "$ref": "#/components/schemas/Thing" } }
            }
          ]
        }
        """;

    [Fact]
    public void Hostile_text_in_every_field_stays_text()
    {
        var output = GeneratorHarness.Run([new CatalogFile("/repo/odd dir/x\"y {0}.catalog.json", Catalog)]);

        Assert.DoesNotContain(output.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        // The payload path derives a long tool name: VMCP019 says so, as it should.
        var problems = output.CompilationProblems("VMCP012", "VMCP019");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Contains(output.Sources.Keys, k => k.EndsWith("Tool.g.cs", StringComparison.Ordinal));
    }
}
