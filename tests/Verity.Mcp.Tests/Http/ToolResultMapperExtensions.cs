using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests;

/// <summary>
/// For tests about what the mapper does apart from output schemas (failures, redaction, encodings): an endpoint
/// that has an output schema gets one that accepts any object, one without gets none.
/// </summary>
internal static class ToolResultMapperExtensions
{
    public static ToolResultContract AnyObject { get; } = new(JsonElement.Parse("""{"type":"object"}"""), wrapsResult: false, NarrowingArguments.None);

    public static CallToolResult FromResponse(this IToolResultMapper mapper, EndpointDescriptor endpoint, ApiResponse response) =>
        mapper.FromResponse(endpoint, response, endpoint.HasOutputSchema ? AnyObject : ToolResultContract.None);
}
