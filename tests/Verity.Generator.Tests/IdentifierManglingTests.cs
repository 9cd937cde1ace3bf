using Verity.Generator.Catalog;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// Catalog names that are not usable C# identifiers as they stand (keywords, leading digits, dashes, non-ASCII,
/// names that collide once mangled) become valid identifiers: no diagnostic, the output compiles with no warning,
/// and the same catalog always gives the same identifiers (the byte-for-byte check over this catalog is in
/// <see cref="OutputDeterminismTests"/>).
/// </summary>
public sealed class IdentifierManglingTests
{
    /// <summary>Awkward names in every place a name becomes an identifier: namespace, groups, tools, arguments, types, members.</summary>
    internal static string AwkwardCatalog { get; } = """
        {
          "api": { "name": "2fa-api class" },
          "namespace": "My-App.2nd.class.Über",
          "components": {
            "schemas": {
              "class": { "type": "string", "enum": ["event", "Event", "e-vent", "2x", "", "Ünïcode", "value__", "a b", "a_b"] },
              "My-Type": { "type": "object", "properties": { "my-type": { "type": "string" }, "MyType": { "type": "integer" } } },
              "My_Type": { "type": "object", "properties": { "EqualityContract": { "type": "string" }, "ToString": { "type": "string" }, "GetHashCode": { "type": "boolean" } } },
              "2fa": { "type": "object", "required": ["2fa"], "properties": { "2fa": { "type": "string" }, "_2fa": { "type": "string" }, "Item": { "type": "string" } } },
              "Item": { "type": "object", "properties": { "item": { "type": "string" }, "Item": { "type": "number" } } },
              "日本": { "type": "object", "properties": { "名前": { "type": "string" }, "namespace": { "$ref": "#/components/schemas/class" } } }
            }
          },
          "endpoints": [
            {
              "method": "GET", "path": "/api/class/{event}/{2fa}/{my-id}", "summary": "Keywords, digits and dashes.",
              "tags": ["class"],
              "parameters": [
                { "name": "event", "in": "path", "schema": { "type": "string" } },
                { "name": "2fa", "in": "path", "schema": { "type": "string" } },
                { "name": "my-id", "in": "path", "schema": { "type": "string" } },
                { "name": "my_id", "in": "query", "schema": { "type": "string" } },
                { "name": "MyId", "in": "query", "schema": { "type": "integer" } },
                { "name": "myId", "in": "query", "schema": { "type": "boolean" } },
                { "name": "value", "in": "query", "schema": { "type": "string" } },
                { "name": "cancellationToken", "in": "query", "schema": { "type": "string" } },
                { "name": "request", "in": "query", "schema": { "type": "string" } },
                { "name": "arguments", "in": "query", "schema": { "type": "string" } },
                { "name": "var", "in": "query", "schema": { "type": "string" } },
                { "name": "naïve", "in": "query", "schema": { "type": "string" } },
                { "name": "日本", "in": "query", "schema": { "$ref": "#/components/schemas/日本" } },
                { "name": "kind", "in": "query", "schema": { "$ref": "#/components/schemas/class" } },
                { "name": "X-Api-Key", "in": "header", "schema": { "type": "string" } },
                { "name": "@x", "in": "query", "schema": { "type": "string" } },
                { "name": "-", "in": "query", "schema": { "type": "string" } },
                { "name": "__", "in": "query", "schema": { "type": "string" } }
              ],
              "response": { "schema": { "$ref": "#/components/schemas/2fa" } }
            },
            { "method": "GET", "path": "/api/my-items", "summary": "Dash in the path.", "tags": ["2fa"], "tool": "get_my-items",
              "response": { "schema": { "$ref": "#/components/schemas/Item" } } },
            { "method": "GET", "path": "/api/my_items", "summary": "Same words after mangling.", "tags": ["2fa"], "tool": "get_my_items",
              "response": { "schema": { "$ref": "#/components/schemas/My-Type" } } },
            { "method": "GET", "path": "/api/my.items", "summary": "Same words again.", "tags": ["2fa"], "tool": "get.my.items",
              "response": { "schema": { "$ref": "#/components/schemas/My_Type" } } },
            { "method": "POST", "path": "/api/événements", "summary": "Non-ASCII path, tag and body names.", "tags": ["événements"],
              "body": { "required": true, "schema": { "type": "object", "required": ["class"], "properties": {
                "class": { "type": "string" }, "static": { "type": "integer" }, "2fa": { "type": "boolean" },
                "my-id": { "type": "string" }, "my_id": { "type": "string" }, "Ünïcode": { "type": "string" },
                "kind": { "$ref": "#/components/schemas/class" },
                "nested": { "type": "object", "properties": { "class": { "type": "string" }, "nested": { "type": "string" } } } } } } },
            { "method": "PUT", "path": "/api/things/{id}", "summary": "Body argument named like a keyword.", "tags": ["my tag"],
              "bodyParameter": "object",
              "parameters": [ { "name": "id", "in": "path", "schema": { "type": "string" } } ],
              "body": { "required": true, "schema": { "$ref": "#/components/schemas/2fa" } } },
            { "method": "DELETE", "path": "/api/things/{id}", "summary": "Tag that mangles like another.", "tags": ["my-tag"],
              "parameters": [ { "name": "id", "in": "path", "schema": { "type": "string" } } ] },
            { "method": "PATCH", "path": "/api/types", "summary": "Every awkward component as a typed body property.", "tags": ["types"],
              "body": { "required": true, "schema": { "type": "object", "properties": {
                "a": { "$ref": "#/components/schemas/My-Type" }, "b": { "$ref": "#/components/schemas/My_Type" },
                "c": { "$ref": "#/components/schemas/Item" }, "d": { "$ref": "#/components/schemas/2fa" },
                "e": { "$ref": "#/components/schemas/日本" }, "f": { "type": "array", "items": { "$ref": "#/components/schemas/class" } } } } } },
            { "method": "GET", "path": "/api/Synthetic", "summary": "Tool named like a generated class.", "tool": "2fa_api_class_tools" },
            { "method": "GET", "path": "/api/x", "summary": "Tool named like the typed client.", "tool": "2fa-api-class-api" }
          ]
        }
        """;

    [Fact]
    public void Awkward_names_give_no_diagnostic_and_compile_with_no_warnings()
    {
        var output = GeneratorHarness.Run(AwkwardCatalog);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompilationProblems());
        Assert.Equal(10, output.Sources.Keys.Count(k => System.Text.RegularExpressions.Regex.IsMatch(k, @"Tool\d*\.g\.cs$")));
    }

    [Fact]
    public void Keywords_digits_dashes_and_non_ascii_become_the_documented_identifiers()
    {
        var sources = GeneratorHarness.Run(AwkwardCatalog).Sources;
        var all = string.Join("\n", sources.Values);

        // Namespace parts: dashes dropped, leading digit prefixed, keyword and non-ASCII made plain.
        Assert.Contains("namespace MyApp._2nd.Class._u00DCber;", all, StringComparison.Ordinal);

        // Keywords are escaped, a leading digit gets '_', dashes join words, non-ASCII is spelled _uXXXX.
        Assert.Contains("@event", all, StringComparison.Ordinal);
        Assert.Contains("_2fa", all, StringComparison.Ordinal);
        Assert.Contains("myId", all, StringComparison.Ordinal);
        Assert.Contains("na_u00EFve", all, StringComparison.Ordinal);

        // Names equal after mangling get numeric suffixes, in catalog order.
        Assert.Contains("myId2", all, StringComparison.Ordinal);
        Assert.Contains("myId3", all, StringComparison.Ordinal);
        Assert.Contains("myId4", all, StringComparison.Ordinal);
        Assert.Contains(sources.Keys, k => k.EndsWith(".GetMyItemsTool.g.cs", StringComparison.Ordinal));
        Assert.Contains(sources.Keys, k => k.EndsWith(".GetMyItemsTool2.g.cs", StringComparison.Ordinal));
        Assert.Contains(sources.Keys, k => k.EndsWith(".GetMyItemsTool3.g.cs", StringComparison.Ordinal));

        // Types, and members equal to their type's name or to a record's own members, are renamed, not dropped.
        Assert.Contains("public sealed record MyType\n", all.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("public sealed record MyType2\n", all.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(" MyType2 { get; init; }", all, StringComparison.Ordinal);
        Assert.Contains(" Item2 { get; init; }", all, StringComparison.Ordinal);
        Assert.Contains(" EqualityContract2 { get; init; }", all, StringComparison.Ordinal);
        Assert.Contains("public enum Class", all, StringComparison.Ordinal);
        Assert.Contains("_u65E5_u672C", all, StringComparison.Ordinal);

        // The typed client's method for a tool named like the client class itself is renamed.
        Assert.Contains("_2faApiClassApi2Async(", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_hint_names_are_unique_and_plain()
    {
        var output = GeneratorHarness.Run(AwkwardCatalog);

        var names = output.RunResult.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.Matches("^[A-Za-z0-9_.]+$", name));
    }

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
    public void Names_are_mangled_as_documented(string name, string pascal, string camel)
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
        Assert.Equal(expected, EndpointReader.DeriveToolName(method, path));

    [Fact]
    public void Awkward_names_in_a_catalog_produce_valid_code_and_stable_names()
    {
        // Same output on every run: OutputDeterminismTests covers this catalog.
        var first = GeneratorHarness.Run(TestCatalogs.EveryType);
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
