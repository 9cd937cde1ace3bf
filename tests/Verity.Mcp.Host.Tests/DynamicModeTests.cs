using System.Text.Json;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// <c>VERITY_TOOL_MODE=dynamic</c> over real stdio: three tools are listed, and search → describe → call reaches the
/// API with the same schema, result and argument errors as the generated tool called directly.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DynamicModeTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Dynamic_mode_lists_three_tools_and_search_describe_call_matches_the_direct_tool(string variant)
    {
        var direct = (await fixture.SessionAsync(variant)).Client;
        await using var session = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_TOOL_MODE", "dynamic")));
        var client = session.Client;

        var listed = await client.ListToolsAsync();
        Assert.Equal(["call_api_endpoint", "describe_api_endpoint", "search_api_endpoints"], listed.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        Assert.Contains("find the tool for a task with it", client.ServerInstructions, StringComparison.Ordinal);
        Assert.Contains(": 12 tools,", client.ServerInstructions, StringComparison.Ordinal);

        var found = (await client.CallAsync("search_api_endpoints", """{"query":"place a test phone call","limit":3}""")).Json();
        var first = found.GetProperty("tools")[0];
        Assert.Equal("initiate_test_call", first.GetProperty("name").GetString());
        Assert.False(first.GetProperty("readOnly").GetBoolean());

        var described = (await client.CallAsync("describe_api_endpoint", """{"name":"list_agents"}""")).Json();
        var directTool = (await direct.ListToolsAsync()).Single(tool => tool.Name == "list_agents");
        Assert.True(JsonElement.DeepEquals(directTool.ProtocolTool.InputSchema, described.GetProperty("inputSchema")), described.GetProperty("inputSchema").GetRawText());
        Assert.True(JsonElement.DeepEquals(directTool.ProtocolTool.OutputSchema!.Value, described.GetProperty("outputSchema")));
        Assert.True(described.GetProperty("annotations").GetProperty("readOnlyHint").GetBoolean());

        var viaCall = await client.CallAsync("call_api_endpoint", """{"name":"get_agent","arguments":{"agentId":"agt_01"}}""");
        var viaTool = await direct.CallAsync("get_agent", """{"agentId":"agt_01"}""");
        Assert.Equal(viaTool.Json().GetRawText(), viaCall.Json().GetRawText());
        Assert.True(JsonElement.DeepEquals(viaTool.StructuredContent!.Value, viaCall.StructuredContent!.Value));

        // Arguments as JSON text, for clients whose schema checks cannot send a free-form object.
        var asText = await client.CallAsync("call_api_endpoint", """{"name":"get_agent","arguments":"{\"agentId\":\"agt_01\"}"}""");
        Assert.Equal(viaTool.Json().GetRawText(), asText.Json().GetRawText());
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task An_invalid_argument_through_call_is_the_direct_tools_error_and_reaches_no_api(string variant)
    {
        var direct = (await fixture.SessionAsync(variant)).Client;
        await using var session = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_TOOL_MODE", "dynamic")));
        await direct.CallAsync("list_agents");
        await session.Client.CallAsync("call_api_endpoint", """{"name":"list_agents"}""");
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var viaCall = await session.Client.CallAsync("call_api_endpoint", """{"name":"initiate_test_call","arguments":{"agentId":"agt_01","phoneNumber":"12345"}}""");
        var viaTool = await direct.CallAsync("initiate_test_call", """{"agentId":"agt_01","phoneNumber":"12345"}""");

        Assert.True(viaCall.IsError);
        Assert.Equal(viaTool.Text(), viaCall.Text());
        Assert.Contains("phoneNumber", viaCall.Text(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Filters_hold_in_dynamic_mode(string variant)
    {
        await using var session = await ServerSession.StartAsync(
            HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_TOOL_MODE", "dynamic"), ("VERITY_READ_ONLY", "true")));
        var client = session.Client;

        var found = (await client.CallAsync("search_api_endpoints", """{"query":"place a test phone call"}""")).Json();
        Assert.All(found.GetProperty("tools").EnumerateArray(), hit => Assert.True(hit.GetProperty("readOnly").GetBoolean()));
        Assert.DoesNotContain(found.GetProperty("tools").EnumerateArray(), hit => hit.GetProperty("name").GetString() == "initiate_test_call");

        var described = await client.CallAsync("describe_api_endpoint", """{"name":"initiate_test_call"}""");
        var called = await client.CallAsync("call_api_endpoint", """{"name":"initiate_test_call","arguments":{"agentId":"agt_01","phoneNumber":"+15550100"}}""");
        Assert.True(described.IsError);
        Assert.True(called.IsError);
        Assert.Contains("No tool named 'initiate_test_call'", called.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Auto_mode_goes_dynamic_for_a_client_over_the_threshold_and_lists_all_for_the_others(string variant)
    {
        await using var session = await ServerSession.StartAsync(
            HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_TOOL_MODE_THRESHOLD", "5")), clientName: "Visual Studio Code");
        Assert.Equal(3, (await session.Client.ListToolsAsync()).Count);

        // The default (auto, no threshold): the Verity catalog's twelve tools are within every client's limit.
        var direct = (await fixture.SessionAsync(variant)).Client;
        var listed = await direct.ListToolsAsync();
        Assert.Equal(CatalogDocument.Endpoints.Count(), listed.Count);

        // A dynamic tool is refused where it was not listed.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => direct.CallAsync("search_api_endpoints", """{"query":"call"}"""));
        Assert.Contains("Unknown tool 'search_api_endpoints'", refused.Message, StringComparison.Ordinal);
    }
}
