namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// What a refresh token stands for. Refresh tokens rotate: each use returns a new one and retires this one; using a
/// retired one again revokes the whole family (every token descended from the same authorization code).
/// </summary>
internal sealed record ClerkOAuthRefreshGrant(
    string ClientId,
    IReadOnlyList<string> Scopes,
    string? Resource,
    string UserId,
    string SessionId,
    string FamilyId)
{
    public bool Retired { get; init; }
}
