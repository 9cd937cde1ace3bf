using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools.Dynamic;

/// <summary>An endpoint tool shaped like generated code, for servers with many tools: GET ones read, the others change data.</summary>
internal sealed class NumberedTool(EndpointDescriptor descriptor)
    : EndpointTool(descriptor, new ToolDefinition(
        $"Work on item {descriptor.ToolName}.",
        """{ "type": "object", "properties": { "id": { "type": "string", "minLength": 1 } }, "additionalProperties": false }""",
        null,
        new ToolHints(ReadOnly: descriptor.ReadOnly, Destructive: !descriptor.ReadOnly, Idempotent: descriptor.ReadOnly, OpenWorld: true)))
{
    public static EndpointDescriptor Descriptor(string name, string method = "GET", params string[] tags) =>
        new(name, method, "/items", method == "GET", method == "GET", null, false, tags);

    /// <summary><paramref name="count"/> tools named <c>tool_000</c>…, every other one read-only, tagged <c>even</c> or <c>odd</c>.</summary>
    public static EndpointDescriptor[] Many(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Descriptor($"tool_{i:000}", i % 2 == 0 ? "GET" : "POST", i % 2 == 0 ? "even" : "odd"))
            .ToArray();

    protected override ApiRequest BuildRequest(ToolArguments arguments) => new ApiRequestBuilder(Endpoint).AppendLiteral("/items").Build();
}
