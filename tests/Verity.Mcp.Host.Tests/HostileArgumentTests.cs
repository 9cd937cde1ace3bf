using System.Text.Json;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// Hostile arguments over real stdio against the dev stack: each is a tool error that names the argument, the API
/// records no request, and nothing becomes a protocol error.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HostileArgumentTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Path_traversal_values_never_reach_the_api(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents"); // a token is cached, so only tool traffic could reach the API below
        var before = fixture.Stack.Api.Requests.Requests.Count;

        foreach (var agentId in new[] { "..\\admin", "%2e%2e", "agt_01/../../admin", ".%2E", "%2E." })
        {
            var result = await client.CallAsync("get_agent", JsonSerializer.Serialize(new Dictionary<string, string> { ["agentId"] = agentId }));

            Assert.True(result.IsError, $"'{agentId}' was accepted: {result.Text()}");
            Assert.Contains("- agentId (path): must not", result.Text(), StringComparison.Ordinal);
        }

        var call = await client.CallAsync("initiate_test_call", """{"agentId":"..\\admin","phoneNumber":"+15550100"}""");
        Assert.True(call.IsError, call.Text());
        Assert.Contains("- agentId (path): must not contain '/' or '\\'", call.Text(), StringComparison.Ordinal);

        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_phone_number_with_a_trailing_newline_places_no_call(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents");
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var result = await client.CallAsync("initiate_test_call", """{"agentId":"agt_01","phoneNumber":"+15555550123\n"}""");

        Assert.True(result.IsError, result.Text());
        Assert.Contains("- phoneNumber (pattern): must match the pattern ^\\+[1-9][0-9]{7,14}$.", result.Text(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Oversized_and_out_of_range_arguments_are_refused_by_name(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents");
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var tags = JsonSerializer.Serialize(Enumerable.Range(0, 50_000).Select(i => $"tag-{i:00000}"));
        var huge = await client.CallAsync("search_contacts", $$"""{"tag":{{tags}}}""");
        var range = await client.CallAsync("list_calls", """{"limit":1e400}""");
        var megabytes = await client.CallAsync("create_contact", $$"""{"name":"X","phoneNumber":"+15550199","notes":"{{new string('n', 2 * 1024 * 1024)}}"}""");

        Assert.True(huge.IsError, huge.Text());
        Assert.Contains("(1 problem)", huge.Text(), StringComparison.Ordinal);
        Assert.Contains("- tag (maxItems): must have at most 10 items, not 50000.", huge.Text(), StringComparison.Ordinal);
        Assert.True(range.IsError, range.Text());
        Assert.Contains("- limit (range): is 1e400, outside the range of a 64-bit floating-point number", range.Text(), StringComparison.Ordinal);
        Assert.True(megabytes.IsError, megabytes.Text());
        Assert.Contains("- arguments (size): the arguments are 2,097,", megabytes.Text(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_lone_surrogate_is_an_argument_error_not_a_protocol_error(string variant)
    {
        await using var session = await RawStdioSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment());
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var value = await session.CallToolAsync("get_agent", """{"agentId":"\ud800"}""");
        var nested = await session.CallToolAsync("create_contact", """{"name":"X","phoneNumber":"+15550199","tags":["ok","\udc00"]}""");
        var name = await session.CallToolAsync("list_agents", """{"\ud800":1}""");

        foreach (var (answer, expected) in new[]
        {
            (value, "- agentId (text): is not valid Unicode text"),
            (nested, "- tags[1] (text): is not valid Unicode text"),
            (name, "- arguments (text): have a name that is not valid Unicode text"),
        })
        {
            Assert.False(answer.TryGetProperty("error", out _), answer.GetRawText());
            var result = answer.GetProperty("result");
            Assert.True(result.GetProperty("isError").GetBoolean(), result.GetRawText());
            Assert.Contains(expected, result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }
}
