using System.Globalization;
using Verity.DevStack.Api;
using Verity.Mcp.Host.Tests.Infrastructure;
using Verity.Mcp.Http;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// The official MCP TypeScript SDK client (which many clients embed) calls every tool over stdio. Its <c>callTool</c>
/// throws when a tool with an <c>outputSchema</c> answers success without <c>structuredContent</c>, or with
/// <c>structuredContent</c> that does not validate; no answer of the sample API, whole or cut at the smallest
/// response limit, may make it throw.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TypeScriptClientTests(DevStackFixture fixture)
{
    public static TheoryData<string, int> VariantsAndLimits
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var variant in HostVariant.Available)
            {
                data.Add(variant.Name, ApiClientOptions.DefaultMaxResponseBytes);
                data.Add(variant.Name, ApiClientOptions.MinMaxResponseBytes);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(VariantsAndLimits))]
    public async Task Every_tool_call_returns_a_result_the_sdk_client_accepts(string variant, int maxResponseBytes)
    {
        var calls = await PlanAsync(variant);

        var report = await TypeScriptClient.CallToolsAsync(
            HostVariant.Named(variant),
            fixture.ServerEnvironment(("VERITY_MAX_RESPONSE_BYTES", maxResponseBytes.ToString(CultureInfo.InvariantCulture))),
            [.. calls.Select(call => (call.Tool, call.ArgumentsJson))]);

        var catalogTools = CatalogDocument.Endpoints.Select(CatalogDocument.ToolName).Order(StringComparer.Ordinal);
        Assert.Equal(catalogTools, report.Tools.Order(StringComparer.Ordinal));
        Assert.Empty(report.Tools.Except(calls.Select(call => call.Tool)));
        Assert.Equal(calls.Count, report.Calls.Count);
        var problems = calls.Zip(report.Calls, (planned, outcome) => Problem(planned, outcome, maxResponseBytes))
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, $"With {"VERITY_MAX_RESPONSE_BYTES"}={maxResponseBytes}:\n{string.Join("\n", problems)}");
    }

    /// <summary>Null when the outcome is what the call was meant to give, else a line saying what went wrong.</summary>
    private static string? Problem(PlannedCall planned, TypeScriptToolCall outcome, int maxResponseBytes)
    {
        if (outcome.Threw)
        {
            return $"- {planned.Tool} {planned.ArgumentsJson}: callTool threw: {outcome.Error}";
        }

        if (planned.ExpectError)
        {
            return outcome.IsError ? null : $"- {planned.Tool} {planned.ArgumentsJson}: expected an error result, got: {outcome.Text}";
        }

        // Below the default limit an answer may be too large to give whole; saying so (and naming the setting) is the intended error.
        var tooLarge = maxResponseBytes < ApiClientOptions.DefaultMaxResponseBytes
            && outcome.Text.Contains("VERITY_MAX_RESPONSE_BYTES", StringComparison.Ordinal);
        return !outcome.IsError || tooLarge ? null : $"- {planned.Tool} {planned.ArgumentsJson}: unexpected error result: {outcome.Text}";
    }

    /// <summary>
    /// Every tool with arguments the sample API accepts, plus two calls meant to fail (an unknown id, a missing
    /// argument). The contacts to update and delete are made first through the C# client, so no seeded data changes.
    /// </summary>
    private async Task<IReadOnlyList<PlannedCall>> PlanAsync(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        async Task<string> NewContactAsync(string name) =>
            (await client.CallAsync("create_contact", $$"""{"name":"{{name}}","phoneNumber":"{{TestPhoneNumbers.Unique()}}"}""")).Json().GetProperty("id").GetString()!;

        var toUpdate = await NewContactAsync("TS Update");
        var toDelete = await NewContactAsync("TS Delete");
        var phoneNumbers = CatalogDocument.ToolName(CatalogDocument.Endpoints.Single(e => e.GetProperty("path").GetString() == "/api/phone-numbers"));
        return
        [
            new("list_agents", "{}"),
            new("list_agents", """{"limit":1}"""),
            new("get_agent", $$"""{"agentId":"{{SampleApiSeed.ActiveAgentId}}"}"""),
            new("get_agent", """{"agentId":"agt_none"}""", ExpectError: true),
            new("get_agent", "{}", ExpectError: true),
            new("initiate_test_call", $$"""{"agentId":"{{SampleApiSeed.ActiveAgentId}}","phoneNumber":"+15550100","contactName":"TypeScript client"}"""),
            new("list_calls", "{}"),
            new("list_calls", """{"status":"completed","limit":2}"""),
            new("get_call", $$"""{"callId":"{{SampleApiSeed.CompletedCallId}}"}"""),
            new("get_call_transcript", $$"""{"callId":"{{SampleApiSeed.CompletedCallId}}"}"""),
            new("hang_up_call", $$"""{"callId":"{{SampleApiSeed.CompletedCallId}}"}"""),
            new("search_contacts", "{}"),
            new("search_contacts", """{"q":"garcia"}"""),
            new("create_contact", $$"""{"name":"TypeScript Person","phoneNumber":"{{TestPhoneNumbers.Unique()}}","email":"ts@example.com","tags":["e2e"],"Idempotency-Key":"ts-{{Guid.NewGuid():N}}"}"""),
            new("update_contact", $$"""{"contactId":"{{toUpdate}}","company":"Verity","notes":null}"""),
            new("delete_contact", $$"""{"contactId":"{{toDelete}}"}"""),
            new(phoneNumbers, "{}"),
        ];
    }

    private sealed record PlannedCall(string Tool, string ArgumentsJson, bool ExpectError = false);
}
