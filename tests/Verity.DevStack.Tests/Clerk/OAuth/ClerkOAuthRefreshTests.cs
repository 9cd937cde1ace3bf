using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk.OAuth;

public sealed class ClerkOAuthRefreshTests : OAuthEmulatorTestBase
{
    [Fact]
    public async Task Refreshing_rotates_the_refresh_token_and_reusing_a_retired_one_revokes_the_family()
    {
        var (clientId, first) = await SignInAsync();
        var firstRefresh = first.Json.GetProperty("refresh_token").GetString()!;
        Time.Advance(TimeSpan.FromHours(1));

        var second = await OAuth.RefreshAsync(clientId, firstRefresh);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("no-store", second.CacheControl);
        var secondRefresh = second.Json.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(firstRefresh, secondRefresh);
        var jwt = second.Json.GetProperty("access_token").GetString()!;
        Assert.NotEqual(first.Json.GetProperty("access_token").GetString(), jwt);
        Assert.True((await OAuth.ValidateAsync(jwt, OAuthTestClient.Resource, Time.GetUtcNow())).IsValid);
        var claims = JwtParts.Payload(jwt);
        Assert.Equal(Time.GetUtcNow().ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal(OAuthTestClient.Resource, claims.GetProperty("aud").GetString());
        Assert.Equal(ClerkEmulatorSeed.BobUserId, claims.GetProperty("sub").GetString());

        // The retired token is refused, and its reuse revokes the one that replaced it.
        (await OAuth.RefreshAsync(clientId, firstRefresh)).AssertError(HttpStatusCode.BadRequest, "invalid_grant");
        (await OAuth.RefreshAsync(clientId, secondRefresh)).AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Refresh_tokens_do_not_expire()
    {
        var (clientId, first) = await SignInAsync();

        Time.Advance(TimeSpan.FromDays(400));
        var refreshed = await OAuth.RefreshAsync(clientId, first.Json.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
    }

    [Fact]
    public async Task A_refresh_may_narrow_the_scope_but_not_widen_it_and_the_next_token_keeps_the_full_grant()
    {
        var (clientId, first) = await SignInAsync();

        var narrowed = await OAuth.RefreshAsync(clientId, first.Json.GetProperty("refresh_token").GetString()!, scope: "tools:read");
        var widened = await OAuth.RefreshAsync(clientId, narrowed.Json.GetProperty("refresh_token").GetString()!, scope: "tools:read openid");
        var full = await OAuth.RefreshAsync(clientId, narrowed.Json.GetProperty("refresh_token").GetString()!);

        Assert.Equal("tools:read", narrowed.Json.GetProperty("scope").GetString());
        Assert.Equal("tools:read", JwtParts.Payload(narrowed.Json.GetProperty("access_token").GetString()!).GetProperty("scope").GetString());
        widened.AssertError(HttpStatusCode.BadRequest, "invalid_scope");
        Assert.Equal("tools:read tools:write", full.Json.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_refresh_token_works_only_for_the_client_it_was_issued_to()
    {
        var (_, first) = await SignInAsync();
        var otherClient = await OAuth.RegisterPublicClientAsync();

        var response = await OAuth.RefreshAsync(otherClient, first.Json.GetProperty("refresh_token").GetString()!);

        response.AssertError(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task A_client_registered_without_the_refresh_grant_may_not_refresh()
    {
        var registered = await OAuth.RegisterAsync($$"""{"redirect_uris":["{{OAuthTestClient.RedirectUri}}"],"token_endpoint_auth_method":"none","grant_types":["authorization_code"]}""");
        var clientId = registered.Json.GetProperty("client_id").GetString()!;
        var pkce = Pkce.New();
        var token = await OAuth.ExchangeCodeAsync(clientId, await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.BobEmail), pkce.Verifier);

        var refreshed = await OAuth.RefreshAsync(clientId, token.Json.GetProperty("refresh_token").GetString()!);

        refreshed.AssertError(HttpStatusCode.BadRequest, "unauthorized_client");
    }

    private async Task<(string ClientId, OAuthResponse Token)> SignInAsync()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        var pkce = Pkce.New();
        var code = await OAuth.GetCodeAsync(clientId, pkce, ClerkEmulatorSeed.BobEmail);
        var token = await OAuth.ExchangeCodeAsync(clientId, code, pkce.Verifier);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        return (clientId, token);
    }
}
