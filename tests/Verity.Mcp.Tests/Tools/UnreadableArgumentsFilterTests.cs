using System.Text.Json.Nodes;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>
/// How the filter finds unreadable text in a <c>tools/call</c>'s parameters as the SDK holds them (a parsed
/// <see cref="JsonNode"/> that the SDK fails to read into its own types).
/// </summary>
public sealed class UnreadableArgumentsFilterTests
{
    [Theory]
    [InlineData("""{"name":"get_agent","arguments":{"agentId":"\ud800"}}""", "get_agent", "agentId:text")]
    [InlineData("""{"name":"create_contact","arguments":{"name":"ok","tags":["a","\udc00"],"meta":{"n":{"x":"\ud83d"}}}}""", "create_contact", "meta.n.x:text tags[1]:text")]
    [InlineData("""{"name":"t","arguments":{"meta":{"\ud800":1}}}""", "t", "meta:text")]
    [InlineData("""{"name":"t","arguments":{"\ud800":1,"ok":2}}""", "t", "arguments:text")]
    [InlineData("""{"name":"t","arguments":{"a":"\u00e9\ud83d\ude00","n":1e400}}""", "t", "n:range")]
    [InlineData("""{"name":"t","arguments":{"a":"fine"}}""", "t", "")]
    public void Finds_every_unreadable_value_by_argument(string parameters, string tool, string expected)
    {
        var (toolName, errors) = UnreadableArgumentsFilter.FindUnreadable(JsonNode.Parse(parameters));

        Assert.Equal(tool, toolName);
        Assert.Equal(expected, string.Join(" ", errors.Select(e => $"{e.Argument}:{e.Rule}").Order(StringComparer.Ordinal)));
    }
}
