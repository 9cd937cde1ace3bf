namespace Verity.DevStack.Clerk.OAuth;

/// <summary>What an authorization code stands for, remembered from <c>/oauth/authorize</c> until it is exchanged.</summary>
/// <param name="RedirectUriGiven">Whether the request named <c>redirect_uri</c> (then the token request must repeat it).</param>
/// <param name="Resource">The RFC 8707 <c>resource</c>, the tokens' audience; null when the client named none.</param>
internal sealed record ClerkOAuthCodeGrant(
    string ClientId,
    string RedirectUri,
    bool RedirectUriGiven,
    string CodeChallenge,
    IReadOnlyList<string> Scopes,
    string? Resource,
    string UserId,
    string SessionId,
    DateTimeOffset ExpiresAt,
    string FamilyId)
{
    public bool Used { get; init; }
}
