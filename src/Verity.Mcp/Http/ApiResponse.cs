namespace Verity.Mcp.Http;

/// <summary>
/// The API's answer as the tool result mapper needs it: the status, the content type and the body,
/// read up to the configured size limit.
/// </summary>
public sealed record ApiResponse
{
    public required int StatusCode { get; init; }

    public string? ReasonPhrase { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The body bytes read, at most the configured maximum.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body's full length when known (Content-Length or bytes seen), so a cut can be reported.</summary>
    public long? TotalLength { get; init; }

    /// <summary>True when <see cref="Body"/> holds only the first part of the body.</summary>
    public bool Truncated { get; init; }

    /// <summary>True when a 401 stands for a fresh token too: the auth handler refreshed and resent, or backs off after a fresh token was refused.</summary>
    public bool AuthRetried { get; init; }

    /// <summary>How long the API asked the caller to wait (its <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
