using System.Text.Json;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

public sealed class ArgumentValidatorTests
{
    private static IReadOnlyList<ArgumentError> Validate(string schema, string arguments)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var argumentsDocument = JsonDocument.Parse(arguments);
        var values = argumentsDocument.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return new ArgumentValidator(schemaDocument.RootElement.Clone()).Validate(values);
    }

    private static string Rules(IReadOnlyList<ArgumentError> errors) =>
        string.Join(" ", errors.Select(e => $"{e.Argument}:{e.Rule}").Order(StringComparer.Ordinal));

    private static string Schema(string properties, string required = "[]") =>
        $$"""{ "type": "object", "properties": { {{properties}} }, "required": {{required}}, "additionalProperties": false }""";

    [Theory]
    [InlineData("""{ "type": "string" }""", "\"x\"", "")]
    [InlineData("""{ "type": "string" }""", "1", "a:type")]
    [InlineData("""{ "type": ["string", "null"] }""", "null", "")]
    [InlineData("""{ "type": "integer" }""", "1.0", "")]
    [InlineData("""{ "type": "integer" }""", "1.5", "a:type")]
    [InlineData("""{ "type": "boolean" }""", "\"true\"", "a:type")]
    [InlineData("""{ "enum": ["x", "y"] }""", "\"z\"", "a:enum")]
    [InlineData("""{ "const": true }""", "false", "a:const")]
    [InlineData("""{ "type": "string", "minLength": 2 }""", "\"é\"", "a:minLength")]
    [InlineData("""{ "type": "string", "maxLength": 2 }""", "\"😀😀\"", "")]
    [InlineData("""{ "type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$" }""", "\"+15550100\"", "")]
    [InlineData("""{ "type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$" }""", "\"555-0100\"", "a:pattern")]
    [InlineData("""{ "type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$" }""", "\"+15550100\\n\"", "a:pattern")]
    [InlineData("""{ "type": "string", "pattern": "^\\d+$" }""", "\"\u0661\u0662\"", "a:pattern")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2026-11-01T09:30:00Z\"", "")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2026-11-01\"", "a:format")]
    [InlineData("""{ "type": "string", "format": "date" }""", "\"2026-11-01\"", "")]
    [InlineData("""{ "type": "string", "format": "email" }""", "\"ada@example.com\"", "")]
    [InlineData("""{ "type": "string", "format": "email" }""", "\"ada at example\"", "a:format")]
    [InlineData("""{ "type": "string", "format": "uuid" }""", "\"not-a-uuid\"", "a:format")]
    [InlineData("""{ "type": "string", "format": "uri" }""", "\"/relative\"", "a:format")]
    [InlineData("""{ "type": "integer", "minimum": 1, "maximum": 100 }""", "0", "a:minimum")]
    [InlineData("""{ "type": "integer", "minimum": 1, "maximum": 100 }""", "101", "a:maximum")]
    [InlineData("""{ "type": "number", "exclusiveMinimum": 0 }""", "0", "a:exclusiveMinimum")]
    [InlineData("""{ "type": "number", "exclusiveMaximum": 1 }""", "1", "a:exclusiveMaximum")]
    [InlineData("""{ "type": "number", "multipleOf": 0.1 }""", "0.3", "")]
    [InlineData("""{ "type": "number", "multipleOf": 0.5 }""", "0.3", "a:multipleOf")]
    [InlineData("""{ "type": "integer", "format": "int32" }""", "3000000000", "a:format")]
    [InlineData("""{ "type": "array", "minItems": 1 }""", "[]", "a:minItems")]
    [InlineData("""{ "type": "array", "maxItems": 1 }""", "[1, 2]", "a:maxItems")]
    [InlineData("""{ "type": "array", "uniqueItems": true }""", "[1, 2, 1]", "a[2]:uniqueItems")]
    [InlineData("""{ "type": "array", "uniqueItems": true }""", "[1, 1.0, 10e-1, -0, 0]", "a[1]:uniqueItems a[2]:uniqueItems a[4]:uniqueItems")]
    [InlineData("""{ "type": "array", "uniqueItems": true }""", "[\"a\", \"\\u0061\", \"A\"]", "a[1]:uniqueItems")]
    [InlineData("""{ "type": "array", "uniqueItems": true }""", "[{\"x\": 1, \"y\": [2]}, {\"y\": [2], \"x\": 1}, {\"x\": 1}, {\"x\": \"1\"}]", "a[1]:uniqueItems")]
    [InlineData("""{ "type": "array", "uniqueItems": true }""", "[[1, 2], [2, 1], [1, 2], null, false, null]", "a[2]:uniqueItems a[5]:uniqueItems")]
    [InlineData("""{ "type": "array", "maxItems": 2, "minItems": 5, "uniqueItems": true, "items": { "type": "string" } }""", "[1, 1, 1]", "a:maxItems")]
    [InlineData("""{ "type": "array", "items": { "type": "string", "minLength": 1 } }""", "[\"x\", \"\"]", "a[1]:minLength")]
    [InlineData("""{ "type": "object", "properties": { "n": { "type": "string" } }, "required": ["n"], "additionalProperties": false }""", "{ \"m\": 1 }", "a.m:additionalProperties a.n:required")]
    [InlineData("""{ "oneOf": [ { "type": "string" }, { "type": "integer" } ] }""", "1.5", "a:oneOf")]
    [InlineData("""{ "oneOf": [ { "type": "number" }, { "type": "integer" } ] }""", "1", "a:oneOf")]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "integer" } ] }""", "true", "a:anyOf")]
    [InlineData("""{ "allOf": [ { "minimum": 1 }, { "maximum": 2 } ] }""", "3", "a:maximum")]
    [InlineData("false", "1", "a:schema")]
    public void Keyword_is_checked(string argumentSchema, string value, string expected) =>
        Assert.Equal(expected, Rules(Validate(Schema($"\"a\": {argumentSchema}"), $$"""{ "a": {{value}} }""")));

    [Fact]
    public void Every_problem_is_reported_together()
    {
        var errors = Validate(
            Schema("\"name\": { \"type\": \"string\" }, \"limit\": { \"type\": \"integer\", \"maximum\": 5 }", "[\"name\", \"id\"]"),
            """{ "limit": 9, "typo": 1 }""");

        Assert.Equal("id:required limit:maximum name:required typo:additionalProperties", Rules(errors));
        Assert.Contains("expected one of name, limit", errors.Single(e => e.Rule == "additionalProperties").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void References_resolve_to_defs_including_cycles()
    {
        var schema = """
            { "type": "object", "properties": { "node": { "$ref": "#/$defs/Node" } },
              "$defs": { "Node": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "child": { "$ref": "#/$defs/Node" } } } } }
            """;
        var errors = Validate(schema, """{ "node": { "id": "a", "child": { "child": { "id": 3 } } } }""");

        Assert.Equal("node.child.child.id:type node.child.id:required", Rules(errors));
    }

    [Fact]
    public void No_arguments_means_an_empty_object()
    {
        using var schema = JsonDocument.Parse(Schema("\"a\": { \"type\": \"string\" }", "[\"a\"]"));
        var errors = new ArgumentValidator(schema.RootElement.Clone()).Validate(null);

        Assert.Equal("a:required", Rules(errors));
    }

    [Fact]
    public void Messages_say_what_to_do()
    {
        var error = Assert.Single(Validate(Schema("\"phone\": { \"type\": \"string\", \"pattern\": \"^\\\\+[0-9]+$\" }"), """{ "phone": "555" }"""));
        Assert.Equal("phone (pattern): must match the pattern ^\\+[0-9]+$.", error.ToString());
    }

    [Fact]
    public void A_pattern_that_cannot_be_compiled_refuses_the_value()
    {
        var error = Assert.Single(Validate(Schema("\"a\": { \"type\": \"string\", \"pattern\": \"(?i)abc\" }"), """{ "a": "abc" }"""));

        Assert.Equal("pattern", error.Rule);
        Assert.StartsWith("cannot be checked: the tool's pattern (?i)abc is not a usable ECMA-262 regular expression ('(?i' is not ECMA-262 syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_spends_at_most_one_pattern_time_out()
    {
        var slow = new string('a', 40) + "!";
        var errors = Validate(
            Schema("\"a\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"pattern\": \"^(a+)+$\" } }"),
            $$"""{ "a": ["{{slow}}", "{{slow}}", "{{slow}}", "aaa"] }""");

        Assert.Equal("a[0]:pattern a[1]:pattern a[2]:pattern a[3]:pattern", Rules(errors));
        Assert.StartsWith("could not be checked against the pattern in time", errors[0].Message, StringComparison.Ordinal);
        Assert.All(errors.Skip(1), error => Assert.StartsWith("was not checked against the pattern", error.Message, StringComparison.Ordinal));
    }
}
