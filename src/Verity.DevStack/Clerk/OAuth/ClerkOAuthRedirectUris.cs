namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// Which redirect URIs a client may register (OAuth 2.1 §2.3.1, §7.5): absolute, no fragment; <c>https</c>,
/// <c>http</c> to a loopback host only, or a native app's private-use scheme (e.g. <c>cursor://…</c>).
/// </summary>
internal static class ClerkOAuthRedirectUris
{
    private static readonly HashSet<string> RefusedSchemes = new(StringComparer.OrdinalIgnoreCase) { "javascript", "data", "file", "vbscript" };

    /// <summary>Null when <paramref name="value"/> may be registered; otherwise why not.</summary>
    public static string? Problem(string value)
    {
        // On Unix, .NET reads "/path" as an absolute file URI.
        if (value.StartsWith('/') || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"'{value}' is not an absolute URI.";
        }

        if (uri.Fragment.Length > 0 || value.Contains('#'))
        {
            return $"'{value}' has a fragment, which redirect URIs must not have.";
        }

        if (RefusedSchemes.Contains(uri.Scheme))
        {
            return $"'{value}' uses the {uri.Scheme} scheme, which cannot receive an authorization response.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return $"'{value}' uses http to a host that is not loopback; use https (http is only for localhost, 127.0.0.1 or [::1]).";
        }

        return null;
    }
}
