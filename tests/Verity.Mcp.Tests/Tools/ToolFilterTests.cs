using Microsoft.Extensions.Configuration;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

public sealed class ToolFilterTests
{
    private static readonly EndpointDescriptor ListAgents = new("list_agents", "GET", "/api/agents", true, true, null, true, ["agents"]);
    private static readonly EndpointDescriptor CreateContact = new("create_contact", "POST", "/api/contacts", false, false, null, true, ["contacts"]);
    private static readonly EndpointDescriptor Transcript = new("get_call_transcript", "GET", "/api/calls/{id}/transcript", true, true, null, true, ["calls", "transcripts"]);
    private static readonly EndpointDescriptor[] All = [ListAgents, CreateContact, Transcript];

    private static ToolFilterOptions Options(string? tools, string? readOnly = null) =>
        ToolFilterOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["VERITY_TOOLS"] = tools, ["VERITY_READ_ONLY"] = readOnly })
            .Build());

    private static string[] Selected(ToolFilterOptions options) =>
        All.Where(e => ToolFilter.Includes(options, e)).Select(e => e.ToolName).ToArray();

    [Fact]
    public void Empty_filter_selects_every_tool() =>
        Assert.Equal(["list_agents", "create_contact", "get_call_transcript"], Selected(Options(null)));

    [Fact]
    public void Names_and_tags_select_tools() =>
        Assert.Equal(["create_contact", "get_call_transcript"], Selected(Options(" create_contact , tag:Transcripts ")));

    [Fact]
    public void Read_only_keeps_only_read_only_tools() =>
        Assert.Equal(["list_agents", "get_call_transcript"], Selected(Options(null, "true")));

    [Fact]
    public void Read_only_and_names_combine() =>
        Assert.Equal(["list_agents"], Selected(Options("list_agents,create_contact", "1")));

    [Fact]
    public void Unknown_entries_are_named_in_one_line()
    {
        var result = new ToolFilterOptionsValidator([new EndpointToolSet("Verity", All)]).Validate(null, Options("list_agent,tag:agents,tag:nope"));

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith("VERITY_TOOLS names 'list_agent', 'tag:nope'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_read_only_value_is_named()
    {
        var result = new ToolFilterOptionsValidator([new EndpointToolSet("Verity", All)]).Validate(null, Options(null, "maybe"));

        Assert.Equal("VERITY_READ_ONLY is 'maybe'; set it to true or false.", Assert.Single(result.Failures!));
    }
}
