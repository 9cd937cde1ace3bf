using System.Net;

namespace Verity.DevStack.Tests.Clerk.OAuth;

public sealed class ClerkOAuthRegistrationTests : OAuthEmulatorTestBase
{
    [Fact]
    public async Task A_public_client_registers_without_a_secret()
    {
        var response = await OAuth.RegisterAsync("""
            {"client_name":"Cursor","redirect_uris":["cursor://anysphere.cursor-retrieval/oauth/callback","http://localhost:7777/cb"],
             "token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"scope":"tools:read"}
            """);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var client = response.Json;
        Assert.Matches("^[0-9A-Za-z]{16}$", client.GetProperty("client_id").GetString());
        Assert.False(client.TryGetProperty("client_secret", out _));
        Assert.False(client.TryGetProperty("client_secret_expires_at", out _));
        Assert.Equal(Start.ToUnixTimeSeconds(), client.GetProperty("client_id_issued_at").GetInt64());
        Assert.Equal("none", client.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal("Cursor", client.GetProperty("client_name").GetString());
        Assert.Equal("tools:read", client.GetProperty("scope").GetString());
        Assert.Equal(2, client.GetProperty("redirect_uris").GetArrayLength());
        Assert.Equal("no-store", response.CacheControl);
    }

    [Fact]
    public async Task A_confidential_client_gets_a_secret_and_by_default_authenticates_with_basic()
    {
        var response = await OAuth.RegisterAsync("""{"redirect_uris":["https://app.example.com/callback"]}""");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var client = response.Json;
        Assert.Matches("^[0-9A-Za-z]{32}$", client.GetProperty("client_secret").GetString());
        Assert.Equal(0, client.GetProperty("client_secret_expires_at").GetInt64());
        Assert.Equal("client_secret_basic", client.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(["authorization_code", "refresh_token"], client.GetProperty("grant_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["code"], client.GetProperty("response_types").EnumerateArray().Select(e => e.GetString()));
    }

    public static TheoryData<string, string> BadRegistrations => new()
    {
        { "{}", "invalid_redirect_uri" },
        { """{"redirect_uris":[]}""", "invalid_redirect_uri" },
        { """{"redirect_uris":["/callback"]}""", "invalid_redirect_uri" },
        { """{"redirect_uris":["http://app.example.com/callback"]}""", "invalid_redirect_uri" },
        { """{"redirect_uris":["https://app.example.com/callback#frag"]}""", "invalid_redirect_uri" },
        { """{"redirect_uris":["javascript:alert(1)"]}""", "invalid_redirect_uri" },
        { """{"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"private_key_jwt"}""", "invalid_client_metadata" },
        { """{"redirect_uris":["https://app.example.com/cb"],"grant_types":["client_credentials"]}""", "invalid_client_metadata" },
        { """{"redirect_uris":["https://app.example.com/cb"],"grant_types":["refresh_token"]}""", "invalid_client_metadata" },
        { """{"redirect_uris":["https://app.example.com/cb"],"response_types":["token"]}""", "invalid_client_metadata" },
        { """{"redirect_uris":["https://app.example.com/cb"],"scope":"tools:read admin"}""", "invalid_client_metadata" },
        { """{"redirect_uris":["https://app.example.com/cb"],"client_name":7}""", "invalid_client_metadata" },
        { "not json", "invalid_client_metadata" },
        { "[]", "invalid_client_metadata" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task A_bad_registration_is_an_rfc7591_error(string body, string error)
    {
        var response = await OAuth.RegisterAsync(body);

        response.AssertError(HttpStatusCode.BadRequest, error);
    }
}
