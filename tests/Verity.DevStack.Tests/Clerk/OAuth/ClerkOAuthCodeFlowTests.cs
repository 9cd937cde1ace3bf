using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk.OAuth;

public sealed class ClerkOAuthCodeFlowTests : OAuthEmulatorTestBase
{
    [Fact]
    public async Task The_code_flow_with_pkce_returns_a_one_day_jwt_that_verifies_against_the_jwks_with_clerks_claims()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();

        var authorize = await OAuth.AuthorizeAsync(OAuthTestClient.AuthorizeParameters(clientId, pkce, ClerkEmulatorSeed.AliceEmail));

        Assert.Equal(HttpStatusCode.Found, authorize.Status);
        Assert.StartsWith(OAuthTestClient.RedirectUri + "?code=", authorize.Location, StringComparison.Ordinal);
        Assert.Equal("st-123", authorize.RedirectParameters["state"]);

        var token = await OAuth.ExchangeCodeAsync(clientId, authorize.RedirectParameters["code"], pkce.Verifier);

        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal("no-store", token.CacheControl);
        Assert.Equal("bearer", token.Json.GetProperty("token_type").GetString());
        Assert.Equal(86_400, token.Json.GetProperty("expires_in").GetInt64());
        Assert.Equal("tools:read tools:write", token.Json.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrEmpty(token.Json.GetProperty("refresh_token").GetString()));

        var jwt = token.Json.GetProperty("access_token").GetString()!;
        var validation = await OAuth.ValidateAsync(jwt, OAuthTestClient.Resource, Start);
        Assert.True(validation.IsValid, validation.Exception?.Message);

        var header = JwtParts.Header(jwt);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.Equal(Emulator.Instance.CurrentKeyId, header.GetProperty("kid").GetString());
        var claims = JwtParts.Payload(jwt);
        Assert.Equal(Emulator.FrontendApiUrl, claims.GetProperty("iss").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, claims.GetProperty("sub").GetString());
        Assert.Equal(OAuthTestClient.Resource, claims.GetProperty("aud").GetString());
        Assert.Equal(clientId, claims.GetProperty("client_id").GetString());
        Assert.Equal("tools:read tools:write", claims.GetProperty("scope").GetString());
        Assert.Matches("^oat_[0-9a-f]{32}$", claims.GetProperty("jti").GetString());
        Assert.Equal(Start.ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal(Start.ToUnixTimeSeconds(), claims.GetProperty("nbf").GetInt64());
        Assert.Equal(Start.ToUnixTimeSeconds() + 86_400, claims.GetProperty("exp").GetInt64());

        // A day later it has expired.
        Assert.False((await OAuth.ValidateAsync(jwt, OAuthTestClient.Resource, Start.AddDays(1))).IsValid);
    }

    [Fact]
    public async Task A_requested_scope_is_granted_as_asked_and_without_resource_the_audience_is_the_client_id()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.CarolEmail, p =>
        {
            p["resource"] = null;
            p["scope"] = "openid tools:read";
        });

        var token = await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier);

        Assert.Equal(HttpStatusCode.OK, token.Status);
        var claims = JwtParts.Payload(token.Json.GetProperty("access_token").GetString()!);
        Assert.Equal(clientId, claims.GetProperty("aud").GetString());
        Assert.Equal("openid tools:read", claims.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_invalid_grant_and_spends_the_code()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.AliceEmail);

        (await OAuth.ExchangeCodeAsync(clientId, code, Pkce.New().Verifier)).AssertError(HttpStatusCode.BadRequest, "invalid_grant");
        (await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier)).AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task A_reused_code_is_invalid_grant_and_revokes_the_refresh_token_it_gave()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.AliceEmail);
        var first = await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var second = await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier);

        second.AssertError(HttpStatusCode.BadRequest, "invalid_grant");
        (await OAuth.RefreshAsync(clientId, first.Json.GetProperty("refresh_token").GetString()!)).AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task A_different_redirect_uri_at_the_token_endpoint_is_invalid_grant()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.AliceEmail);

        var token = await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier, redirectUri: "http://127.0.0.1:33418/other");

        token.AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task A_code_past_its_ten_minutes_is_invalid_grant()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.AliceEmail);

        Time.Advance(TimeSpan.FromMinutes(10));

        (await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier)).AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task A_resource_that_differs_from_the_authorization_request_is_invalid_target()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.AliceEmail);

        var token = await OAuth.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["code_verifier"] = pkce.Verifier,
            ["redirect_uri"] = OAuthTestClient.RedirectUri,
            ["resource"] = "https://other.example.com/mcp",
        });

        token.AssertError(HttpStatusCode.BadRequest, "invalid_target");
    }

    public static TheoryData<string, string?, string> BadAuthorizationRequests => new()
    {
        { "code_challenge_method", "plain", "invalid_request" },
        { "code_challenge_method", null, "invalid_request" },
        { "code_challenge", null, "invalid_request" },
        { "code_challenge", "too-short", "invalid_request" },
        { "response_type", "token", "unsupported_response_type" },
        { "response_type", null, "invalid_request" },
        { "scope", "tools:read admin", "invalid_scope" },
        { "resource", "/relative", "invalid_target" },
        { "resource", "https://mcp.example.com/mcp#x", "invalid_target" },
    };

    [Theory]
    [MemberData(nameof(BadAuthorizationRequests))]
    public async Task A_bad_authorization_request_redirects_back_with_the_error_and_the_state(string parameter, string? value, string error)
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var sessionsBefore = Emulator.Sessions.Count;

        var response = await OAuth.AuthorizeAsync(OAuthTestClient.AuthorizeParameters(clientId, Pkce.New(), ClerkEmulatorSeed.AliceEmail, p => p[parameter] = value));

        response.AssertErrorRedirect(error);
        Assert.Equal(sessionsBefore, Emulator.Sessions.Count);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_or_client_is_answered_without_a_redirect()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();

        var wrongUri = await OAuth.AuthorizeAsync(OAuthTestClient.AuthorizeParameters(clientId, Pkce.New(), ClerkEmulatorSeed.AliceEmail, p => p["redirect_uri"] = "http://127.0.0.1:33418/callback/"));
        var unknownClient = await OAuth.AuthorizeAsync(OAuthTestClient.AuthorizeParameters("nobody", Pkce.New(), ClerkEmulatorSeed.AliceEmail));

        wrongUri.AssertError(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Null(wrongUri.Location);
        unknownClient.AssertError(HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Null(unknownClient.Location);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("nobody@example.com")]
    public async Task Without_a_usable_login_hint_the_answer_says_what_to_pass(string? loginHint)
    {
        var clientId = await OAuth.RegisterPublicClientAsync();

        var response = await OAuth.AuthorizeAsync(OAuthTestClient.AuthorizeParameters(clientId, Pkce.New(), loginHint!));

        response.AssertError(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Null(response.Location);
        Assert.Contains("login_hint=", response.Json.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_client_authenticates_with_its_registered_method_only()
    {
        var registered = (await OAuth.RegisterAsync($$"""{"redirect_uris":["{{OAuthTestClient.RedirectUri}}"]}""")).Json;
        var clientId = registered.GetProperty("client_id").GetString()!;
        var secret = registered.GetProperty("client_secret").GetString()!;
        var pkce = Pkce.New();

        async Task<OAuthResponse> ExchangeAsync(AuthenticationHeaderValue? authorization, Dictionary<string, string> extra)
        {
            var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.BobEmail);
            var form = new Dictionary<string, string>(extra)
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["code_verifier"] = pkce.Verifier,
                ["redirect_uri"] = OAuthTestClient.RedirectUri,
            };
            return await OAuth.TokenAsync(form, authorization);
        }

        var basic = await ExchangeAsync(Basic(clientId, secret), []);
        var wrongSecret = await ExchangeAsync(Basic(clientId, "not-the-secret"), []);
        var postInstead = await ExchangeAsync(null, new() { ["client_id"] = clientId, ["client_secret"] = secret });
        var noSecret = await ExchangeAsync(null, new() { ["client_id"] = clientId });

        Assert.Equal(HttpStatusCode.OK, basic.Status);
        wrongSecret.AssertError(HttpStatusCode.Unauthorized, "invalid_client");
        Assert.StartsWith("Basic", wrongSecret.WwwAuthenticate, StringComparison.Ordinal);
        postInstead.AssertError(HttpStatusCode.Unauthorized, "invalid_client");
        noSecret.AssertError(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task A_client_secret_post_client_sends_its_secret_in_the_form()
    {
        var registered = (await OAuth.RegisterAsync($$"""{"redirect_uris":["{{OAuthTestClient.RedirectUri}}"],"token_endpoint_auth_method":"client_secret_post"}""")).Json;
        var clientId = registered.GetProperty("client_id").GetString()!;
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.BobEmail);

        var token = await OAuth.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["client_secret"] = registered.GetProperty("client_secret").GetString()!,
            ["code"] = code,
            ["code_verifier"] = pkce.Verifier,
            ["redirect_uri"] = OAuthTestClient.RedirectUri,
        });

        Assert.Equal(HttpStatusCode.OK, token.Status);
    }

    [Fact]
    public async Task Token_requests_that_are_not_forms_or_name_an_unknown_grant_are_refused_with_rfc6749_errors()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();

        using var json = new StringContent("""{"grant_type":"authorization_code"}""", Encoding.UTF8, "application/json");
        var notAForm = await OAuthResponse.ReadAsync(await OAuth.Http.PostAsync("oauth/token", json));
        var clientCredentials = await OAuth.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId });
        var noCode = await OAuth.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = clientId });
        var unknownCode = await OAuth.ExchangeCodeAsync(clientId, "no-such-code", Pkce.New().Verifier);

        notAForm.AssertError(HttpStatusCode.BadRequest, "invalid_request");
        clientCredentials.AssertError(HttpStatusCode.BadRequest, "unsupported_grant_type");
        noCode.AssertError(HttpStatusCode.BadRequest, "invalid_request");
        unknownCode.AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));
}
