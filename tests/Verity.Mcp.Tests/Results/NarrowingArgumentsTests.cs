using System.Text.Json;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Results;

public sealed class NarrowingArgumentsTests
{
    [Fact]
    public void A_list_tool_names_its_page_size_its_cursor_and_its_filters()
    {
        var narrowing = NarrowingArguments.From(ResultSchemas.Parse(ResultSchemas.ListCallsInput), readOnly: true, [], []);

        Assert.Equal(["limit"], narrowing.Size);
        Assert.Equal(["cursor"], narrowing.Position);
        Assert.Equal(["status", "agentId", "from", "to"], narrowing.Filters);
        Assert.Equal("a smaller `limit` (3 items fit), paging with `cursor` or narrower filters (`status`, `agentId`, `from` or `to`)", narrowing.Describe(3));
        Assert.Equal("a smaller `limit`, paging with `cursor` or narrower filters (`status`, `agentId`, `from` or `to`)", narrowing.Describe());
    }

    [Fact]
    public void Required_path_and_header_arguments_never_narrow_and_a_write_has_no_filters()
    {
        var input = JsonElement.Parse("""
            { "type": "object", "required": ["q"], "properties": {
              "callId": { "type": "string" }, "q": { "type": "string" }, "X-Trace": { "type": "string" },
              "page_size": { "type": "integer" }, "name": { "type": "string" } } }
            """);

        var read = NarrowingArguments.From(input, readOnly: true, ["callId"], ["X-Trace"]);
        Assert.Equal(["page_size"], read.Size);
        Assert.Equal(["name"], read.Filters);

        var write = NarrowingArguments.From(input, readOnly: false, ["callId"], ["X-Trace"]);
        Assert.Equal(["page_size"], write.Size);
        Assert.Empty(write.Filters);
    }

    [Fact]
    public void A_tool_without_such_arguments_has_nothing_to_say()
    {
        var narrowing = NarrowingArguments.From(JsonElement.Parse("""{ "type": "object", "properties": { "callId": { "type": "string" } } }"""), readOnly: true, ["callId"], []);

        Assert.True(narrowing.IsEmpty);
        Assert.Null(narrowing.Describe(2));
    }
}
