namespace Verity.DevStack.Clerk;

/// <summary>A session of the emulated instance. <see cref="Status"/> is one of <see cref="ClerkSessionStatus"/>.</summary>
public sealed record ClerkSession(
    string Id,
    string UserId,
    string ClientId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastActiveAt,
    DateTimeOffset ExpireAt,
    DateTimeOffset AbandonAt)
{
    /// <summary>The status as Clerk reports it at <paramref name="now"/>: an active session past its expiry is <c>expired</c>.</summary>
    public string StatusAt(DateTimeOffset now) =>
        Status == ClerkSessionStatus.Active && now >= ExpireAt ? ClerkSessionStatus.Expired : Status;
}
