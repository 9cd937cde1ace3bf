namespace Verity.Mcp.HttpServer.Configuration;

/// <summary>How callers prove who they are (<c>VERITY_HTTP_AUTH</c>).</summary>
internal enum HttpAuthMode
{
    /// <summary>OAuth 2.1 resource server: every request carries an access token for this server.</summary>
    OAuth,

    /// <summary>No caller authentication, loopback only: upstream calls use the process-wide Clerk settings, as stdio does.</summary>
    None,
}
