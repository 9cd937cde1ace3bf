using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Verity.Generator.Tests.ClientProfiles;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>
/// Sampled tools generated from GitHub's OpenAPI document, called through the generated code and the runtime
/// (validation, request building, the HTTP pipeline, result mapping) against a loopback server that answers as the
/// document says. Each request is the one the document describes, and each structured result validates against the
/// tool's declared output schema.
/// </summary>
public sealed class GitHubEndToEndTests : IAsyncLifetime
{
    private OpenApiLoopbackApi _api = null!;
    private ServiceProvider _services = null!;
    private Dictionary<string, EndpointTool> _tools = null!;

    public async Task InitializeAsync()
    {
        var github = RealOpenApiDocumentTests.GitHub;
        _tools = GeneratedToolAssembly.CreateTools(github).Cast<EndpointTool>().ToDictionary(tool => tool.ProtocolTool.Name, StringComparer.Ordinal);
        _api = await OpenApiLoopbackApi.StartAsync(github.Text);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GitHub:BaseUrl"] = _api.Url }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("GitHub", configuration);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    private async Task<CallToolResult> CallAsync(string tool, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        var values = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return await _tools[tool].InvokeAsync(values, _services, CancellationToken.None);
    }

    private void AssertMatchesOutputSchema(string tool, CallToolResult result)
    {
        Assert.True(result.IsError != true, string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text)));
        var schema = (JsonObject)JsonNode.Parse(_tools[tool].ProtocolTool.OutputSchema!.Value.GetRawText())!;
        var structured = JsonNode.Parse(result.StructuredContent!.Value.GetRawText());
        Assert.True(SchemaCompilation.Accepts(schema, structured), $"{tool}'s result does not match its output schema: {structured?.ToJsonString()}");
    }

    [Fact]
    public async Task A_get_with_path_parameters_returns_the_repository()
    {
        var result = await CallAsync("repos_get", """{ "owner": "octo cat", "repo": "hello-world" }""");

        Assert.Equal(("GET", "/repos/octo%20cat/hello-world"), Assert.Single(_api.Requests) is var r ? (r.Method, r.PathAndQuery) : default);
        AssertMatchesOutputSchema("repos_get", result);
        Assert.Equal("text", result.StructuredContent!.Value.GetProperty("full_name").GetString());
    }

    [Fact]
    public async Task A_post_sends_the_flattened_body_as_json_and_returns_the_created_issue()
    {
        var result = await CallAsync("issues_create", """{ "owner": "octo", "repo": "hello", "title": "Crash on start", "labels": ["bug"], "milestone": 3 }""");

        var request = Assert.Single(_api.Requests);
        Assert.Equal(("POST", "/repos/octo/hello/issues"), (request.Method, request.PathAndQuery));
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["title", "milestone", "labels"], body.Select(p => p.Key).Order(StringComparer.Ordinal).Reverse().ToArray());
        Assert.Equal("Crash on start", body["title"]!.GetValue<string>());
        AssertMatchesOutputSchema("issues_create", result);
    }

    [Fact]
    public async Task Query_parameters_are_sent_and_a_list_answer_comes_back_wrapped()
    {
        var result = await CallAsync("issues_list-for-repo", """{ "owner": "octo", "repo": "hello", "state": "closed", "labels": "bug,ui", "per_page": 5 }""");

        Assert.Equal("/repos/octo/hello/issues?state=closed&labels=bug%2Cui&per_page=5", Assert.Single(_api.Requests).PathAndQuery);
        AssertMatchesOutputSchema("issues_list-for-repo", result);
        Assert.Equal(JsonValueKind.Array, result.StructuredContent!.Value.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task A_delete_and_a_put_without_json_answer_succeed()
    {
        var removed = await CallAsync("issues_remove-label", """{ "owner": "octo", "repo": "hello", "issue_number": 7, "name": "needs triage" }""");
        var starred = await CallAsync("gists_star", """{ "gist_id": "aa5a315d61ae9438b18d" }""");

        Assert.Equal(
            [("DELETE", "/repos/octo/hello/issues/7/labels/needs%20triage"), ("PUT", "/gists/aa5a315d61ae9438b18d/star")],
            _api.Requests.Select(r => (r.Method, r.PathAndQuery)).ToArray());
        AssertMatchesOutputSchema("issues_remove-label", removed);
        Assert.True(starred.IsError != true);
        Assert.Null(starred.StructuredContent);
    }

    [Fact]
    public async Task Arguments_the_document_forbids_are_refused_before_any_request()
    {
        var result = await CallAsync("issues_list-for-repo", """{ "owner": "octo", "state": "sideways" }""");

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("repo (required)", text, StringComparison.Ordinal);
        Assert.Contains("state (enum)", text, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }
}
