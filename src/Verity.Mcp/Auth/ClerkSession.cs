namespace Verity.Mcp.Auth;

/// <summary>The part of Clerk's session object that session selection needs.</summary>
public sealed class ClerkSession
{
    public const string ActiveStatus = "active";

    public required string Id { get; init; }

    public string? UserId { get; init; }

    public string? ClientId { get; init; }

    /// <summary><c>active</c>, <c>ended</c>, <c>expired</c>, <c>removed</c>, <c>replaced</c>, <c>revoked</c>, <c>abandoned</c> or <c>pending</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long LastActiveAt { get; init; }

    public long ExpireAt { get; init; }

    public long CreatedAt { get; init; }

    public bool IsActive => string.Equals(Status, ActiveStatus, StringComparison.Ordinal);
}
