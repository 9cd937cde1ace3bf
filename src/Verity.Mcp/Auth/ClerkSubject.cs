namespace Verity.Mcp.Auth;

/// <summary>The user and session the server acts through.</summary>
/// <param name="SessionId">The session whose tokens are minted.</param>
/// <param name="UserId">The user, or null when the session was pinned and the user not looked up.</param>
/// <param name="Email">The user's primary e-mail address, when known.</param>
/// <param name="Source">Which setting chose the session.</param>
public sealed record ClerkSubject(string SessionId, string? UserId, string? Email, ClerkSubjectSource Source);
