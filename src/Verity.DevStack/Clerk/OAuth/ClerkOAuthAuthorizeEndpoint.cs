using System.Text;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// <c>GET|POST /oauth/authorize</c>: the authorization code flow with PKCE S256 only. Where Clerk shows its sign-in
/// and consent pages, the dev stack has none: it signs in the user <c>login_hint</c> names (an e-mail address or a
/// user id), which gives that user a new active session as a sign-in does, and redirects with the code at once.
/// </summary>
internal sealed class ClerkOAuthAuthorizeEndpoint(ClerkInstance instance)
{
    public async Task AuthorizeAsync(HttpContext context)
    {
        var parameters = HttpMethods.IsPost(context.Request.Method)
            ? await ClerkOAuthParameters.ReadFormAsync(context.Request) ?? new ClerkOAuthParameters([])
            : new ClerkOAuthParameters(context.Request.Query);

        // Until the client and its redirect URI are trusted, errors go to the user agent, never to a redirect (RFC 6749 §4.1.2.1).
        if (parameters.Repeated is { } repeated)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, ClerkOAuthError.InvalidRequest($"The parameter {repeated} is repeated."));
            return;
        }

        var clientId = parameters["client_id"];
        if (clientId is null)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, ClerkOAuthError.InvalidRequest("client_id is required."));
            return;
        }

        var client = instance.OAuth.FindClient(clientId);
        if (client is null)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, ClerkOAuthError.InvalidClient("The client_id is not a client of this instance; register it at /oauth/register first."));
            return;
        }

        var requestedRedirectUri = parameters["redirect_uri"];
        var redirectUri = requestedRedirectUri ?? (client.RedirectUris.Count == 1 ? client.RedirectUris[0] : null);
        if (redirectUri is null || !client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(
                context,
                ClerkOAuthError.InvalidRequest(requestedRedirectUri is null
                    ? "redirect_uri is required: the client registered more than one."
                    : "redirect_uri is not one the client registered (it must match exactly)."));
            return;
        }

        var state = parameters["state"];
        var (grant, error) = Check(parameters, client, redirectUri, requestedRedirectUri is not null);
        if (error is not null)
        {
            Redirect(context, redirectUri, [("error", error.Error), ("error_description", error.Description), ("state", state)]);
            return;
        }

        var loginHint = parameters["login_hint"];
        var user = loginHint is null ? null : instance.FindUserByIdOrEmail(loginHint);
        if (user is null)
        {
            var example = instance.Users.FirstOrDefault()?.EmailAddress ?? "alice@example.com";
            await ClerkOAuthHttpResponses.WriteErrorAsync(
                context,
                ClerkOAuthError.InvalidRequest((loginHint is null
                        ? "The dev stack has no sign-in page: "
                        : "login_hint names no user of this instance. ")
                    + $"Pass login_hint=<e-mail address or user id of a user of the instance>, e.g. login_hint={example}, to sign that user in."));
            return;
        }

        // Signing in gives the user a new session, which is then their most recent active one.
        var session = instance.CreateSession(user.Id);
        var code = instance.OAuth.CreateCode(grant! with { UserId = user.Id, SessionId = session.Id });
        Redirect(context, redirectUri, [("code", code), ("state", state)]);
    }

    private (ClerkOAuthCodeGrant? Grant, ClerkOAuthError? Error) Check(ClerkOAuthParameters parameters, ClerkOAuthClient client, string redirectUri, bool redirectUriGiven)
    {
        var responseType = parameters["response_type"];
        if (responseType is null)
        {
            return (null, ClerkOAuthError.InvalidRequest("response_type is required; only 'code' is supported."));
        }

        if (responseType != "code")
        {
            return (null, new ClerkOAuthError("unsupported_response_type", $"response_type '{responseType}' is not supported; only 'code' is."));
        }

        if (!client.GrantTypes.Contains("authorization_code"))
        {
            return (null, ClerkOAuthError.UnauthorizedClient("The client is not registered for the authorization_code grant."));
        }

        var challenge = parameters["code_challenge"];
        var method = parameters["code_challenge_method"];
        if (challenge is null)
        {
            return (null, ClerkOAuthError.InvalidRequest("code_challenge is required: PKCE with S256 is mandatory."));
        }

        if (method != "S256")
        {
            return (null, ClerkOAuthError.InvalidRequest(method is null
                ? "code_challenge_method is required and must be S256 (plain is not supported)."
                : $"code_challenge_method '{method}' is not supported; use S256."));
        }

        if (challenge.Length != 43 || !challenge.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (null, ClerkOAuthError.InvalidRequest("code_challenge must be the base64url SHA-256 of the code verifier (43 characters)."));
        }

        var scopeParameter = parameters["scope"];
        IReadOnlyList<string> scopes;
        if (scopeParameter is null)
        {
            scopes = client.Scopes ?? instance.OAuth.DefaultScopes;
        }
        else
        {
            var parsed = ClerkOAuthScopes.Parse(scopeParameter);
            if (parsed is null)
            {
                return (null, ClerkOAuthError.InvalidScope("scope must be a space-separated list of scope tokens."));
            }

            if (parsed.FirstOrDefault(s => !instance.OAuth.SupportedScopes.Contains(s)) is { } unknown)
            {
                return (null, ClerkOAuthError.InvalidScope($"The scope '{unknown}' is not supported by this instance."));
            }

            if (client.Scopes is not null && parsed.FirstOrDefault(s => !client.Scopes.Contains(s)) is { } notRegistered)
            {
                return (null, ClerkOAuthError.InvalidScope($"The scope '{notRegistered}' is not one the client registered."));
            }

            scopes = parsed;
        }

        var resource = parameters["resource"];
        // On Unix, .NET reads "/path" as an absolute file URI; a resource indicator names its scheme.
        if (resource is not null && (resource.StartsWith('/') || !Uri.TryCreate(resource, UriKind.Absolute, out var resourceUri) || resourceUri.Fragment.Length > 0 || resource.Contains('#')))
        {
            return (null, ClerkOAuthError.InvalidTarget("resource must be an absolute URI without a fragment (RFC 8707)."));
        }

        var grant = new ClerkOAuthCodeGrant(
            client.ClientId,
            redirectUri,
            redirectUriGiven,
            challenge,
            scopes,
            resource,
            UserId: string.Empty,
            SessionId: string.Empty,
            instance.TimeProvider.GetUtcNow() + instance.Options.OAuthAuthorizationCodeLifetime,
            ClerkOAuthServer.NewFamilyId());
        return (grant, null);
    }

    private static void Redirect(HttpContext context, string redirectUri, IEnumerable<(string Name, string? Value)> parameters)
    {
        var location = new StringBuilder(redirectUri);
        var separator = redirectUri.Contains('?') ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            location.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location.ToString();
        context.Response.Headers.CacheControl = "no-store";
    }
}
