using System.Text.Json;

namespace Verity.Soak;

/// <summary>
/// One tool call the soak makes. <see cref="Marker"/> is a unique string the call puts into a non-idempotent request
/// body, so the recorded API requests tell how many times that call reached the API; <see cref="Hostile"/> calls
/// carry arguments the server must refuse without sending anything.
/// </summary>
internal sealed record SoakCall(string Tool, IReadOnlyDictionary<string, object?> Arguments, string? Marker = null, bool Hostile = false)
{
    public static SoakCall Pick(Random random, int index)
    {
        var marker = $"soak-{index:D6}-{random.Next():x8}";
        return random.Next(100) switch
        {
            < 14 => new("list_agents", new Dictionary<string, object?> { ["limit"] = random.Next(1, 5) }),
            < 24 => new("get_agent", new Dictionary<string, object?> { ["agentId"] = "agt_0" + random.Next(1, 5) }),
            < 36 => new("list_calls", new Dictionary<string, object?> { ["limit"] = random.Next(1, 50) }),
            < 44 => new("get_call", new Dictionary<string, object?> { ["callId"] = "call_000" + random.Next(1, 6) }),
            < 50 => new("get_call_transcript", new Dictionary<string, object?> { ["callId"] = "call_000" + random.Next(1, 4) }),
            < 60 => new("search_contacts", new Dictionary<string, object?> { ["limit"] = random.Next(1, 20) }),
            < 66 => new("get_phone_numbers", new Dictionary<string, object?>()),
            < 80 => new("initiate_test_call", new Dictionary<string, object?>
            {
                ["agentId"] = "agt_01",
                ["phoneNumber"] = "+1555010" + random.Next(0, 10),
                ["context"] = marker,
            }, marker),
            < 88 => new("create_contact", new Dictionary<string, object?>
            {
                ["name"] = marker,
                ["phoneNumber"] = "+1" + (2_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, marker),
            < 93 => new("update_contact", new Dictionary<string, object?> { ["contactId"] = "ct_0001", ["notes"] = marker }),
            _ => PickHostile(random),
        };
    }

    private static SoakCall PickHostile(Random random) => random.Next(6) switch
    {
        0 => new("get_agent", new Dictionary<string, object?> { ["agentId"] = "agt_01/../../admin" }, Hostile: true),
        1 => new("get_agent", new Dictionary<string, object?> { ["agentId"] = "%2e%2e" }, Hostile: true),
        2 => new("get_agent", new Dictionary<string, object?> { ["agentId"] = "..\\admin" }, Hostile: true),
        3 => new("initiate_test_call", new Dictionary<string, object?>
        {
            ["agentId"] = "agt_01",
            ["phoneNumber"] = "+15555550123\n",
        }, Hostile: true),
        4 => new("search_contacts", new Dictionary<string, object?>
        {
            ["tag"] = Enumerable.Range(0, 50_000).Select(i => "t" + i).ToArray(),
        }, Hostile: true),
        _ => new("list_calls", new Dictionary<string, object?> { ["limit"] = JsonDocument.Parse("1e400").RootElement.Clone() }, Hostile: true),
    };
}
