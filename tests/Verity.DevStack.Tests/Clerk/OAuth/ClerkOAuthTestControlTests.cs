using System.Net;
using System.Text.Json;
using Verity.DevStack.Clerk;
using Verity.DevStack.Clerk.OAuth;

namespace Verity.DevStack.Tests.Clerk.OAuth;

/// <summary><c>POST /__emulator/oauth/access-tokens</c>: tokens a resource server's tests need, including ones to reject.</summary>
public sealed class ClerkOAuthTestControlTests : OAuthEmulatorTestBase
{
    [Fact]
    public async Task By_default_the_token_is_what_the_flow_would_give_and_it_verifies()
    {
        var token = await IssueAsync($$"""{"user":"{{ClerkEmulatorSeed.AliceEmail}}","audience":"{{OAuthTestClient.Resource}}"}""");

        var jwt = token.GetProperty("access_token").GetString()!;
        Assert.True((await OAuth.ValidateAsync(jwt, OAuthTestClient.Resource, Start)).IsValid);
        var claims = JwtParts.Payload(jwt);
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, claims.GetProperty("sub").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, token.GetProperty("sub").GetString());
        Assert.Equal(Emulator.FrontendApiUrl, claims.GetProperty("iss").GetString());
        Assert.Equal("tools:read tools:write", claims.GetProperty("scope").GetString());
        Assert.Equal("client_emulator_test_control", claims.GetProperty("client_id").GetString());
        Assert.Equal(Start.ToUnixTimeSeconds() + 86_400, claims.GetProperty("exp").GetInt64());
        Assert.Equal(Emulator.Instance.CurrentKeyId, token.GetProperty("kid").GetString());
        Assert.Equal(claims.GetProperty("jti").GetString(), token.GetProperty("jti").GetString());
    }

    [Fact]
    public async Task Each_override_makes_the_token_fail_the_check_it_names()
    {
        var user = ClerkEmulatorSeed.BobUserId;
        var audience = OAuthTestClient.Resource;

        var wrongAudience = Jwt(await IssueAsync($$"""{"user":"{{user}}","audience":"https://other.example.com/mcp"}"""));
        var wrongIssuer = Jwt(await IssueAsync($$"""{"user":"{{user}}","audience":"{{audience}}","issuer":"https://evil.example.com"}"""));
        var expired = Jwt(await IssueAsync($$"""{"user":"{{user}}","audience":"{{audience}}","expires_in_seconds":-60}"""));
        var notYetValid = Jwt(await IssueAsync($$"""{"user":"{{user}}","audience":"{{audience}}","not_before_in_seconds":300}"""));
        var unknownKidResponse = await IssueAsync($$"""{"user":"{{user}}","audience":"{{audience}}","unknown_kid":true}""");
        var readOnly = Jwt(await IssueAsync($$"""{"user":"{{user}}","audience":"{{audience}}","scope":"tools:read","client_id":"client_x"}"""));

        Assert.Contains("audience", (await OAuth.ValidateAsync(wrongAudience, audience, Start)).Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("issuer", (await OAuth.ValidateAsync(wrongIssuer, audience, Start)).Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Start.ToUnixTimeSeconds() - 60, JwtParts.Payload(expired).GetProperty("exp").GetInt64());
        Assert.False((await OAuth.ValidateAsync(expired, audience, Start)).IsValid);
        Assert.Equal(Start.ToUnixTimeSeconds() + 300, JwtParts.Payload(notYetValid).GetProperty("nbf").GetInt64());
        Assert.False((await OAuth.ValidateAsync(notYetValid, audience, Start)).IsValid);
        Assert.True((await OAuth.ValidateAsync(notYetValid, audience, Start.AddSeconds(300))).IsValid);

        var unknownKid = Jwt(unknownKidResponse);
        var kid = unknownKidResponse.GetProperty("kid").GetString();
        Assert.StartsWith("ins_", kid, StringComparison.Ordinal);
        Assert.Equal(kid, JwtParts.Header(unknownKid).GetProperty("kid").GetString());
        Assert.DoesNotContain(kid, (await OAuth.FetchJwksAsync()).Select(k => k.KeyId));
        Assert.False((await OAuth.ValidateAsync(unknownKid, audience, Start)).IsValid);

        Assert.True((await OAuth.ValidateAsync(readOnly, audience, Start)).IsValid);
        Assert.Equal("tools:read", JwtParts.Payload(readOnly).GetProperty("scope").GetString());
        Assert.Equal("client_x", JwtParts.Payload(readOnly).GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task A_bad_body_or_an_unknown_user_is_a_clerk_error()
    {
        var noUser = await Client.PostAsync("/__emulator/oauth/access-tokens", """{"audience":"https://x.example.com"}""");
        var badScope = await Client.PostAsync("/__emulator/oauth/access-tokens", """{"user":"alice@example.com","scope":"a \"b"}""");
        var unknownUser = await Client.PostAsync("/__emulator/oauth/access-tokens", """{"user":"nobody@example.com"}""");

        noUser.AssertClerkError(HttpStatusCode.BadRequest, "request_body_invalid");
        badScope.AssertClerkError(HttpStatusCode.BadRequest, "request_body_invalid");
        unknownUser.AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task In_process_the_emulator_mints_the_same_tokens()
    {
        var token = Emulator.IssueOAuthAccessToken(new ClerkOAuthAccessTokenRequest(ClerkEmulatorSeed.CarolUserId) { Audience = OAuthTestClient.Resource, Lifetime = TimeSpan.FromMinutes(5) });

        Assert.True((await OAuth.ValidateAsync(token.Jwt, OAuthTestClient.Resource, Start)).IsValid);
        Assert.Equal(Start.AddMinutes(5), token.ExpiresAt);
        Assert.DoesNotContain(token.Jwt, token.ToString(), StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Emulator.IssueOAuthAccessToken(new ClerkOAuthAccessTokenRequest("user_nobody")));
    }

    [Fact]
    public async Task Without_test_control_the_route_does_not_exist()
    {
        await using var emulator = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { ReuseSigningKeyMaterial = true });
        using var http = new HttpClient();

        using var response = await http.PostAsync(emulator.BaseUrl + "/__emulator/oauth/access-tokens", new StringContent("""{"user":"alice@example.com"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> IssueAsync(string body)
    {
        var response = await Client.PostAsync("/__emulator/oauth/access-tokens", body);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json;
    }

    private static string Jwt(JsonElement token) => token.GetProperty("access_token").GetString()!;
}
