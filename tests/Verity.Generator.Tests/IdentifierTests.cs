using Verity.Generator.Catalog;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>Catalog names that are not valid C# become valid identifiers, the same way every time.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("agentId", "AgentId", "agentId")]
    [InlineData("my-id", "MyId", "myId")]
    [InlineData("Idempotency-Key", "IdempotencyKey", "idempotencyKey")]
    [InlineData("in_progress", "InProgress", "inProgress")]
    [InlineData("2fa", "_2fa", "_2fa")]
    [InlineData("class", "Class", "@class")]
    [InlineData("event", "Event", "@event")]
    [InlineData("café", "Caf_u00E9", "caf_u00E9")]
    [InlineData("Ünïcode", "_u00DCn_u00EFcode", "_u00DCn_u00EFcode")]
    [InlineData("", "Value", "value")]
    [InlineData("--", "Value", "value")]
    [InlineData("a b.c/d", "ABCD", "aBCD")]
    public void Names_are_mangled_deterministically(string name, string pascal, string camel)
    {
        Assert.Equal(pascal, Identifiers.ToPascal(name));
        Assert.Equal(camel, Identifiers.ToCamel(name));
    }

    [Fact]
    public void Collisions_get_numeric_suffixes_in_order()
    {
        var scope = new NameScope("Reserved");
        Assert.Equal("AB", scope.Reserve(Identifiers.ToPascal("a-b")));
        Assert.Equal("AB2", scope.Reserve(Identifiers.ToPascal("a_b")));
        Assert.Equal("AB3", scope.Reserve(Identifiers.ToPascal("a b")));
        Assert.Equal("Reserved2", scope.Reserve("Reserved"));
        Assert.Equal("@class", scope.Reserve("@class"));
        Assert.Equal("class2", scope.Reserve("@class"));
    }

    [Theory]
    [InlineData("POST", "/api/calls/agents/{agentId}/test", "post_calls_agents_test")]
    [InlineData("GET", "/api/phone-numbers", "get_phone_numbers")]
    [InlineData("GET", "/v1/users/{id}", "get_v1_users")]
    [InlineData("DELETE", "/", "delete")]
    public void Tool_names_are_derived_from_method_and_path(string method, string path, string expected) =>
        Assert.Equal(expected, EndpointBuilder.DeriveToolName(method, path));

    [Fact]
    public void Awkward_names_in_a_catalog_produce_valid_code_and_stable_names()
    {
        var first = GeneratorHarness.Run(TestCatalogs.EveryType);
        var second = GeneratorHarness.Run(TestCatalogs.EveryType);
        Assert.Equal(first.Sources, second.Sources);
        Assert.Empty(first.CompilationProblems());

        var tool = first.Sources.Single(pair => pair.Key.Contains("PostV1WidgetsParts", StringComparison.Ordinal)).Value;
        Assert.Contains("int widgetId", tool, StringComparison.Ordinal);
        Assert.Contains("global::System.Guid _2fa", tool, StringComparison.Ordinal);
        Assert.Contains("@class", tool, StringComparison.Ordinal);
        Assert.Contains("caf_u00E9", tool, StringComparison.Ordinal);
        Assert.Contains("AB,", tool, StringComparison.Ordinal);
        Assert.Contains("AB2,", tool, StringComparison.Ordinal);
        Assert.Contains("_2x,", tool, StringComparison.Ordinal);
        Assert.Contains("Empty,", tool, StringComparison.Ordinal);
        Assert.Contains("Equals2", tool, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_named_like_generated_locals_still_compile()
    {
        var names = new[] { "item", "item0", "item1", "writer", "writer1", "value", "request", "arguments", "body", "cancellationToken", "present0", "itemValue", "element", "client", "Client", "global", "var" };
        var parameters = string.Join(",", names.Select(n => $$"""{ "name": "{{n}}", "in": "query", "schema": { "type": "array", "items": { "type": ["integer", "null"] } } }"""));
        var properties = string.Join(",", names.Select(n => $$""" "{{n}}X": { "type": ["array", "null"], "items": { "type": "array", "items": { "type": "string" } } } """));
        var catalog = TestCatalogs.With($$"""
            { "method": "POST", "path": "/a/{value}", "summary": "A.",
              "parameters": [ {{parameters.Replace("\"value\", \"in\": \"query\"", "\"value\", \"in\": \"path\"", StringComparison.Ordinal)}} ],
              "body": { "required": false, "schema": { "type": "object", "properties": { {{properties}} } } } }
            """);

        var output = GeneratorHarness.Run(catalog);

        Assert.Empty(output.CompilationProblems());
    }
}
