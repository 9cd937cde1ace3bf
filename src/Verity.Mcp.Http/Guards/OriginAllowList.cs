using Verity.Mcp.HttpServer.Configuration;

namespace Verity.Mcp.HttpServer.Guards;

/// <summary>
/// The browser origins allowed to call this server: the public URL's origin, <c>VERITY_HTTP_ALLOWED_ORIGINS</c> and,
/// in the local mode, http(s) pages on a loopback name at any port. A request without <c>Origin</c> (any client that
/// is not a browser page) is allowed: the check is against pages a browser was tricked into calling from.
/// </summary>
internal sealed class OriginAllowList
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];
    private readonly HashSet<string> _origins = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _anyLoopbackPort;

    public OriginAllowList(HttpServerOptions options)
    {
        _anyLoopbackPort = options.Auth == HttpAuthMode.None;
        if (options.PublicUrl is { } publicUrl)
        {
            _origins.Add(Canonical(publicUrl));
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (Uri.TryCreate(origin, UriKind.Absolute, out var url))
            {
                _origins.Add(Canonical(url));
            }
        }
    }

    public bool Allows(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            // "null" (sandboxed frames, file: pages) and anything unparsable.
            return false;
        }

        return _origins.Contains(Canonical(url))
            || (_anyLoopbackPort && LoopbackNames.Contains(url.Host, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>True for scheme://host[:port] with nothing after it (a trailing slash is tolerated).</summary>
    public static bool IsOrigin(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0;

    private static string Canonical(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
