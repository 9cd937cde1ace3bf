using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk.OAuth;

public sealed class ClerkOAuthMetadataTests(ClerkEmulatorFixture fixture) : SharedClerkEmulatorTests(fixture)
{
    [Fact]
    public async Task Authorization_server_metadata_names_the_frontend_api_url_as_issuer_and_what_it_supports()
    {
        using var oauth = new OAuthTestClient(Emulator.FrontendApiUrl);

        using var response = await oauth.Http.GetAsync(".well-known/oauth-authorization-server");
        var metadata = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issuer = Emulator.FrontendApiUrl;
        Assert.StartsWith("http://127.0.0.1:", issuer);
        Assert.Equal(issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal(issuer + "/oauth/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(issuer + "/oauth/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(issuer + "/oauth/register", metadata.GetProperty("registration_endpoint").GetString());
        Assert.Equal(issuer + "/oauth/token_info", metadata.GetProperty("introspection_endpoint").GetString());
        Assert.Equal(issuer + "/.well-known/jwks.json", metadata.GetProperty("jwks_uri").GetString());
        Assert.Equal(
            ["openid", "profile", "email", "public_metadata", "private_metadata", "offline_access", "tools:read", "tools:write"],
            Strings(metadata, "scopes_supported"));
        Assert.Equal(["code"], Strings(metadata, "response_types_supported"));
        Assert.Equal(["authorization_code", "refresh_token"], Strings(metadata, "grant_types_supported"));
        Assert.Equal(["S256"], Strings(metadata, "code_challenge_methods_supported"));
        Assert.Equal(["none", "client_secret_basic", "client_secret_post"], Strings(metadata, "token_endpoint_auth_methods_supported"));
        Assert.False(metadata.TryGetProperty("subject_types_supported", out _));
    }

    [Fact]
    public async Task Openid_configuration_carries_the_same_endpoints_plus_the_oidc_members()
    {
        using var oauth = new OAuthTestClient(Emulator.FrontendApiUrl);

        var oidc = System.Text.Json.JsonDocument.Parse(await oauth.Http.GetStringAsync(".well-known/openid-configuration")).RootElement;

        Assert.Equal(Emulator.FrontendApiUrl, oidc.GetProperty("issuer").GetString());
        Assert.Equal(Emulator.FrontendApiUrl + "/oauth/token", oidc.GetProperty("token_endpoint").GetString());
        Assert.Equal(["public"], Strings(oidc, "subject_types_supported"));
        Assert.Equal(["RS256"], Strings(oidc, "id_token_signing_alg_values_supported"));
    }

    [Fact]
    public async Task The_frontend_jwks_needs_no_key_and_serves_the_backend_api_keys()
    {
        using var oauth = new OAuthTestClient(Emulator.FrontendApiUrl);

        var frontend = await oauth.Http.GetStringAsync(".well-known/jwks.json");
        var backend = await Client.GetAsync("/v1/jwks");

        Assert.Equal(HttpStatusCode.OK, backend.Status);
        Assert.Equal(backend.Body, frontend);
        Assert.Equal(Emulator.Instance.CurrentKeyId, System.Text.Json.JsonDocument.Parse(frontend).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString());
    }

    private static string[] Strings(System.Text.Json.JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
