using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// <c>POST /oauth/token_info</c>: RFC 7662 introspection of the access tokens this instance minted, for an
/// authenticated client. Anything else (unknown, expired, not yet valid) is <c>{"active":false}</c>.
/// </summary>
internal sealed class ClerkOAuthTokenInfoEndpoint(ClerkInstance instance)
{
    public async Task IntrospectAsync(HttpContext context)
    {
        var form = await ClerkOAuthParameters.ReadFormAsync(context.Request);
        if (form is null || form.Repeated is not null || form["token"] is null)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, ClerkOAuthError.InvalidRequest("Send token=<the token> form-encoded, once."));
            return;
        }

        var (_, clientError) = ClerkOAuthClientAuthenticator.Authenticate(context.Request, form, instance.OAuth);
        if (clientError is not null)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, clientError);
            return;
        }

        var now = instance.TimeProvider.GetUtcNow();
        var token = instance.OAuth.FindAccessToken(form["token"]!);
        var info = token is null || now >= token.ExpiresAt || now < token.NotBefore || token.KeyId != instance.CurrentKeyId
            ? new ClerkOAuthTokenInfoJson(false)
            : new ClerkOAuthTokenInfoJson(
                true,
                "access_token",
                token.ClientId,
                token.Subject,
                token.Scope,
                token.Issuer,
                token.Audience,
                token.TokenId,
                token.IssuedAt.ToUnixTimeSeconds(),
                token.NotBefore.ToUnixTimeSeconds(),
                token.ExpiresAt.ToUnixTimeSeconds());
        await ClerkOAuthHttpResponses.WriteJsonAsync(context, info, ClerkOAuthJsonContext.Default.ClerkOAuthTokenInfoJson);
    }
}
