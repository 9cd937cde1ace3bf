using Verity.DevStack.Api.Auth;

namespace Verity.DevStack.Api;

/// <summary>
/// One request as it reached the sample API. The Authorization header is recorded as its scheme only, never
/// the token; the token's subject and session id are recorded when it verified.
/// </summary>
public sealed record RecordedRequest(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    AuthOutcome AuthOutcome,
    string? Subject,
    string? SessionId,
    int StatusCode,
    bool FaultInjected,
    bool Aborted)
{
    /// <summary>The path without the query string.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];
}
