using System.Text.Json;
using Microsoft.CodeAnalysis;
using static Verity.Generator.Tests.OpenApi.OpenApiTestDocuments;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>OpenAPI documents in YAML: the same tools as the same document in JSON, and diagnostics at YAML positions.</summary>
public sealed class OpenApiYamlTests
{
    /// <summary>The YAML that real documents use: comments, block and flow collections, every scalar style, anchors, merge keys.</summary>
    private const string Yaml = """
        # A pet shop, written the ways YAML allows.
        openapi: 3.1.0
        info:
          title: Pets
          version: 2          # a number in YAML, a string to OpenAPI
        servers:
          - url: https://pets.example/api
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              summary: 'Get a pet: by id.'
              description: |
                Returns the pet.
                Two lines, kept.
              parameters:
                - &petId
                  name: petId
                  in: path
                  required: true
                  schema: { type: integer, format: int64, minimum: 0x10 }
                - name: "verbose"
                  in: query
                  schema:
                    type: [boolean, "null"]
                    default: false
              responses:
                "200":
                  description: >-
                    The pet,
                    folded.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
            delete:
              operationId: deletePet
              summary: Delete a pet.
              parameters: [ *petId ]
              responses: { '204': { description: Deleted } }
        components:
          schemas:
            Named: &named
              type: object
              properties:
                name: { type: string, maxLength: 40 }
            Pet:
              <<: *named
              required: [name]
              description: "A pet.\tTabbed."
              x-note: ~
        """;

    private const string Json = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "2" },
          "servers": [ { "url": "https://pets.example/api" } ],
          "paths": {
            "/pets/{petId}": {
              "get": {
                "operationId": "getPet",
                "summary": "Get a pet: by id.",
                "description": "Returns the pet.\nTwo lines, kept.\n",
                "parameters": [
                  { "name": "petId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64", "minimum": 16 } },
                  { "name": "verbose", "in": "query", "schema": { "type": ["boolean", "null"], "default": false } }
                ],
                "responses": { "200": { "description": "The pet, folded.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
              },
              "delete": {
                "operationId": "deletePet",
                "summary": "Delete a pet.",
                "parameters": [ { "name": "petId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64", "minimum": 16 } } ],
                "responses": { "204": { "description": "Deleted" } }
              }
            }
          },
          "components": {
            "schemas": {
              "Named": { "type": "object", "properties": { "name": { "type": "string", "maxLength": 40 } } },
              "Pet": { "required": ["name"], "description": "A pet.\tTabbed.", "x-note": null, "type": "object", "properties": { "name": { "type": "string", "maxLength": 40 } } }
            }
          }
        }
        """;

    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_yaml_document_makes_the_same_tools_as_its_json_twin()
    {
        var yaml = Tools(Yaml, YamlPath);
        var json = Tools(Json, "/repo/api/pets.openapi.json");
        Assert.Equal(["deletePet", "getPet"], yaml.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(json.Keys.Order(StringComparer.Ordinal), yaml.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tool) in json)
        {
            var twin = yaml[name].ProtocolTool;
            Assert.Equal(tool.ProtocolTool.Description, twin.Description);
            Assert.Equal(Canonical(tool.ProtocolTool.InputSchema.GetRawText()), Canonical(twin.InputSchema.GetRawText()));
            Assert.Equal(tool.ProtocolTool.OutputSchema?.GetRawText() is { } output ? Canonical(output) : null, twin.OutputSchema?.GetRawText() is { } twinOutput ? Canonical(twinOutput) : null);
        }

        Assert.Equal("Get a pet: by id.\n\nReturns the pet.\nTwo lines, kept.", yaml["getPet"].ProtocolTool.Description);
    }

    [Fact]
    public void A_yaml_document_compiles_without_diagnostics()
    {
        Assert.Empty(Run(Yaml, YamlPath).CompilationProblems());
    }

    [Fact]
    public void Yml_is_read_too()
    {
        Assert.Equal(2, Tools(Yaml, "/repo/api/pets.openapi.yml").Count);
    }

    [Fact]
    public void VMCP025_malformed_yaml_reports_line_and_column()
    {
        var text = "openapi: 3.0.0\ninfo:\n  title: T\n  version: 1\npaths:\n  /a: [1, 2\n";
        var diagnostic = Assert.Single(Diagnostics(Run(text, YamlPath), "VMCP025"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(YamlPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("(line ", diagnostic.GetMessage());
        Assert.True(Start(diagnostic).Line >= 5, diagnostic.ToString());
    }

    [Fact]
    public void Diagnostics_in_a_yaml_document_point_at_its_line_and_column()
    {
        var text = Yaml.Replace("    delete:\n", "    delete:\n      x-mcp: { name: 'no good' }\n", StringComparison.Ordinal);
        var output = Run(text, YamlPath);
        var invalid = Assert.Single(Diagnostics(output, "VMCP008"));
        Assert.Equal(Position(text, "'no good'"), Start(invalid));

        var cookie = Yaml.Replace("        - name: \"verbose\"\n          in: query", "        - name: \"verbose\"\n          in: cookie", StringComparison.Ordinal);
        var left = Assert.Single(Diagnostics(Run(cookie, YamlPath), "VMCP022"));
        Assert.Equal(Position(cookie, "cookie"), Start(left));
    }

    [Fact]
    public void An_alias_without_anchor_and_a_tag_without_json_meaning_are_reported()
    {
        Assert.Single(Diagnostics(Run("openapi: 3.0.0\ninfo: *nowhere\npaths: {}\n", YamlPath), "VMCP025"));
        Assert.Single(Diagnostics(Run("openapi: 3.0.0\ninfo: !!binary aGVsbG8=\npaths: {}\n", YamlPath), "VMCP025"));
    }
}
