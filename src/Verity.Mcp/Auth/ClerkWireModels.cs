namespace Verity.Mcp.Auth;

// Shapes that only exist on the wire; the client turns them into the public models or exceptions.

/// <summary><c>{"data":[…],"total_count":N}</c>, the paginated form of a session list.</summary>
internal sealed class ClerkSessionPage
{
    public List<ClerkSession> Data { get; init; } = [];

    public long TotalCount { get; init; }
}

/// <summary><c>{"object":"token","jwt":"…"}</c>.</summary>
internal sealed class ClerkTokenResponse
{
    public string? Jwt { get; init; }
}

/// <summary><c>{"errors":[…],"clerk_trace_id":"…"}</c>, Clerk's error body for every status.</summary>
internal sealed class ClerkErrorBody
{
    public List<ClerkErrorDetail> Errors { get; init; } = [];

    public string? ClerkTraceId { get; init; }
}

internal sealed class ClerkErrorDetail
{
    public string? Message { get; init; }

    public string? LongMessage { get; init; }

    public string? Code { get; init; }
}

internal sealed class CreateSessionTokenBody
{
    public int? ExpiresInSeconds { get; init; }
}

internal sealed class CreateSessionBody
{
    public required string UserId { get; init; }
}
