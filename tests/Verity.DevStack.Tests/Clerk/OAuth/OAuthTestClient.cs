using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Verity.DevStack.Tests.Clerk.OAuth;

/// <summary>
/// Speaks OAuth to the emulator's Frontend API the way a client does: it registers, follows no redirects (so a test
/// reads the authorization response from <c>Location</c>), exchanges codes and verifies tokens against the JWKS.
/// </summary>
public sealed class OAuthTestClient : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1:33418/callback";
    public const string Resource = "https://mcp.example.com/mcp";

    private readonly HttpClient _http;

    public OAuthTestClient(string frontendApiUrl)
    {
        FrontendApiUrl = frontendApiUrl;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(frontendApiUrl + "/") };
    }

    public string FrontendApiUrl { get; }

    public HttpClient Http => _http;

    public async Task<OAuthResponse> RegisterAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("oauth/register", content);
        return await OAuthResponse.ReadAsync(response);
    }

    /// <summary>Registers a public client (<c>none</c>) for <see cref="RedirectUri"/>; returns its client id.</summary>
    public async Task<string> RegisterPublicClientAsync()
    {
        var response = await RegisterAsync($$"""{"client_name":"test","redirect_uris":["{{RedirectUri}}"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"]}""");
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Json.GetProperty("client_id").GetString()!;
    }

    public async Task<OAuthResponse> AuthorizeAsync(IReadOnlyDictionary<string, string?> parameters)
    {
        var url = QueryHelpers.AddQueryString("oauth/authorize", parameters);
        using var response = await _http.GetAsync(url);
        return await OAuthResponse.ReadAsync(response);
    }

    /// <summary>The usual authorization request, with <paramref name="change"/> applied (a null value drops the parameter).</summary>
    public static Dictionary<string, string?> AuthorizeParameters(string clientId, Pkce pkce, string loginHint, Action<Dictionary<string, string?>>? change = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "st-123",
            ["resource"] = Resource,
            ["login_hint"] = loginHint,
        };
        change?.Invoke(parameters);
        foreach (var key in parameters.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            parameters.Remove(key);
        }

        return parameters;
    }

    /// <summary>Authorizes and returns the code from the redirect.</summary>
    public async Task<string> GetCodeAsync(string clientId, Pkce pkce, string loginHint, Action<Dictionary<string, string?>>? change = null)
    {
        var response = await AuthorizeAsync(AuthorizeParameters(clientId, pkce, loginHint, change));
        Assert.Equal(HttpStatusCode.Found, response.Status);
        return response.RedirectParameters["code"];
    }

    public async Task<OAuthResponse> TokenAsync(IReadOnlyDictionary<string, string> form, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        using var response = await _http.SendAsync(request);
        return await OAuthResponse.ReadAsync(response);
    }

    public Task<OAuthResponse> ExchangeCodeAsync(string clientId, string code, string verifier, string redirectUri = RedirectUri) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
        });

    public Task<OAuthResponse> RefreshAsync(string clientId, string refreshToken, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return TokenAsync(form);
    }

    public async Task<IList<SecurityKey>> FetchJwksAsync()
    {
        var json = await _http.GetStringAsync(".well-known/jwks.json");
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("keys").EnumerateArray().Select(k => (SecurityKey)new JsonWebKey(k.GetRawText()))];
    }

    /// <summary>Validates as a resource server would: signature against the JWKS, issuer, audience, lifetime.</summary>
    public async Task<TokenValidationResult> ValidateAsync(string jwt, string audience, DateTimeOffset now)
    {
        var keys = await FetchJwksAsync();
        return await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = FrontendApiUrl,
            ValidAudience = audience,
            ValidateLifetime = true,
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= now.UtcDateTime && now.UtcDateTime < expires,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = ["at+jwt"],
        });
    }

    public void Dispose() => _http.Dispose();
}

public sealed record OAuthResponse(HttpStatusCode Status, string Body, string? Location, string? CacheControl, string? WwwAuthenticate)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The query parameters of the redirect (<c>Location</c>).</summary>
    public IReadOnlyDictionary<string, string> RedirectParameters =>
        QueryHelpers.ParseQuery(new Uri(Location!).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    public static async Task<OAuthResponse> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Headers.Location?.ToString(),
        response.Headers.CacheControl?.ToString(),
        response.Headers.WwwAuthenticate.ToString());

    /// <summary>Asserts an RFC 6749 error body with <paramref name="error"/> and a description.</summary>
    public void AssertError(HttpStatusCode status, string error)
    {
        Assert.Equal(status, Status);
        Assert.Equal(error, Json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Json.GetProperty("error_description").GetString()));
        Assert.Equal("no-store", CacheControl);
    }

    /// <summary>Asserts an error redirect to the client with <paramref name="error"/> and the state echoed.</summary>
    public void AssertErrorRedirect(string error, string state = "st-123")
    {
        Assert.Equal(HttpStatusCode.Found, Status);
        Assert.StartsWith(OAuthTestClient.RedirectUri + "?", Location, StringComparison.Ordinal);
        Assert.Equal(error, RedirectParameters["error"]);
        Assert.Equal(state, RedirectParameters["state"]);
        Assert.False(RedirectParameters.ContainsKey("code"));
    }
}
