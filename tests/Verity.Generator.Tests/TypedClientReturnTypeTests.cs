using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>What a typed client method returns, by what the catalog declares as the response.</summary>
public sealed class TypedClientReturnTypeTests
{
    private static readonly GeneratorOutput Output = GeneratorHarness.Run(TestCatalogs.With("""
        { "method": "POST", "path": "/ping", "summary": "No declared response." },
        { "method": "GET", "path": "/either", "summary": "A response with no generated type.",
          "response": { "schema": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } } },
        { "method": "GET", "path": "/inline", "summary": "An inline object response.",
          "response": { "schema": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } } } } },
        { "method": "GET", "path": "/names", "summary": "A list response.",
          "response": { "schema": { "type": "array", "items": { "type": "string" } } } }
        """));

    [Fact]
    public void The_generated_code_compiles_with_no_warnings() => Assert.Empty(Output.CompilationProblems());

    [Fact]
    public void No_declared_response_returns_the_answer_after_a_success_check()
    {
        var source = Source("/ping");
        Assert.Contains("public async global::System.Threading.Tasks.Task<global::Verity.Mcp.Http.ApiResponse> PostPingAsync(", source, StringComparison.Ordinal);
        Assert.Contains("global::Verity.Mcp.Tools.ApiResponseDecoder.EnsureSuccess(", source, StringComparison.Ordinal);
        Assert.Contains("PostPingRawAsync(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_without_a_generated_type_returns_a_JsonElement()
    {
        var source = Source("/either");
        Assert.Contains("Task<global::System.Text.Json.JsonElement> GetEitherAsync(", source, StringComparison.Ordinal);
        Assert.Contains("static element => global::Verity.Mcp.Tools.ToolJson.ReadJson(element)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_object_response_gets_its_own_record()
    {
        var source = Source("/inline");
        Assert.Matches(@"Task<global::[\w.]+\.GetInlineResponse> GetInlineAsync\(", source);
        Assert.Contains("public sealed record GetInlineResponse", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_response_returns_a_read_only_list()
    {
        var source = Source("/names");
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<string>> GetNamesAsync(", source, StringComparison.Ordinal);
    }

    private static string Source(string path) =>
        Output.Sources.Values.Single(text => text.Contains($": {(path == "/ping" ? "POST" : "GET")} {path} (tool", StringComparison.Ordinal));
}
