using System.Text.Json;
using Json.Schema;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// What a strict client (the TypeScript SDK's callTool) checks, over real stdio against the sample API: every
/// success result of a tool with an outputSchema carries structuredContent that validates against it (checked
/// with an independent JSON Schema 2020-12 validator, format asserted), at the default and the smallest
/// VERITY_MAX_RESPONSE_BYTES, where list answers are cut and keep their whole leading items.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StructuredResultTests(DevStackFixture fixture)
{
    private static readonly EvaluationOptions StrictFormats = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Every_success_result_validates_against_the_declared_output_schema_whole_and_cut(string variant)
    {
        await using var smallest = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_MAX_RESPONSE_BYTES", "1024")));
        var whole = await fixture.SessionAsync(variant);
        var schemas = (await smallest.Client.ListToolsAsync()).ToDictionary(t => t.ProtocolTool.Name, t => t.ProtocolTool.OutputSchema);
        var cutLists = 0;

        foreach (var session in new[] { whole, smallest })
        {
            async Task<CallToolResult> Call(string tool, string arguments = "{}")
            {
                var result = await session.Client.CallAsync(tool, arguments);
                if (result.IsError != true && schemas[tool] is { } schema)
                {
                    Assert.True(result.StructuredContent is not null, $"{tool}: success without structuredContent: {result.Text()}");
                    var evaluation = JsonSchema.Build(schema).Evaluate(result.StructuredContent.Value, StrictFormats);
                    Assert.True(evaluation.IsValid, $"{tool}: structuredContent does not validate: {Problems(evaluation)}\n{result.StructuredContent.Value.GetRawText()}");
                }

                return result;
            }

            for (var i = 0; i < 6; i++)
            {
                await Call("initiate_test_call", """{"agentId":"agt_01","phoneNumber":"+15550100","contactName":"Zoë +1 <ops>"}""");
            }

            var calls = await Call("list_calls", """{"agentId":"agt_01","limit":50}""");
            Assert.NotEqual(true, calls.IsError);
            if (calls.Content.Count == 2)
            {
                cutLists++;
                Assert.Contains("VERITY_MAX_RESPONSE_BYTES", calls.Content.OfType<TextContentBlock>().Last().Text, StringComparison.Ordinal);
            }

            var callId = calls.StructuredContent!.Value.GetProperty("data")[0].GetProperty("id").GetString()!;
            Assert.Contains("\"toNumber\":\"+15550100\"", calls.Content.OfType<TextContentBlock>().First().Text, StringComparison.Ordinal);
            await Call("get_call", $$"""{"callId":"{{callId}}"}""");
            await Call("get_call_transcript", $$"""{"callId":"{{callId}}"}""");
            await Call("hang_up_call", $$"""{"callId":"{{callId}}"}""");
            await Call("list_agents", """{"limit":100}""");
            await Call("get_agent", """{"agentId":"agt_01"}""");
            await Call("search_contacts", "{}");
            var contact = await Call("create_contact", $$"""{"name":"Structured Person","phoneNumber":"{{TestPhoneNumbers.Unique()}}","Idempotency-Key":"st-{{Guid.NewGuid():N}}"}""");
            var contactId = contact.StructuredContent!.Value.GetProperty("id").GetString()!;
            await Call("update_contact", $$"""{"contactId":"{{contactId}}","email":null}""");
            await Call("delete_contact", $$"""{"contactId":"{{contactId}}"}""");
            await Call("get_phone_numbers");
        }

        Assert.Equal(1, cutLists);
    }

    private static string Problems(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Prepend(results)
            .SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
}
