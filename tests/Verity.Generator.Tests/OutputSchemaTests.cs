using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// A tool's outputSchema describes the answer's shape but not what a growing API breaks (clients reject a result
/// that does not validate): enum/const/format become description text, bounds and additionalProperties: false go,
/// oneOf becomes anyOf, and a non-object answer is declared as the property result.
/// </summary>
public sealed class OutputSchemaTests
{
    private static readonly string[] GrowthSensitive =
    [
        "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "uniqueItems", "minItems", "maxItems", "minProperties", "maxProperties", "oneOf",
    ];

    [Fact]
    public void A_response_schema_keeps_its_shape_and_lets_go_of_what_a_growing_api_breaks()
    {
        var catalog = TestCatalogs.With(
            endpoints: """
            { "method": "GET", "path": "/things", "tool": "get_things", "summary": "Get things.",
              "parameters": [ { "name": "kind", "in": "query", "schema": { "$ref": "#/components/schemas/Kind" } } ],
              "response": { "schema": {
                "type": "object", "required": ["id", "kind"], "additionalProperties": false, "description": "A thing",
                "properties": {
                  "id": { "type": "string", "pattern": "^x_", "minLength": 2, "maxLength": 9, "description": "The id." },
                  "kind": { "$ref": "#/components/schemas/Kind" },
                  "when": { "type": ["string", "null"], "format": "date-time" },
                  "count": { "type": "integer", "minimum": 0, "maximum": 9, "exclusiveMinimum": -1, "multipleOf": 1, "default": 1 },
                  "tags": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] }, "minItems": 1, "maxItems": 3, "uniqueItems": true },
                  "flag": { "const": true, "title": "Flag" },
                  "shape": { "oneOf": [
                    { "type": "object", "properties": { "r": { "type": "number", "minimum": 0 } }, "additionalProperties": false },
                    { "type": "object", "properties": { "w": { "type": "number" } } } ] },
                  "meta": { "type": "object", "additionalProperties": { "type": "string", "maxLength": 3 }, "minProperties": 1 }
                } } } }
            """,
            components: """{ "Kind": { "type": "string", "enum": ["x", "y"], "description": "Kind of thing" } }""");

        var tool = Tools(catalog)["get_things"];

        AssertJson("""
            { "type": "object", "required": ["id", "kind"], "description": "A thing",
              "properties": {
                "id": { "type": "string", "description": "The id." },
                "kind": { "$ref": "#/$defs/Kind" },
                "when": { "type": ["string", "null"], "description": "Format: date-time." },
                "count": { "type": "integer", "default": 1 },
                "tags": { "type": "array", "items": { "type": "string", "description": "Known values: a, b." } },
                "flag": { "type": "boolean", "title": "Flag", "description": "Known value: true." },
                "shape": { "anyOf": [
                  { "type": "object", "properties": { "r": { "type": "number" } } },
                  { "type": "object", "properties": { "w": { "type": "number" } } } ] },
                "meta": { "type": "object", "additionalProperties": { "type": "string" } }
              },
              "$defs": { "Kind": { "type": "string", "description": "Kind of thing. Known values: x, y." } } }
            """, tool.Output!.Value);
        Assert.False(tool.WrapsResult);

        // The input schema is the catalog's, keyword for keyword.
        AssertJson("""["x", "y"]""", tool.Input.GetProperty("$defs").GetProperty("Kind").GetProperty("enum"));
    }

    [Theory]
    [InlineData("""{ "type": "array", "items": { "type": "string", "maxLength": 5 } }""", """{ "type": "array", "items": { "type": "string" } }""")]
    [InlineData("""{ "type": "string", "enum": ["on", "off"] }""", """{ "type": "string", "description": "Known values: on, off." }""")]
    [InlineData("""{ "type": ["object", "null"], "properties": { "a": { "type": "integer" } } }""", """{ "type": ["object", "null"], "properties": { "a": { "type": "integer" } } }""")]
    [InlineData("""{ "$ref": "#/components/schemas/Names" }""", """{ "$ref": "#/$defs/Names" }""")]
    [InlineData("""{ "oneOf": [ { "type": "string" }, { "type": "integer" } ] }""", """{ "anyOf": [ { "type": "string" }, { "type": "integer" } ] }""")]
    [InlineData("""{}""", """{}""")]
    public void A_response_that_is_not_an_object_is_declared_as_the_property_result(string response, string result)
    {
        var catalog = TestCatalogs.With(
            endpoints: $$"""{ "method": "GET", "path": "/names", "tool": "get_names", "summary": "Names.", "response": { "schema": {{response}} } }""",
            components: """{ "Names": { "type": "array", "items": { "type": "string" }, "minItems": 1 } }""");

        var tool = Tools(catalog)["get_names"];

        var output = tool.Output!.Value;
        Assert.Equal("object", output.GetProperty("type").GetString());
        AssertJson("""["result"]""", output.GetProperty("required"));
        AssertJson(result, output.GetProperty("properties").GetProperty("result"));
        Assert.True(tool.WrapsResult);
        if (response.Contains("$ref", StringComparison.Ordinal))
        {
            AssertJson("""{ "type": "array", "items": { "type": "string" } }""", output.GetProperty("$defs").GetProperty("Names"));
        }
    }

    [Fact]
    public void An_endpoint_without_a_response_schema_has_no_output_schema()
    {
        var tool = Tools(TestCatalogs.With(TestCatalogs.SimpleGet))["get_things"];

        Assert.Null(tool.Output);
        Assert.False(tool.WrapsResult);
    }

    [Theory]
    [InlineData("verity")]
    [InlineData("synthetic")]
    [InlineData("every-type")]
    public void Every_output_schema_is_an_object_without_growth_sensitive_keywords(string name)
    {
        var catalog = name switch
        {
            "verity" => GeneratorHarness.ReadVerityCatalog(),
            "synthetic" => SyntheticCatalog.Create(120),
            _ => TestCatalogs.EveryType,
        };

        var tools = Tools(catalog);

        Assert.Contains(tools.Values, t => t.Output is not null);
        foreach (var (toolName, tool) in tools)
        {
            if (tool.Output is not { } output)
            {
                continue;
            }

            Assert.Equal("object", output.GetProperty("type").GetString());
            var found = new List<string>();
            FindGrowthSensitive(output, "$", found);
            Assert.True(found.Count == 0, $"{toolName}: {string.Join(", ", found)}");
        }
    }

    private static void FindGrowthSensitive(JsonElement schema, string path, List<string> found)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in schema.EnumerateArray())
            {
                FindGrowthSensitive(item, $"{path}[{index++}]", found);
            }

            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in schema.EnumerateObject())
        {
            if (GrowthSensitive.Contains(property.Name) || (property.Name == "additionalProperties" && property.Value.ValueKind == JsonValueKind.False))
            {
                found.Add($"{path}.{property.Name}");
            }

            // Under "properties" and "$defs" the names are the API's, not keywords.
            if (property.Name is "properties" or "$defs")
            {
                foreach (var member in property.Value.EnumerateObject())
                {
                    FindGrowthSensitive(member.Value, $"{path}.{property.Name}.{member.Name}", found);
                }
            }
            else if (property.Name is not ("required" or "type" or "default" or "examples"))
            {
                FindGrowthSensitive(property.Value, $"{path}.{property.Name}", found);
            }
        }
    }

    private sealed record ToolSchemas(JsonElement Input, JsonElement? Output, bool WrapsResult);

    /// <summary>Each generated tool's schemas, read as the constants the compiler sees.</summary>
    private static Dictionary<string, ToolSchemas> Tools(string catalog)
    {
        var output = GeneratorHarness.Run(catalog);
        Assert.DoesNotContain(output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var tools = new Dictionary<string, ToolSchemas>(StringComparer.Ordinal);
        foreach (var tree in output.OutputCompilation.SyntaxTrees)
        {
            var model = output.OutputCompilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var constants = type.Members.OfType<FieldDeclarationSyntax>()
                    .SelectMany(f => f.Declaration.Variables)
                    .Where(v => v.Initializer is not null)
                    .ToDictionary(v => v.Identifier.Text, v => model.GetConstantValue(v.Initializer!.Value).Value as string);
                if (constants.TryGetValue("Name", out var name) && constants.TryGetValue("InputSchemaJson", out var input) && constants.TryGetValue("OutputSchemaJson", out var outputSchema))
                {
                    tools[name!] = new ToolSchemas(
                        JsonElement.Parse(input!),
                        outputSchema is null ? null : JsonElement.Parse(outputSchema),
                        type.ToFullString().Contains("OutputWrapsResult = true,", StringComparison.Ordinal));
                }
            }
        }

        return tools;
    }

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(JsonElement.Parse(expected), actual), $"Expected {expected}\nActual {actual.GetRawText()}");
}
