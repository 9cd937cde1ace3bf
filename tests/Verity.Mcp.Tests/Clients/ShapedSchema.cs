using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Mcp.Clients;
using Verity.Mcp.Clients.Schemas;

namespace Verity.Mcp.Tests.Clients;

/// <summary>Shapes a schema written in a test and compares it with the expected JSON, ignoring whitespace.</summary>
internal static class ShapedSchema
{
    public static JsonNode Of(ClientProfile profile, string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return JsonNode.Parse(InputSchemaShaper.Shape(profile, document.RootElement).GetRawText())!;
    }

    public static void AssertShape(ClientProfile profile, string schema, string expected)
    {
        var actual = Of(profile, schema);
        var wanted = JsonNode.Parse(expected)!;
        Assert.True(JsonNode.DeepEquals(wanted, actual), $"Expected:\n{wanted.ToJsonString()}\nActual:\n{actual.ToJsonString()}");
    }

    public static void AssertUnchanged(ClientProfile profile, string schema)
    {
        using var document = JsonDocument.Parse(schema);
        Assert.False(InputSchemaShaper.TryShape(profile, document.RootElement, out _), $"{profile} changed a schema it should leave alone.");
    }
}
