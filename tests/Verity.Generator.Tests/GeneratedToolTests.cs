using System.Text;
using System.Text.Json;
using Verity.Mcp.Host.Tools;
using Verity.Mcp.Tools;

namespace Verity.Generator.Tests;

/// <summary>
/// The Verity catalog's tools as this project compiles them (the generator runs as an analyzer here): binding,
/// validation and request building, including path-traversal attempts.
/// </summary>
public sealed class GeneratedToolTests
{
    private static Dictionary<string, JsonElement> Args(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static ToolArgumentException Invalid(EndpointTool tool, string json) =>
        Assert.Throws<ToolArgumentException>(() => tool.CreateRequest(Args(json)));

    [Theory]
    [InlineData("?x=1", "/api/agents/%3Fx%3D1")]
    [InlineData("#frag", "/api/agents/%23frag")]
    [InlineData("agt 01", "/api/agents/agt%2001")]
    [InlineData("ünï", "/api/agents/%C3%BCn%C3%AF")]
    public void Path_values_stay_one_segment(string agentId, string expected)
    {
        var request = new VerityAgentsTools.GetAgentTool().CreateRequest(Args(JsonSerializer.Serialize(new Dictionary<string, string> { ["agentId"] = agentId })));

        Assert.Equal(expected, request.RelativeUri);
        var resolved = new Uri(new Uri("https://api.verity.example/"), request.RelativeUri);
        Assert.Equal(3, resolved.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("/api/agents/", resolved.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(resolved.Query);
        Assert.Empty(resolved.Fragment);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("%2e%2e")]
    [InlineData(".%2E")]
    [InlineData("../admin")]
    [InlineData("..\\admin")]
    [InlineData("agt_01/../../admin")]
    [InlineData("a%2Fb")]
    public void Traversal_values_are_refused(string agentId)
    {
        var error = Assert.Single(Invalid(new VerityAgentsTools.GetAgentTool(), JsonSerializer.Serialize(new Dictionary<string, string> { ["agentId"] = agentId })).Errors);
        Assert.Equal(("agentId", "path"), (error.Argument, error.Rule));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_by_argument_and_rule()
    {
        var errors = Invalid(new VerityCallsTools.InitiateTestCallTool(),
            """{ "phoneNumber": "555-0100", "contactName": 42, "context": "x", "surprise": true }""").Errors;

        Assert.Equal(
            [("agentId", "required"), ("contactName", "type"), ("phoneNumber", "pattern"), ("surprise", "additionalProperties")],
            errors.Select(e => (e.Argument, e.Rule)).Order().ToList());
    }

    [Fact]
    public void Invalid_arguments_become_a_tool_error_that_names_them()
    {
        var tool = new VerityCallsTools.ListCallsTool();
        var result = tool.InvalidArguments(tool.ValidateArguments(Args("""{ "status": "bogus", "limit": 0, "from": "yesterday" }""")));

        Assert.True(result.IsError);
        var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("3 problems", text, StringComparison.Ordinal);
        Assert.Contains("status (enum)", text, StringComparison.Ordinal);
        Assert.Contains("limit (minimum)", text, StringComparison.Ordinal);
        Assert.Contains("from (format)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_values_are_encoded_and_arrays_repeat_the_key()
    {
        var request = new VerityContactsTools.SearchContactsTool().CreateRequest(Args("""{ "q": "a&b=c d", "tag": ["vip", "x/y"], "limit": 5 }"""));

        Assert.Equal("/api/contacts?q=a%26b%3Dc%20d&tag=vip&tag=x%2Fy&limit=5", request.RelativeUri);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.JsonBody);
    }

    [Fact]
    public void Enums_and_instants_are_written_as_the_api_expects()
    {
        var request = new VerityCallsTools.ListCallsTool().CreateRequest(Args("""{ "status": "in_progress", "from": "2026-11-01T10:00:00+01:00" }"""));

        Assert.Equal("/api/calls?status=in_progress&from=2026-11-01T09%3A00%3A00Z", request.RelativeUri);
    }

    [Fact]
    public void Header_values_with_line_breaks_are_refused()
    {
        var errors = Invalid(new VerityContactsTools.CreateContactTool(),
            """{ "name": "Ada", "phoneNumber": "+15550123", "Idempotency-Key": "abcdefgh\r\nX-Evil: 1" }""").Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("Idempotency-Key", "header"), (error.Argument, error.Rule));
    }

    [Fact]
    public void Body_uses_the_catalog_property_names_and_headers_are_passed()
    {
        var request = new VerityContactsTools.CreateContactTool().CreateRequest(Args(
            """{ "name": "Ada", "phoneNumber": "+15550123", "tags": ["vip"], "Idempotency-Key": "key-00001" }"""));

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/contacts", request.RelativeUri);
        Assert.Equal([new KeyValuePair<string, string>("Idempotency-Key", "key-00001")], request.Headers);
        Assert.Equal("""{"name":"Ada","phoneNumber":"\u002B15550123","tags":["vip"]}""", Encoding.UTF8.GetString(request.JsonBody!.Value.Span));
    }

    [Fact]
    public void Patch_body_keeps_null_apart_from_absent()
    {
        var request = new VerityContactsTools.UpdateContactTool().CreateRequest(Args("""{ "contactId": "ct_0001", "email": null, "notes": "met at expo" }"""));

        Assert.Equal("/api/contacts/ct_0001", request.RelativeUri);
        Assert.Equal("""{"email":null,"notes":"met at expo"}""", Encoding.UTF8.GetString(request.JsonBody!.Value.Span));
    }

    [Fact]
    public void Unset_optional_arguments_as_clients_send_them_are_left_out()
    {
        // Cursor sends "" for an optional argument left unset, strict-mode clients null; a null the schema allows still clears.
        var list = new VerityCallsTools.ListCallsTool().CreateRequest(Args("""{ "status": "", "from": "", "to": null, "limit": null, "agentId": "agt_01" }"""));
        var update = new VerityContactsTools.UpdateContactTool().CreateRequest(Args(
            """{ "contactId": "ct_0001", "name": "", "phoneNumber": null, "tags": null, "email": null, "company": "" }"""));

        Assert.Equal("/api/calls?agentId=agt_01", list.RelativeUri);
        Assert.Equal("""{"email":null,"company":""}""", Encoding.UTF8.GetString(update.JsonBody!.Value.Span));
    }

    [Fact]
    public void Tool_definitions_carry_schema_annotations_and_descriptor()
    {
        var tools = VerityTools.CreateTools().Cast<EndpointTool>().ToDictionary(t => t.ProtocolTool.Name);

        Assert.Equal(12, tools.Count);
        var call = tools["initiate_test_call"].ProtocolTool;
        Assert.False(call.Annotations!.ReadOnlyHint);
        Assert.False(call.Annotations.DestructiveHint);
        Assert.False(call.Annotations.IdempotentHint);
        Assert.True(call.Annotations.OpenWorldHint);
        Assert.StartsWith("Start a test phone call", call.Description, StringComparison.Ordinal);
        Assert.Equal("^\\+[1-9][0-9]{7,14}$", call.InputSchema.GetProperty("properties").GetProperty("phoneNumber").GetProperty("pattern").GetString());
        Assert.Equal(TimeSpan.FromSeconds(60), tools["initiate_test_call"].Endpoint.Timeout);

        Assert.True(tools["delete_contact"].ProtocolTool.Annotations!.DestructiveHint);
        Assert.True(tools["hang_up_call"].ProtocolTool.Annotations!.DestructiveHint);
        Assert.True(tools["list_agents"].ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.Equal("object", tools["get_call"].ProtocolTool.OutputSchema!.Value.GetProperty("type").GetString());
        Assert.True(tools["get_call"].ProtocolTool.OutputSchema!.Value.GetProperty("$defs").TryGetProperty("CallStatus", out _));
        Assert.Contains("get_phone_numbers", tools.Keys);
    }

    [Fact]
    public void Typed_client_builds_the_same_request_as_the_tool()
    {
        var typed = VerityApi.CreateListCallsRequest(status: CallStatus.NoAnswer, limit: 10);
        var fromTool = new VerityCallsTools.ListCallsTool().CreateRequest(Args("""{ "status": "no_answer", "limit": 10 }"""));

        Assert.Equal(fromTool.RelativeUri, typed.RelativeUri);
        Assert.Equal("/api/calls?status=no_answer&limit=10", typed.RelativeUri);
    }

    [Fact]
    public void Typed_patch_body_sends_null_only_for_fields_set_to_null()
    {
        var request = VerityApi.CreateUpdateContactRequest("ct_0001", new UpdateContactBody { Name = "Ada", Email = null });

        Assert.Equal("""{"name":"Ada","email":null}""", Encoding.UTF8.GetString(request.JsonBody!.Value.Span));
        Assert.Equal("PATCH", request.Method.Method);
    }

    [Fact]
    public void Json_context_serializes_generated_types_without_reflection()
    {
        var body = new InitiateTestCallBody { PhoneNumber = "+15550100", Context = "demo" };
        var json = JsonSerializer.Serialize(body, VerityJsonContext.Default.InitiateTestCallBody);
        Assert.Equal("""{"phoneNumber":"\u002B15550100","context":"demo"}""", json);

        var back = JsonSerializer.Deserialize(json, VerityJsonContext.Default.InitiateTestCallBody);
        Assert.Equal(body, back);
        Assert.Equal("\"in_progress\"", JsonSerializer.Serialize(CallStatus.InProgress, VerityJsonContext.Default.CallStatus));
    }
}
