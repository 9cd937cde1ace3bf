namespace Verity.DevStack.Clerk.OAuth;

/// <summary>A token endpoint answer: the tokens, or the OAuth error.</summary>
internal readonly record struct ClerkOAuthOutcome(ClerkOAuthTokenResponseJson? Tokens, ClerkOAuthError? Error)
{
    public static implicit operator ClerkOAuthOutcome(ClerkOAuthTokenResponseJson tokens) => new(tokens, null);

    public static implicit operator ClerkOAuthOutcome(ClerkOAuthError error) => new(null, error);
}
