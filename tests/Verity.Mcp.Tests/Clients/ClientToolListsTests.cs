using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

public sealed class ClientToolListsTests
{
    private const string PlainSchema = """{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""";

    [Fact]
    public void The_exact_profile_returns_the_tools_as_given()
    {
        IList<Tool> tools = [ProfileTestTools.Tool("a"), ProfileTestTools.Tool("b")];

        Assert.Same(tools, new ClientToolLists().For(ClientProfile.Exact, tools));
    }

    [Fact]
    public void A_profile_shapes_once_and_later_requests_get_the_same_shaped_tools()
    {
        var lists = new ClientToolLists();
        IList<Tool> tools = [ProfileTestTools.Tool("update_note"), ProfileTestTools.Tool("get_note", PlainSchema)];

        var first = lists.For(ClientProfile.Cursor, tools);
        var second = lists.For(ClientProfile.Cursor, [.. tools]);

        Assert.NotSame(tools[0], first[0]); // nullable email: shaped
        Assert.Same(tools[1], first[1]); // nothing Cursor refuses: the generator's tool as is
        Assert.Same(first[0], second[0]);
        Assert.NotSame(first, second); // each answer gets its own list
        Assert.Contains("anyOf", first[0].InputSchema.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_input_schema_changes()
    {
        var tool = ProfileTestTools.Tool("update_note");
        tool.Title = "Update note";
        tool.Annotations = new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true };

        var shaped = new ClientToolLists().For(ClientProfile.OpenAi, [tool])[0];

        Assert.Equal(tool.OutputSchema!.Value.GetRawText(), shaped.OutputSchema!.Value.GetRawText());
        Assert.Equal((tool.Name, tool.Title, tool.Description), (shaped.Name, shaped.Title, shaped.Description));
        Assert.Same(tool.Annotations, shaped.Annotations);
        Assert.NotEqual(tool.InputSchema.GetRawText(), shaped.InputSchema.GetRawText());
    }

    [Fact]
    public void A_changed_tool_set_is_shaped_anew()
    {
        var lists = new ClientToolLists();
        var before = lists.For(ClientProfile.Gemini, [ProfileTestTools.Tool("update_note")]);

        var after = lists.For(ClientProfile.Gemini, [ProfileTestTools.Tool("update_note"), ProfileTestTools.Tool("other")]);

        Assert.Single(before);
        Assert.Equal(["update_note", "other"], after.Select(tool => tool.Name));
    }

    [Fact]
    public void VS_Code_gets_the_first_128_tools_and_one_warning_naming_the_tool_filters()
    {
        var logger = new FakeLogger<ClientToolLists>();
        var lists = new ClientToolLists(logger);
        IList<Tool> tools = [.. Enumerable.Range(0, 130).Select(i => ProfileTestTools.Tool($"tool_{i:000}", PlainSchema))];

        var listed = lists.For(ClientProfile.VsCode, tools);
        lists.For(ClientProfile.VsCode, tools);

        Assert.Equal(tools.Take(128).Select(tool => tool.Name), listed.Select(tool => tool.Name));
        var warning = Assert.Single(logger.Collector.GetSnapshot(), record => record.Level == LogLevel.Warning);
        Assert.Contains("VERITY_TOOLS", warning.Message, StringComparison.Ordinal);
        Assert.Contains("VERITY_READ_ONLY", warning.Message, StringComparison.Ordinal);
        Assert.Contains("130", warning.Message, StringComparison.Ordinal);
        Assert.Equal(130, new ClientToolLists().For(ClientProfile.Cursor, tools).Count); // the cap is VS Code's only
    }
}
