using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// <c>POST /__emulator/oauth/access-tokens</c>: mints an OAuth access token for a user without the flow, with
/// overrides that make it one a resource server must reject. Mapped only with test control on.
/// </summary>
internal sealed class ClerkOAuthTestControlEndpoints(ClerkInstance instance, string pathPrefix)
{
    private const string Expected =
        "Expected {\"user\": \"e-mail address or user id\", \"audience\"?, \"issuer\"?, \"client_id\"?, \"scope\"?, "
        + "\"expires_in_seconds\"?: N (<= 0: already expired), \"not_before_in_seconds\"?: N (> 0: not valid yet), \"unknown_kid\"?: bool}.";

    public async Task IssueAccessTokenAsync(HttpContext context)
    {
        ClerkOAuthTestTokenRequestJson? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, ClerkOAuthJsonContext.Default.ClerkOAuthTestTokenRequestJson, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.User is null || (body.Scope is { Length: > 0 } scope && ClerkOAuthScopes.Parse(scope) is null))
        {
            await ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.RequestBodyInvalid(Expected));
            return;
        }

        var user = instance.FindUserByIdOrEmail(body.User);
        if (user is null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.ResourceNotFound());
            return;
        }

        var token = instance.OAuth.Issue(
            new ClerkOAuthAccessTokenRequest(user.Id)
            {
                Audience = body.Audience,
                Issuer = body.Issuer,
                ClientId = body.ClientId ?? ClerkOAuthServer.TestControlClientId,
                Scope = body.Scope,
                Lifetime = body.ExpiresInSeconds is { } expiresIn ? TimeSpan.FromSeconds(expiresIn) : null,
                NotBeforeOffset = TimeSpan.FromSeconds(body.NotBeforeInSeconds ?? 0),
                SignWithUnknownKey = body.UnknownKid ?? false,
            },
            ClerkFrontendApiUrl.For(context, instance, pathPrefix));
        await ClerkHttpResponses.WriteJsonAsync(
            context,
            new ClerkOAuthTestTokenJson(
                token.Jwt,
                token.KeyId,
                token.TokenId,
                token.Issuer,
                token.Subject,
                token.Audience,
                token.ClientId,
                token.Scope,
                token.IssuedAt.ToUnixTimeSeconds(),
                token.NotBefore.ToUnixTimeSeconds(),
                token.ExpiresAt.ToUnixTimeSeconds()),
            ClerkOAuthJsonContext.Default.ClerkOAuthTestTokenJson);
    }
}
