using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk.OAuth;

public sealed class ClerkOAuthTokenInfoTests : OAuthEmulatorTestBase
{
    [Fact]
    public async Task Token_info_describes_a_live_access_token_and_says_inactive_once_it_expires()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var token = await OAuth.ExchangeCodeAsync(clientId, await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.AliceEmail), pkce.Verifier);
        var jwt = token.Json.GetProperty("access_token").GetString()!;

        var live = await IntrospectAsync(clientId, jwt);
        Time.Advance(TimeSpan.FromDays(1));
        var expired = await IntrospectAsync(clientId, jwt);
        var unknown = await IntrospectAsync(clientId, "not-a-token");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.True(live.Json.GetProperty("active").GetBoolean());
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, live.Json.GetProperty("sub").GetString());
        Assert.Equal(clientId, live.Json.GetProperty("client_id").GetString());
        Assert.Equal(OAuthTestClient.Resource, live.Json.GetProperty("aud").GetString());
        Assert.Equal("tools:read tools:write", live.Json.GetProperty("scope").GetString());
        Assert.Equal("""{"active":false}""", expired.Body);
        Assert.Equal("""{"active":false}""", unknown.Body);
    }

    [Fact]
    public async Task Token_info_needs_a_known_client()
    {
        var response = await IntrospectAsync("nobody", "x");

        response.AssertError(HttpStatusCode.Unauthorized, "invalid_client");
    }

    private async Task<OAuthResponse> IntrospectAsync(string clientId, string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = clientId, ["token"] = token });
        using var response = await OAuth.Http.PostAsync("oauth/token_info", content);
        return await OAuthResponse.ReadAsync(response);
    }
}
