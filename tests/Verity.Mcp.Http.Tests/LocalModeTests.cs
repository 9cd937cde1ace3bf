using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// The local mode (VERITY_HTTP_AUTH=none) over real streamable HTTP with the C# SDK client: the same generated tools
/// as stdio, calls reaching the sample API with a Clerk session token from the process-wide settings, and the probes.
/// </summary>
[Collection(LocalModeCollection.Name)]
public sealed class LocalModeTests(LocalModeFixture fixture)
{
    [Fact]
    public async Task Lists_the_compiled_tools_and_calls_one_against_the_sample_api()
    {
        await using var client = await fixture.Server.ConnectAsync();

        var tools = await client.ListToolsAsync();
        var names = tools.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("list_agents", names);
        Assert.Contains("create_contact", names);
        Assert.Equal(Common.Server.CompiledCatalog.Catalog.Descriptors.Count, names.Count);

        var before = fixture.Stack.Api.Requests.Requests.Count;
        var result = await client.CallToolAsync("list_agents", new Dictionary<string, object?>());

        Assert.NotEqual(true, result.IsError);
        var call = Assert.Single(fixture.Stack.Api.Requests.Requests.Skip(before));
        Assert.Equal("/api/agents", call.Path);
        Assert.NotNull(call.Subject); // the API verified a Clerk session token
    }

    [Fact]
    public async Task Reports_its_identity_and_instructions_at_initialize()
    {
        await using var client = await fixture.Server.ConnectAsync();

        Assert.Equal("verity", client.ServerInfo?.Name);
        Assert.Contains("initiate_test_call", client.ServerInstructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_client_profile_shapes_tools_list_as_over_stdio()
    {
        await using var server = await HttpServerUnderTest.StartAsync(fixture.Settings(("VERITY_CLIENT_PROFILE", "openai"), ("VERITY_TOOLS", "tag:contacts")));
        await using var client = await server.ConnectAsync();

        var tools = await client.ListToolsAsync();

        Assert.NotEmpty(tools);
        Assert.All(tools, tool => Assert.Contains("contact", tool.Name, StringComparison.Ordinal));
        // OpenAI's strict mode: every object closed, on every tool (the exact schemas leave that open).
        Assert.All(tools, tool => Assert.False(tool.ProtocolTool.InputSchema.GetProperty("additionalProperties").GetBoolean()));
    }

    [Fact]
    public async Task The_auto_profile_shapes_tools_list_by_the_clients_name_as_over_stdio()
    {
        await using var unknown = await fixture.Server.ConnectAsync(clientName: "some-client");
        await using var codex = await fixture.Server.ConnectAsync(clientName: "codex-mcp-client");

        var exact = (await unknown.ListToolsAsync()).Select(tool => tool.ProtocolTool.InputSchema.GetRawText()).ToList();
        var strict = (await codex.ListToolsAsync()).Select(tool => tool.ProtocolTool.InputSchema.GetRawText()).ToList();

        Assert.NotEqual(exact, strict);
        Assert.All(strict, schema => Assert.Contains("\"additionalProperties\":false", schema, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_and_readiness_answer_200()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Has_no_resource_metadata_without_oauth()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };

        var metadata = await http.GetAsync(new Uri("/.well-known/oauth-protected-resource", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
    }
}
