using System.Text.Json;

namespace Verity.DevStack.Tests.Api;

public sealed class SampleApiEndpointTests(ApiStackFixture fixture) : IClassFixture<ApiStackFixture>
{
    private readonly ApiStack _stack = fixture.Fresh();

    [Fact]
    public async Task Every_catalog_endpoint_answers_with_its_response_schema()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);

        async Task<JsonElement> CallAsync(string method, string template, string path, string? json, int status, string schema)
        {
            using var response = await _stack.SendAsync(new HttpMethod(method), path, json);
            var body = await ApiStack.ReadJsonAsync(response, status);
            CatalogSchemas.AssertMatches(schema, body);
            covered.Add($"{method} {template}");
            return body;
        }

        var agents = await CallAsync("GET", "/api/agents", "/api/agents", null, 200, "AgentPage");
        Assert.Equal(4, agents.GetProperty("data").GetArrayLength());
        await CallAsync("GET", "/api/agents/{agentId}", "/api/agents/agt_01", null, 200, "Agent");
        var call = await CallAsync("POST", "/api/calls/agents/{agentId}/test", "/api/calls/agents/agt_01/test",
            """{"phoneNumber":"+15550100","contactName":"Sam","context":"Say hello."}""", 201, "Call");
        var callId = call.GetProperty("id").GetString();
        await CallAsync("GET", "/api/calls", "/api/calls", null, 200, "CallPage");
        await CallAsync("GET", "/api/calls/{callId}", $"/api/calls/{callId}", null, 200, "Call");
        await CallAsync("GET", "/api/calls/{callId}/transcript", $"/api/calls/{callId}/transcript", null, 200, "Transcript");
        await CallAsync("GET", "/api/calls/{callId}/transcript", "/api/calls/call_0001/transcript", null, 200, "Transcript");
        await CallAsync("POST", "/api/calls/{callId}/hangup", $"/api/calls/{callId}/hangup", null, 200, "Call");
        await CallAsync("GET", "/api/contacts", "/api/contacts?q=garcia", null, 200, "ContactPage");
        var contact = await CallAsync("POST", "/api/contacts", "/api/contacts",
            """{"name":"Ada Lovelace","phoneNumber":"+15550177","email":"ada@example.com","tags":["vip"]}""", 201, "Contact");
        var contactId = contact.GetProperty("id").GetString();
        await CallAsync("PATCH", "/api/contacts/{contactId}", $"/api/contacts/{contactId}", """{"company":"Analytical Engines"}""", 200, "Contact");
        await CallAsync("DELETE", "/api/contacts/{contactId}", $"/api/contacts/{contactId}", null, 200, "Deleted");
        await CallAsync("GET", "/api/phone-numbers", "/api/phone-numbers", null, 200, "PhoneNumberList");

        var inCatalog = CatalogSchemas.Endpoints().Select(e => $"{e.Method} {e.Path}").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(inCatalog.Order(), covered.Order());
    }

    [Fact]
    public async Task Seed_data_is_deterministic()
    {
        var agent = await _stack.GetJsonAsync("/api/agents/agt_01");
        Assert.Equal("Appointment Reminder", agent.GetProperty("name").GetString());
        Assert.Equal("active", agent.GetProperty("status").GetString());
        Assert.Equal("2026-10-01T09:00:00+00:00", agent.GetProperty("createdAt").GetString());

        var numbers = await _stack.GetJsonAsync("/api/phone-numbers");
        Assert.All(numbers.GetProperty("data").EnumerateArray(), n => Assert.StartsWith("+1555010", n.GetProperty("number").GetString()));

        var calls = await _stack.GetJsonAsync("/api/calls?status=completed");
        Assert.True(calls.GetProperty("data").GetArrayLength() >= 2);
        var transcript = await _stack.GetJsonAsync("/api/calls/call_0001/transcript");
        Assert.Equal("completed", transcript.GetProperty("status").GetString());
        Assert.Equal(5, transcript.GetProperty("turns").GetArrayLength());
    }

    [Fact]
    public async Task Lists_filter_and_page_with_a_cursor()
    {
        var first = await _stack.GetJsonAsync("/api/contacts?limit=4");
        Assert.Equal(4, first.GetProperty("data").GetArrayLength());
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);

        var second = await _stack.GetJsonAsync($"/api/contacts?limit=4&cursor={cursor}");
        Assert.Equal(2, second.GetProperty("data").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var vips = await _stack.GetJsonAsync("/api/contacts?tag=vip&tag=lead");
        Assert.Equal("ct_0004", Assert.Single(vips.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());

        var searched = await _stack.GetJsonAsync("/api/agents?search=survey");
        Assert.Equal("agt_02", Assert.Single(searched.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());

        var byAgent = await _stack.GetJsonAsync("/api/calls?agentId=agt_02&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z");
        Assert.All(byAgent.GetProperty("data").EnumerateArray(), c => Assert.Equal("agt_02", c.GetProperty("agentId").GetString()));
    }

    [Theory]
    [InlineData("/api/agents/agt_99", "not_found")]
    [InlineData("/api/calls/call_9999", "not_found")]
    [InlineData("/api/calls/call_9999/transcript", "not_found")]
    [InlineData("/api/nothing-here", "route_not_found")]
    public async Task Unknown_ids_and_routes_are_404_with_a_json_error(string path, string code)
    {
        using var response = await _stack.GetAsync(path);
        Assert.Equal(code, await ApiStack.ErrorCodeAsync(response, 404));
    }

    [Theory]
    [InlineData("/api/agents?limit=0", "limit")]
    [InlineData("/api/agents?limit=abc", "limit")]
    [InlineData("/api/agents?cursor=bogus", "cursor")]
    [InlineData("/api/calls?status=ringing_maybe", "status")]
    [InlineData("/api/calls?from=yesterday", "from")]
    public async Task Invalid_query_values_are_422_naming_the_field(string path, string field)
    {
        using var response = await _stack.GetAsync(path);
        var body = await ApiStack.ReadJsonAsync(response, 422);
        Assert.Equal("validation_failed", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(body.GetProperty("error").GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task A_test_call_from_a_paused_agent_is_a_conflict()
    {
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/calls/agents/agt_03/test", """{"phoneNumber":"+15550100"}""");
        Assert.Equal("agent_not_active", await ApiStack.ErrorCodeAsync(response, 409));
    }

    [Theory]
    [InlineData("""{"phoneNumber":"555"}""", 422)]
    [InlineData("""{"contactName":"Sam"}""", 422)]
    [InlineData("""{"phoneNumber":"+15550100","extra":1}""", 422)]
    [InlineData("""{"phoneNumber":""", 400)]
    [InlineData("""[1,2]""", 400)]
    public async Task A_bad_test_call_body_is_rejected(string json, int status)
    {
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/calls/agents/agt_01/test", json);
        await ApiStack.ErrorCodeAsync(response, status);
    }
}
