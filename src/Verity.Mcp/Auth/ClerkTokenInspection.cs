namespace Verity.Mcp.Auth;

/// <summary>What <c>doctor</c> shows about a freshly minted token; deliberately without the token text.</summary>
/// <param name="UserId">The selected user (from selection, or the token's <c>sub</c> when a session was pinned).</param>
/// <param name="Email">The user's primary e-mail address, when Clerk has one.</param>
/// <param name="SessionId">The selected session.</param>
/// <param name="Source">Which setting chose the session.</param>
/// <param name="Subject">The token's <c>sub</c> claim.</param>
/// <param name="TokenSessionId">The token's <c>sid</c> claim.</param>
/// <param name="IssuedAt">The token's <c>iat</c> claim.</param>
/// <param name="ExpiresAt">The token's <c>exp</c> claim.</param>
/// <param name="Fingerprint">The first 8 hex digits of the token's SHA-256, as in the logs.</param>
public sealed record ClerkTokenInspection(
    string? UserId,
    string? Email,
    string SessionId,
    ClerkSubjectSource Source,
    string? Subject,
    string TokenSessionId,
    DateTimeOffset? IssuedAt,
    DateTimeOffset ExpiresAt,
    string Fingerprint);
