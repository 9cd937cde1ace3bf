using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tools;

/// <summary>Turns what the API answered (or how the call failed) into what the assistant sees.</summary>
public interface IToolResultMapper
{
    /// <param name="endpoint">The endpoint that was called.</param>
    /// <param name="response">What the API answered.</param>
    /// <param name="contract">What a success result must be: the tool's output schema and its narrowing arguments.</param>
    CallToolResult FromResponse(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract);

    /// <summary>A failure before or during the call that is not a cancellation: a timeout, a transport error, an auth failure.</summary>
    CallToolResult FromException(EndpointDescriptor endpoint, Exception exception);
}
