namespace Verity.DevStack.Clerk;

/// <summary>Clerk's session status values.</summary>
public static class ClerkSessionStatus
{
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Expired = "expired";
    public const string Removed = "removed";
    public const string Replaced = "replaced";
    public const string Revoked = "revoked";
    public const string Abandoned = "abandoned";
    public const string Pending = "pending";

    /// <summary>Every status Clerk accepts as a <c>status</c> filter.</summary>
    public static IReadOnlyList<string> All { get; } = [Active, Ended, Expired, Removed, Replaced, Revoked, Abandoned, Pending];
}
