using ModelContextProtocol.Server;
using Verity.Mcp.Tools;

namespace Verity.Common.Server;

/// <summary>Reads what the host shows about a tool from the tool itself (its annotations and catalog descriptor).</summary>
internal static class ToolFacts
{
    public static EndpointDescriptor? Descriptor(McpServerTool tool) =>
        tool is EndpointTool endpointTool ? endpointTool.Endpoint : tool.Metadata.OfType<EndpointDescriptor>().FirstOrDefault();

    public static string? FirstTag(McpServerTool tool) =>
        Descriptor(tool)?.Tags is { Count: > 0 } tags ? tags[0] : null;

    public static bool IsDestructive(McpServerTool tool) =>
        tool.ProtocolTool.Annotations is { ReadOnlyHint: not true, DestructiveHint: true };
}
