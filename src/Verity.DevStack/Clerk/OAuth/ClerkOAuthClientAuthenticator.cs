using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// Authenticates the client of a token or introspection request by the method it registered: <c>none</c>
/// (<c>client_id</c> only), <c>client_secret_basic</c> (HTTP Basic, RFC 6749 §2.3.1) or <c>client_secret_post</c>.
/// </summary>
internal static class ClerkOAuthClientAuthenticator
{
    public static (ClerkOAuthClient? Client, ClerkOAuthError? Error) Authenticate(HttpRequest request, ClerkOAuthParameters form, ClerkOAuthServer server)
    {
        string? basicId = null;
        string? basicSecret = null;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (!TryReadBasic(authorization, out basicId, out basicSecret))
            {
                return (null, ClerkOAuthError.InvalidClient("The Authorization header must be HTTP Basic with the client id and secret."));
            }
        }

        var formId = form["client_id"];
        var formSecret = form["client_secret"];
        if (basicId is not null && formSecret is not null)
        {
            return (null, ClerkOAuthError.InvalidRequest("Use one client authentication method, not HTTP Basic and client_secret together."));
        }

        if (basicId is not null && formId is not null && formId != basicId)
        {
            return (null, ClerkOAuthError.InvalidRequest("client_id differs from the client id of the Authorization header."));
        }

        var clientId = basicId ?? formId;
        if (clientId is null)
        {
            return (null, ClerkOAuthError.InvalidClient("Client authentication is required: send client_id (public clients) or the client's credentials."));
        }

        var client = server.FindClient(clientId);
        if (client is null)
        {
            return (null, ClerkOAuthError.InvalidClient("The client is unknown."));
        }

        var presented = client.TokenEndpointAuthMethod switch
        {
            ClerkOAuthClientAuthMethods.ClientSecretBasic => basicSecret,
            ClerkOAuthClientAuthMethods.ClientSecretPost => formSecret,
            _ => null,
        };
        if (client.IsPublic)
        {
            return basicSecret is null && formSecret is null
                ? (client, null)
                : (null, ClerkOAuthError.InvalidClient("The client is public (token_endpoint_auth_method none) and has no secret to send."));
        }

        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(client.ClientSecret!)))
        {
            return (null, ClerkOAuthError.InvalidClient($"Client authentication failed: the client authenticates with {client.TokenEndpointAuthMethod}."));
        }

        return (client, null);
    }

    private static bool TryReadBasic(string authorization, out string? clientId, out string? secret)
    {
        clientId = null;
        secret = null;
        const string Scheme = "Basic ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined.
        clientId = FormDecode(decoded[..colon]);
        secret = FormDecode(decoded[(colon + 1)..]);
        return true;
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
