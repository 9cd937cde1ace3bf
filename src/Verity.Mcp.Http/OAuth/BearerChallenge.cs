using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Verity.Mcp.HttpServer.Configuration;
using Verity.Mcp.HttpServer.Guards;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// The 401 and 403 answers of the resource server (RFC 6750 §3, MCP authorization): each names the Protected
/// Resource Metadata, where a client finds the authorization server and the scopes to ask for.
/// </summary>
internal sealed class BearerChallenge(HttpServerOptions options)
{
    private readonly string _resourceMetadata = options.ResourceMetadataUrl ?? throw new InvalidOperationException("The public URL is not set.");

    /// <summary>401: no token (no error code, per RFC 6750 §3.1), or an invalid one (<c>invalid_token</c> with the reason).</summary>
    public Task UnauthorizedAsync(HttpContext context, string? failure)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = failure is null
            ? $"Bearer resource_metadata=\"{_resourceMetadata}\""
            : $"Bearer error=\"invalid_token\", error_description=\"{failure}\", resource_metadata=\"{_resourceMetadata}\"";
        return ErrorBody.WriteAsync(
            context.Response,
            failure is null ? "unauthorized" : "invalid_token",
            failure is null ? "Sign in: this server needs an OAuth access token (see resource_metadata in WWW-Authenticate)." : $"The access token was refused: {failure}.");
    }

    /// <summary>403 <c>insufficient_scope</c>, naming the scope to ask for.</summary>
    public Task InsufficientScopeAsync(HttpContext context, string scope, string toolName)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers[HeaderNames.WWWAuthenticate] =
            $"Bearer error=\"insufficient_scope\", scope=\"{scope}\", resource_metadata=\"{_resourceMetadata}\"";
        return ErrorBody.WriteAsync(
            context.Response,
            "insufficient_scope",
            $"The tool {toolName} needs the {scope} scope, which the access token does not have: sign in again and grant it.");
    }
}
