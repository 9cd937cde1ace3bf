using System.Text.Json;
using Verity.DevStack.Api;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>Tool calls over real stdio reach the sample API through the full pipeline (binding, Clerk auth, HTTP, result mapping).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndpointCallTests(DevStackFixture fixture)
{
    private const string TestNumber = "+15550100";

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Every_endpoint_answers_through_the_server(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        var called = new HashSet<string>(StringComparer.Ordinal);

        async Task<JsonElement> Call(string tool, string arguments = "{}")
        {
            called.Add(tool);
            return (await client.CallAsync(tool, arguments)).Json();
        }

        var agents = await Call("list_agents", """{"limit":10}""");
        var agentId = agents.GetProperty("data")[0].GetProperty("id").GetString()!;
        Assert.Equal(agentId, (await Call("get_agent", $$"""{"agentId":"{{agentId}}"}""")).GetProperty("id").GetString());

        var call = await Call("initiate_test_call", $$"""{"agentId":"agt_01","phoneNumber":"{{TestNumber}}","contactName":"Demo"}""");
        var callId = call.GetProperty("id").GetString()!;
        Assert.Equal(TestNumber, call.GetProperty("toNumber").GetString());
        Assert.NotEmpty((await Call("list_calls", """{"agentId":"agt_01"}""")).GetProperty("data").EnumerateArray());
        Assert.Equal(callId, (await Call("get_call", $$"""{"callId":"{{callId}}"}""")).GetProperty("id").GetString());
        Assert.Equal(callId, (await Call("get_call_transcript", $$"""{"callId":"{{callId}}"}""")).GetProperty("callId").GetString());
        await Call("hang_up_call", $$"""{"callId":"{{callId}}"}""");

        await Call("search_contacts", """{"q":"a","tag":["lead"]}""");
        // A fresh idempotency key: the stack is shared, and a reused key would return an earlier (deleted) contact.
        var contact = await Call("create_contact", $$"""{"name":"E2E Person","phoneNumber":"+15550199","tags":["e2e"],"Idempotency-Key":"e2e-{{Guid.NewGuid():N}}"}""");
        var contactId = contact.GetProperty("id").GetString()!;
        var updated = await Call("update_contact", $$"""{"contactId":"{{contactId}}","company":"Verity","notes":null}""");
        Assert.Equal("Verity", updated.GetProperty("company").GetString());
        Assert.True((await Call("delete_contact", $$"""{"contactId":"{{contactId}}"}""")).GetProperty("deleted").GetBoolean());

        await Call(CatalogDocument.ToolName(CatalogDocument.Endpoints.Single(e => e.GetProperty("path").GetString() == "/api/phone-numbers")));

        var all = CatalogDocument.Endpoints.Select(CatalogDocument.ToolName).ToHashSet();
        Assert.Empty(all.Except(called));
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Invalid_arguments_are_an_error_result_and_reach_no_api(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents"); // a token is cached, so only tool traffic could reach the API below
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var badPhone = await client.CallAsync("initiate_test_call", """{"agentId":"agt_01","phoneNumber":"12345"}""");
        var missing = await client.CallAsync("get_agent", "{}");
        var tooLarge = await client.CallAsync("list_agents", """{"limit":1000}""");
        var unknown = await client.CallAsync("create_contact", """{"name":"X","phoneNumber":"+15550199","nickname":"x"}""");

        foreach (var (result, argument) in new[] { (badPhone, "phoneNumber"), (missing, "agentId"), (tooLarge, "limit"), (unknown, "nickname") })
        {
            Assert.True(result.IsError, $"Expected an error result for '{argument}', got: {result.Text()}");
            Assert.Contains(argument, result.Text(), StringComparison.Ordinal);
        }

        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Optional_arguments_sent_as_null_or_empty_are_not_given_and_bad_values_are_still_refused(string variant)
    {
        // What strict-mode clients (null for every optional argument) and Cursor ("" for one left unset) send.
        var client = (await fixture.SessionAsync(variant)).Client;
        var contact = (await client.CallAsync("create_contact",
            $$"""{"name":"Unset Person","phoneNumber":"{{TestPhoneNumbers.Unique()}}","email":"unset@example.com","company":"Acme","notes":null,"tags":null,"Idempotency-Key":""}""")).Json();
        var contactId = contact.GetProperty("id").GetString()!;

        var updated = (await client.CallAsync("update_contact",
            $$"""{"contactId":"{{contactId}}","name":"","phoneNumber":null,"tags":null,"email":null,"notes":""}""")).Json();
        var calls = (await client.CallAsync("list_calls", """{"status":"","from":"","to":null,"limit":null,"cursor":null,"agentId":"agt_01"}""")).Json();
        var before = fixture.Stack.Api.Requests.Requests.Count;
        var refused = await client.CallAsync("list_calls", """{"status":"ringing-ish","limit":null,"from":"yesterday"}""");
        var after = fixture.Stack.Api.Requests.Requests.Count;
        await client.CallAsync("delete_contact", $$"""{"contactId":"{{contactId}}"}""");

        Assert.Equal("Unset Person", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("email").ValueKind); // a null the catalog allows clears the field
        Assert.Equal("Acme", updated.GetProperty("company").GetString());
        Assert.Equal("", updated.GetProperty("notes").GetString()); // "" is a valid note, so it is sent
        Assert.All(calls.GetProperty("data").EnumerateArray(), call => Assert.Equal("agt_01", call.GetProperty("agentId").GetString()));
        Assert.True(refused.IsError, refused.Text());
        Assert.Contains("- from (format)", refused.Text(), StringComparison.Ordinal);
        Assert.Contains("- status (enum)", refused.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("limit", refused.Text(), StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_post_that_got_a_503_is_sent_once(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents");
        const string path = "/api/calls/agents/agt_02/test";
        fixture.Stack.Api.Faults.Add(ApiFault.Status("POST", path, 503, count: 5));
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var result = await client.CallAsync("initiate_test_call", $$"""{"agentId":"agt_02","phoneNumber":"{{TestNumber}}"}""");

        fixture.Stack.Api.Faults.Clear();
        Assert.True(result.IsError, result.Text());
        Assert.Contains("503", result.Text(), StringComparison.Ordinal);
        Assert.Single(fixture.Stack.Api.Requests.Requests.Skip(before), request => request.Path == path);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_get_that_got_a_503_is_retried_and_succeeds(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        await client.CallAsync("list_agents");
        fixture.Stack.Api.Faults.Add(ApiFault.Status("GET", "/api/phone-numbers", 503, count: 1));
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var result = await client.CallAsync(CatalogDocument.ToolName(CatalogDocument.Endpoints.Single(e => e.GetProperty("path").GetString() == "/api/phone-numbers")));

        Assert.NotEmpty(result.Json().GetProperty("data").EnumerateArray());
        Assert.Equal(2, fixture.Stack.Api.Requests.Requests.Skip(before).Count(request => request.Path == "/api/phone-numbers"));
    }
}
