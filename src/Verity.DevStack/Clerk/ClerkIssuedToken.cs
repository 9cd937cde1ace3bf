namespace Verity.DevStack.Clerk;

/// <summary>What the emulator knows about a token it minted (never the token text).</summary>
/// <param name="TokenId">The <c>jti</c> claim.</param>
/// <param name="SessionId">The session the token was minted for (the <c>sid</c> claim of session tokens).</param>
/// <param name="UserId">The <c>sub</c> claim.</param>
/// <param name="KeyId">The <c>kid</c> of the key that signed it.</param>
/// <param name="IssuedAt">The <c>iat</c> claim.</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
/// <param name="Template">The JWT template name, or null for a plain session token.</param>
public sealed record ClerkIssuedToken(
    string TokenId,
    string SessionId,
    string UserId,
    string KeyId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string? Template);
