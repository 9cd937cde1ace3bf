using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// <c>POST /oauth/register</c>: RFC 7591 dynamic client registration, as Clerk offers it on an instance that enables
/// it. A client with <c>token_endpoint_auth_method: none</c> is public; any other gets a <c>client_secret</c>.
/// </summary>
internal sealed class ClerkOAuthRegistrationEndpoint(ClerkInstance instance)
{
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly HashSet<string> SupportedGrantTypes = new(StringComparer.Ordinal) { "authorization_code", "refresh_token" };

    public async Task RegisterAsync(HttpContext context)
    {
        var (client, error) = await ReadAsync(context);
        if (error is not null)
        {
            await ClerkOAuthHttpResponses.WriteErrorAsync(context, error);
            return;
        }

        var registered = instance.OAuth.Register(client!.ClientName, client.RedirectUris, client.TokenEndpointAuthMethod, client.GrantTypes, client.Scopes);
        await ClerkOAuthHttpResponses.WriteJsonAsync(
            context,
            new ClerkOAuthClientJson(
                registered.ClientId,
                registered.ClientSecret,
                registered.IssuedAt.ToUnixTimeSeconds(),
                registered.ClientSecret is null ? null : 0,
                registered.ClientName,
                registered.RedirectUris,
                registered.TokenEndpointAuthMethod,
                registered.GrantTypes,
                ["code"],
                registered.Scopes is null ? null : ClerkOAuthScopes.Join(registered.Scopes)),
            ClerkOAuthJsonContext.Default.ClerkOAuthClientJson,
            StatusCodes.Status201Created);
    }

    private async Task<(ClerkOAuthClient? Client, ClerkOAuthError? Error)> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("The registration request is too large."));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("The registration request must be a JSON object (RFC 7591)."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("The registration request must be a JSON object (RFC 7591)."));
        }

        if (!TryReadStrings(root, "redirect_uris", out var redirectUris) || redirectUris is null || redirectUris.Count == 0)
        {
            return (null, ClerkOAuthError.InvalidRedirectUri("redirect_uris must be a non-empty array of URIs (the authorization code flow needs one)."));
        }

        foreach (var uri in redirectUris)
        {
            if (ClerkOAuthRedirectUris.Problem(uri) is { } problem)
            {
                return (null, ClerkOAuthError.InvalidRedirectUri(problem));
            }
        }

        if (!TryReadString(root, "token_endpoint_auth_method", out var authMethod))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("token_endpoint_auth_method must be a string."));
        }

        // RFC 7591 §2: without it, the client authenticates with HTTP Basic.
        authMethod ??= ClerkOAuthClientAuthMethods.ClientSecretBasic;
        if (!ClerkOAuthClientAuthMethods.All.Contains(authMethod))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata(
                $"token_endpoint_auth_method '{authMethod}' is not supported; use one of: {string.Join(", ", ClerkOAuthClientAuthMethods.All)}."));
        }

        if (!TryReadStrings(root, "grant_types", out var grantTypes))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("grant_types must be an array of strings."));
        }

        // Clerk's OAuth applications always get refresh tokens, so a client that names no grant types gets both.
        grantTypes ??= ["authorization_code", "refresh_token"];
        if (grantTypes.FirstOrDefault(g => !SupportedGrantTypes.Contains(g)) is { } unsupported)
        {
            return (null, ClerkOAuthError.InvalidClientMetadata($"grant_type '{unsupported}' is not supported; use authorization_code and refresh_token."));
        }

        if (!grantTypes.Contains("authorization_code"))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("grant_types must include authorization_code, the only flow the instance offers."));
        }

        if (!TryReadStrings(root, "response_types", out var responseTypes) || (responseTypes is not null && responseTypes.Any(r => r != "code")))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("response_types may only be [\"code\"]."));
        }

        if (!TryReadString(root, "scope", out var scope))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("scope must be a space-separated string."));
        }

        IReadOnlyList<string>? scopes = null;
        if (scope is not null)
        {
            scopes = ClerkOAuthScopes.Parse(scope);
            if (scopes is null || scopes.FirstOrDefault(s => !instance.OAuth.SupportedScopes.Contains(s)) is { } unknown)
            {
                return (null, ClerkOAuthError.InvalidClientMetadata(
                    string.Create(CultureInfo.InvariantCulture, $"scope '{scope}' names a scope the instance does not support; supported: {ClerkOAuthScopes.Join(instance.OAuth.SupportedScopes)}.")));
            }
        }

        if (!TryReadString(root, "client_name", out var clientName))
        {
            return (null, ClerkOAuthError.InvalidClientMetadata("client_name must be a string."));
        }

        var client = new ClerkOAuthClient(string.Empty, null, clientName, [.. redirectUris], authMethod, [.. grantTypes.Distinct(StringComparer.Ordinal)], scopes, default);
        return (client, null);
    }

    private static bool TryReadString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    private static bool TryReadStrings(JsonElement root, string name, out List<string>? values)
    {
        values = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        values = [.. element.EnumerateArray().Select(e => e.GetString()!)];
        return true;
    }
}
