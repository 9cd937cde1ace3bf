using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>
/// GitHub's 1,186 tools in dynamic mode, used as an assistant would: it describes a task in its own words, searches,
/// takes the right tool from the top of the list, describes it and calls it through <c>call_api_endpoint</c>; the
/// loopback API gets the same request, and the assistant the same result, as from the tool called directly.
/// </summary>
public sealed class GitHubDynamicModeTests(GitHubDynamicServer server) : IClassFixture<GitHubDynamicServer>
{
    /// <summary>Task, the tool that does it, the rank it must reach at least (1 for most), and arguments to call it with.</summary>
    public static TheoryData<string, string, int, string> Tasks => new()
    {
        { "create an issue in a repository", "issues_create", 1, """{ "owner": "octo", "repo": "hello", "title": "Crash on start" }""" },
        { "list pull requests of a repo", "pulls_list", 1, """{ "owner": "octo", "repo": "hello", "state": "open" }""" },
        { "add a comment to an issue", "issues_create-comment", 1, """{ "owner": "octo", "repo": "hello", "issue_number": 7, "body": "Fixed in main." }""" },
        { "add labels to an issue", "issues_add-labels", 1, """{ "owner": "octo", "repo": "hello", "issue_number": 7, "body": { "labels": ["bug"] } }""" },
        { "list issues of a repository", "issues_list-for-repo", 1, """{ "owner": "octo", "repo": "hello", "state": "closed" }""" },
        { "get the contents of a file", "repos_get-content", 1, """{ "owner": "octo", "repo": "hello", "path": "README.md" }""" },
        { "list workflow runs of a repository", "actions_list-workflow-runs-for-repo", 1, """{ "owner": "octo", "repo": "hello", "status": "failure" }""" },
        { "create a release", "repos_create-release", 1, """{ "owner": "octo", "repo": "hello", "tag_name": "v1.0.0" }""" },
        { "merge a pull request", "pulls_merge", 1, """{ "owner": "octo", "repo": "hello", "pull_number": 42, "merge_method": "squash" }""" },
        { "search repositories", "search_repos", 1, """{ "q": "mcp language:csharp" }""" },
        { "get the authenticated user", "users_get-authenticated", 1, "{}" },
        { "list branches of a repository", "repos_list-branches", 1, """{ "owner": "octo", "repo": "hello" }""" },
        { "create a gist", "gists_create", 1, """{ "files": { "hello.txt": { "content": "Hello" } } }""" },
        { "star a repository", "activity_star-repo-for-authenticated-user", 3, """{ "owner": "octo", "repo": "hello" }""" },
        { "fork a repository", "repos_create-fork", 3, """{ "owner": "octo", "repo": "hello" }""" },
    };

    [Fact]
    public async Task Only_the_three_dynamic_tools_are_listed()
    {
        var listed = await server.Client.ListToolsAsync();

        Assert.Equal(DynamicToolNames.All.Order(StringComparer.Ordinal), listed.Select(tool => tool.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task A_task_described_in_words_finds_describes_and_calls_the_right_tool(string task, string tool, int rank, string arguments)
    {
        var found = Structured(await server.Client.CallToolAsync(DynamicToolNames.Search, new Dictionary<string, object?> { ["query"] = task, ["limit"] = 5 }));
        var names = found.GetProperty("tools").EnumerateArray().Select(hit => hit.GetProperty("name").GetString()!).ToList();
        var position = names.IndexOf(tool) + 1;
        Assert.True(position is > 0 && position <= rank, $"'{task}': {tool} is not within the first {rank} of {string.Join(", ", names)}");

        var described = Structured(await server.Client.CallToolAsync(DynamicToolNames.Describe, new Dictionary<string, object?> { ["name"] = tool }));
        var direct = server.Tools[tool];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(direct.ProtocolTool.InputSchema.GetRawText()), JsonNode.Parse(described.GetProperty("inputSchema").GetRawText())));
        using var given = JsonDocument.Parse(arguments);
        var required = described.GetProperty("inputSchema").TryGetProperty("required", out var list) ? list.EnumerateArray().Select(item => item.GetString()!) : [];
        Assert.All(required, name => Assert.True(given.RootElement.TryGetProperty(name, out _), $"{tool} requires {name}"));

        server.Api.Requests.Clear();
        var values = given.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var expected = await direct.InvokeAsync(values, server.Services, CancellationToken.None);
        Assert.True(expected.IsError != true, Text(expected));
        var directRequest = Assert.Single(server.Api.Requests);
        server.Api.Requests.Clear();
        var called = await server.Client.CallToolAsync(DynamicToolNames.Call, new Dictionary<string, object?> { ["name"] = tool, ["arguments"] = given.RootElement });

        Assert.Equal(directRequest, Assert.Single(server.Api.Requests));
        Assert.Equal(expected.IsError ?? false, called.IsError ?? false);
        Assert.Equal(Text(expected), Text(called));
        Assert.True(JsonNode.DeepEquals(Node(expected.StructuredContent), Node(called.StructuredContent)), $"{tool}: the structured results differ");
    }

    private static JsonElement Structured(CallToolResult result)
    {
        Assert.True(result.IsError != true, Text(result));
        return result.StructuredContent!.Value;
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    private static JsonNode? Node(JsonElement? element) => element is { } value ? JsonNode.Parse(value.GetRawText()) : null;
}
