namespace Verity.DevStack.Clerk.OAuth;

/// <summary>The OAuth scopes a Clerk instance knows: Clerk's standard ones, plus the custom scopes it defines.</summary>
public static class ClerkOAuthScopes
{
    /// <summary>The scopes every Clerk instance supports (its authorization server metadata lists them).</summary>
    public static IReadOnlyList<string> Standard { get; } = ["openid", "profile", "email", "public_metadata", "private_metadata", "offline_access"];

    /// <summary>Whether <paramref name="scope"/> is a scope token as RFC 6749 §3.3 defines it (printable ASCII, no space, quote or backslash).</summary>
    public static bool IsValidToken(string? scope) =>
        !string.IsNullOrEmpty(scope) && scope.All(static c => c is '!' or (>= '#' and <= '[') or (>= ']' and <= '~'));

    /// <summary>Splits a space-separated <c>scope</c> parameter; null when it holds an invalid token.</summary>
    internal static IReadOnlyList<string>? Parse(string value)
    {
        var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.All(IsValidToken) ? tokens.Distinct(StringComparer.Ordinal).ToList() : null;
    }

    internal static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);
}
