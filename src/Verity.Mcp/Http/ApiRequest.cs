using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// A fully bound, validated request to the API. The URI is relative: the base URL comes from configuration only.
/// </summary>
public sealed class ApiRequest
{
    public required EndpointDescriptor Endpoint { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>Path and query, already percent-encoded, starting with '/', e.g. <c>/api/agents/agt_01?limit=5</c>.</summary>
    public required string RelativeUri { get; init; }

    /// <summary>Header values from the catalog's header parameters, already checked for CR/LF.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>UTF-8 JSON body, or null when the request has none.</summary>
    public ReadOnlyMemory<byte>? JsonBody { get; init; }
}
