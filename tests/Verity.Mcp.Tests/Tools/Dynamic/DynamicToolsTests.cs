using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Tools.Dynamic;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tests.Tools.Dynamic;

/// <summary>
/// The tool mode on a real MCP server: which list each client gets, the dynamic tools shaped by the client's profile,
/// the filters holding for search/describe/call, and a dynamic tool refused where it was not listed.
/// </summary>
public sealed class DynamicToolsTests
{
    [Fact]
    public async Task Auto_mode_gives_vs_code_the_dynamic_tools_over_its_limit_and_other_clients_every_tool()
    {
        await using var server = DynamicToolsServer.Start(NumberedTool.Many(129), index: null);

        var vsCode = await (await server.ConnectAsync("Visual Studio Code")).ListToolsAsync();
        var cursor = await (await server.ConnectAsync("cursor-vscode")).ListToolsAsync();
        var claude = await (await server.ConnectAsync("claude-code")).ListToolsAsync();

        Assert.Equal(DynamicToolNames.All.Order(StringComparer.Ordinal), vsCode.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, cursor.Count);
        Assert.Equal(129, claude.Count);
        Assert.DoesNotContain(claude, tool => DynamicToolNames.IsReserved(tool.Name));
    }

    [Fact]
    public async Task Within_the_limit_vs_code_gets_every_tool_and_a_dynamic_tool_call_is_refused()
    {
        await using var server = DynamicToolsServer.Start(NumberedTool.Many(128), index: null);
        var client = await server.ConnectAsync("Visual Studio Code");

        Assert.Equal(128, (await client.ListToolsAsync()).Count);
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync(DynamicToolNames.Search, new Dictionary<string, object?> { ["query"] = "item" }).AsTask());
        Assert.Contains("Unknown tool 'search_api_endpoints'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dynamic_tools_are_shaped_by_the_clients_profile()
    {
        await using var server = DynamicToolsServer.Start(NumberedTool.Many(3), index: null, ("VERITY_TOOL_MODE", "dynamic"), ("VERITY_CLIENT_PROFILE", "openai"));

        var search = (await (await server.ConnectAsync("any")).ListToolsAsync()).Single(tool => tool.Name == DynamicToolNames.Search);

        // OpenAI strict mode: every property required, the optional ones nullable.
        var required = search.ProtocolTool.InputSchema.GetProperty("required").EnumerateArray().Select(item => item.GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["limit", "query", "tag"], required);
        Assert.NotEqual(SearchEndpointsTool.InputSchemaJson.Length, search.ProtocolTool.InputSchema.GetRawText().Length);
    }

    [Fact]
    public async Task Filters_hide_tools_from_search_describe_and_call()
    {
        var descriptors = NumberedTool.Many(6);
        await using var server = DynamicToolsServer.Start(descriptors, Index(descriptors), ("VERITY_TOOL_MODE", "dynamic"), ("VERITY_READ_ONLY", "true"));
        var client = await server.ConnectAsync("any");

        var found = Json(await client.CallToolAsync(DynamicToolNames.Search, new Dictionary<string, object?> { ["query"] = "item" }));
        var names = found.GetProperty("tools").EnumerateArray().Select(hit => hit.GetProperty("name").GetString()!).ToArray();
        var described = await client.CallToolAsync(DynamicToolNames.Describe, new Dictionary<string, object?> { ["name"] = "tool_001" });
        var called = await client.CallToolAsync(DynamicToolNames.Call, new Dictionary<string, object?> { ["name"] = "tool_001", ["arguments"] = new Dictionary<string, object?>() });

        Assert.Equal(["tool_000", "tool_002", "tool_004"], names);
        Assert.True(described.IsError);
        Assert.True(called.IsError);
        Assert.Equal(
            "No tool named 'tool_001' is served. Find tools with search_api_endpoints and use a name it returns, exactly.",
            Assert.IsType<TextContentBlock>(called.Content.Single()).Text);
    }

    [Fact]
    public async Task Search_filters_by_tag_limits_and_says_which_tags_exist()
    {
        var descriptors = NumberedTool.Many(6);
        await using var server = DynamicToolsServer.Start(descriptors, Index(descriptors), ("VERITY_TOOL_MODE", "dynamic"));
        var client = await server.ConnectAsync("any");

        var odd = Json(await client.CallToolAsync(DynamicToolNames.Search, new Dictionary<string, object?> { ["query"] = "item", ["tag"] = "odd", ["limit"] = 2 }));
        var unknownTag = await client.CallToolAsync(DynamicToolNames.Search, new Dictionary<string, object?> { ["query"] = "item", ["tag"] = "blue" });
        var badLimit = await client.CallToolAsync(DynamicToolNames.Search, new Dictionary<string, object?> { ["query"] = "item", ["limit"] = 500 });

        Assert.Equal(["tool_001", "tool_003"], odd.GetProperty("tools").EnumerateArray().Select(hit => hit.GetProperty("name").GetString()));
        Assert.True(unknownTag.IsError);
        Assert.Equal("No served tool has the tag 'blue'. Tags: even, odd.", Assert.IsType<TextContentBlock>(unknownTag.Content.Single()).Text);
        Assert.True(badLimit.IsError);
        Assert.Contains("Invalid arguments for tool 'search_api_endpoints'", Assert.IsType<TextContentBlock>(badLimit.Content.Single()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_gives_the_tools_exact_schema_and_hints()
    {
        var descriptors = NumberedTool.Many(2);
        await using var server = DynamicToolsServer.Start(descriptors, Index(descriptors), ("VERITY_TOOL_MODE", "dynamic"), ("VERITY_CLIENT_PROFILE", "openai"));
        var client = await server.ConnectAsync("any");

        var described = Json(await client.CallToolAsync(DynamicToolNames.Describe, new Dictionary<string, object?> { ["name"] = "tool_001" }));

        // The exact schema, not the profile's: the server validates against this one.
        Assert.True(JsonElement.DeepEquals(new NumberedTool(descriptors[1]).ProtocolTool.InputSchema, described.GetProperty("inputSchema")));
        Assert.Equal("Work on item tool_001.", described.GetProperty("description").GetString());
        Assert.True(described.GetProperty("annotations").GetProperty("destructiveHint").GetBoolean());
        Assert.Equal(["odd"], described.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
    }

    [Fact]
    public void A_catalog_tool_with_a_dynamic_tools_name_stops_the_server_at_start()
    {
        var descriptors = new[] { NumberedTool.Descriptor("call_api_endpoint") };
        var server = DynamicToolsServer.Start(descriptors, index: null);

        var failure = Assert.Throws<OptionsValidationException>(() => server.Services.GetRequiredService<IOptions<ToolModeOptions>>().Value);
        Assert.Contains("The tool 'call_api_endpoint' has the name of a dynamic tool", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A small index as the generator would write it: each tool's name and "item", all scores alike.</summary>
    private static EndpointSearchIndex Index(Verity.Mcp.Tools.EndpointDescriptor[] descriptors)
    {
        var terms = descriptors.Select(d => d.ToolName.Replace("tool_", string.Empty, StringComparison.Ordinal)).Append("item").Append("tool").Order(StringComparer.Ordinal).ToArray();
        var starts = new List<int>();
        var postings = new List<int>();
        foreach (var term in terms)
        {
            starts.Add(postings.Count);
            for (var d = 0; d < descriptors.Length; d++)
            {
                if (term is "item" or "tool" || descriptors[d].ToolName.EndsWith(term, StringComparison.Ordinal))
                {
                    postings.Add(d);
                    postings.Add(1000);
                }
            }
        }

        starts.Add(postings.Count);
        return new EndpointSearchIndex(descriptors.Select(d => $"Work on item {d.ToolName}.").ToArray(), terms, [.. starts], [.. postings]);
    }

    private static JsonElement Json(CallToolResult result)
    {
        Assert.True(result.IsError != true, Assert.IsType<TextContentBlock>(result.Content.Single()).Text);
        return result.StructuredContent!.Value;
    }
}
