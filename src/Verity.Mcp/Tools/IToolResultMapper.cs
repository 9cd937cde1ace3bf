using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tools;

/// <summary>Turns what the API answered (or how the call failed) into what the assistant sees.</summary>
public interface IToolResultMapper
{
    CallToolResult FromResponse(EndpointDescriptor endpoint, ApiResponse response);

    /// <summary>A failure before or during the call that is not a cancellation: a timeout, a transport error, an auth failure.</summary>
    CallToolResult FromException(EndpointDescriptor endpoint, Exception exception);
}
