using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary><c>POST /oauth/token</c> (form-encoded): the <c>authorization_code</c> and <c>refresh_token</c> grants.</summary>
internal sealed class ClerkOAuthTokenEndpoint(ClerkInstance instance, string pathPrefix)
{
    public async Task TokenAsync(HttpContext context)
    {
        var outcome = await ExchangeAsync(context);
        if (outcome.Error is { } error)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, error);
            return;
        }

        await ClerkOAuthHttpResponses.WriteJsonAsync(context, outcome.Tokens!, ClerkOAuthJsonContext.Default.ClerkOAuthTokenResponseJson);
    }

    private async Task<ClerkOAuthOutcome> ExchangeAsync(HttpContext context)
    {
        var form = await ClerkOAuthParameters.ReadFormAsync(context.Request);
        if (form is null)
        {
            return ClerkOAuthError.InvalidRequest("The token request must be application/x-www-form-urlencoded.");
        }

        if (form.Repeated is { } repeated)
        {
            return ClerkOAuthError.InvalidRequest($"The parameter {repeated} is repeated.");
        }

        var (client, clientError) = ClerkOAuthClientAuthenticator.Authenticate(context.Request, form, instance.OAuth);
        if (clientError is not null)
        {
            return clientError;
        }

        var grantType = form["grant_type"];
        if (grantType is null)
        {
            return ClerkOAuthError.InvalidRequest("grant_type is required.");
        }

        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            return ClerkOAuthError.UnsupportedGrantType($"grant_type '{grantType}' is not supported; use authorization_code or refresh_token.");
        }

        if (!client!.GrantTypes.Contains(grantType))
        {
            return ClerkOAuthError.UnauthorizedClient($"The client is not registered for the {grantType} grant.");
        }

        var issuer = ClerkFrontendApiUrl.For(context, instance, pathPrefix);
        var resource = form["resource"];
        if (grantType == "authorization_code")
        {
            var code = form["code"];
            return code is null
                ? ClerkOAuthError.InvalidRequest("code is required.")
                : instance.OAuth.ExchangeCode(client, code, form["redirect_uri"], form["code_verifier"], resource, issuer);
        }

        var refreshToken = form["refresh_token"];
        if (refreshToken is null)
        {
            return ClerkOAuthError.InvalidRequest("refresh_token is required.");
        }

        IReadOnlyList<string>? scopes = null;
        if (form["scope"] is { } scope && (scopes = ClerkOAuthScopes.Parse(scope)) is null)
        {
            return ClerkOAuthError.InvalidScope("scope must be a space-separated list of scope tokens.");
        }

        return instance.OAuth.Refresh(client, refreshToken, scopes, resource, issuer);
    }
}
