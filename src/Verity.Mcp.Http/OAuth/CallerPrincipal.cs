using System.Security.Claims;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// The caller as ASP.NET Core and the MCP SDK see it: the SDK ties what it keeps per user to the <c>sub</c> claim
/// (<c>ClaimTypes.NameIdentifier</c> too, which it reads first).
/// </summary>
internal static class CallerPrincipal
{
    public const string AuthenticationType = "Bearer";

    public static ClaimsPrincipal For(AccessToken token)
    {
        var claims = new List<Claim>
        {
            new("sub", token.Subject),
            new(ClaimTypes.NameIdentifier, token.Subject),
        };
        claims.AddRange(token.Scopes.Select(scope => new Claim("scope", scope)));
        if (token.ClientId is { } clientId)
        {
            claims.Add(new Claim("client_id", clientId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, "sub", null));
    }
}
