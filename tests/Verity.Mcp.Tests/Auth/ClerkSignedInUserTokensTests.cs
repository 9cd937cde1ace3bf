using System.Net;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

/// <summary>Remote mode: each request carries a session token of its signed-in user, against the real emulator.</summary>
public sealed class ClerkSignedInUserTokensTests
{
    private const string Alice = ClerkEmulatorSeed.AliceUserId;
    private const string Bob = ClerkEmulatorSeed.BobUserId;
    private const string Carol = ClerkEmulatorSeed.CarolUserId;

    [Fact]
    public async Task Two_users_calling_at_once_each_get_a_token_for_their_own_session()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();

        var statuses = await Task.WhenAll(GetAsAsync(http, Alice, "/api/alice"), GetAsAsync(http, Bob, "/api/bob"));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal((Alice, ClerkEmulatorSeed.AliceSessionId), SeenBy(api, "/api/alice"));
        Assert.Equal((Bob, ClerkEmulatorSeed.BobRecentSessionId), SeenBy(api, "/api/bob"));
        Assert.Equal(1, api.Harness.Emulator.Instance.TokensIssuedFor(ClerkEmulatorSeed.AliceSessionId));
        Assert.Equal(1, api.Harness.Emulator.Instance.TokensIssuedFor(ClerkEmulatorSeed.BobRecentSessionId));
        Assert.Equal(2, api.Harness.SignedInUserTokens.CachedUsers);
        Assert.Equal(
            [ClerkEmulatorSeed.AliceSessionId, ClerkEmulatorSeed.BobRecentSessionId],
            api.Harness.Emulator.Instance.IssuedTokens.Select(t => t.SessionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_calls_of_one_user_share_one_mint()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();
        api.Harness.Gate.HoldTokenCalls();

        var calls = Enumerable.Range(0, 20).Select(i => GetAsAsync(http, Bob, $"/api/calls/{i}")).ToArray();
        Assert.True(await api.Harness.Gate.TokenCallArrived.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        api.Harness.Gate.ReleaseTokenCalls();

        Assert.All(await Task.WhenAll(calls), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, api.Harness.Gate.TokenCalls);
        Assert.Equal(1, api.Harness.Emulator.TokensIssued);
        Assert.Single(api.Server.Requests.Select(r => r.Authorization).Distinct());
    }

    [Fact]
    public async Task A_401_mints_again_once_for_that_user_only()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();
        await GetAsAsync(http, Alice, "/api/first");
        await GetAsAsync(http, Bob, "/api/first");
        api.Server.RejectNext(1);

        Assert.Equal(HttpStatusCode.OK, await GetAsAsync(http, Alice, "/api/again"));
        Assert.Equal(HttpStatusCode.OK, await GetAsAsync(http, Bob, "/api/again"));

        Assert.Equal(2, api.Harness.Emulator.Instance.TokensIssuedFor(ClerkEmulatorSeed.AliceSessionId));
        Assert.Equal(1, api.Harness.Emulator.Instance.TokensIssuedFor(ClerkEmulatorSeed.BobRecentSessionId));
        var again = api.Server.Requests.Where(r => r.PathAndQuery == "/api/again").ToArray();
        Assert.Equal([401, 200, 200], again.Select(r => r.Status));
        Assert.Equal(Alice, Claims(again[1]).UserId);
        Assert.Equal(Bob, Claims(again[2]).UserId);
        Assert.Single(api.Harness.LogsWithId(3004));
    }

    [Fact]
    public async Task Without_a_signed_in_user_a_request_fails_before_anything_is_sent()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();
        Assert.Null(ClerkSignedInUser.UserId);

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => http.GetAsync("/api/agents"));

        Assert.Contains("No signed-in user", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ClerkSignedInUser.Use(userId)", failure.Message, StringComparison.Ordinal);
        Assert.Empty(api.Server.Requests);
        Assert.Equal(0, api.Harness.Emulator.Instance.RequestsReceived);
        Assert.Equal(0, api.Harness.SignedInUserTokens.CachedUsers);
    }

    [Fact]
    public async Task A_user_without_an_active_session_is_told_to_sign_in_to_the_app_the_host_names()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync(configureClerk: options => options.AppName = "the Example web app");
        using var http = api.CreateClient();

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => GetAsAsync(http, ClerkEmulatorSeed.DaveUserId, "/api/agents"));

        Assert.Equal(
            $"User {ClerkEmulatorSeed.DaveUserId} has no active session: sign in to the Example web app once, then make the call again.",
            failure.Message);
        Assert.Empty(api.Server.Requests);
        Assert.Equal(0, api.Harness.Gate.TokenCalls);
        Assert.Single(api.Harness.LogsWithId(3019));
    }

    [Fact]
    public async Task The_runtimes_own_sign_in_advice_names_no_particular_app()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => GetAsAsync(http, ClerkEmulatorSeed.DaveUserId, "/api/agents"));

        Assert.Contains("sign in to the web app once", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_users_session_ends_the_next_mint_uses_their_most_recent_active_session()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();
        await GetAsAsync(http, Bob, "/api/before");

        api.Harness.Emulator.EndSession(ClerkEmulatorSeed.BobRecentSessionId);
        api.Harness.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, await GetAsAsync(http, Bob, "/api/after"));

        Assert.Equal((Bob, ClerkEmulatorSeed.BobRecentSessionId), SeenBy(api, "/api/before"));
        Assert.Equal((Bob, ClerkEmulatorSeed.BobOlderSessionId), SeenBy(api, "/api/after"));
        Assert.Single(api.Harness.LogsWithId(3006));
    }

    [Theory]
    [InlineData(410)]
    [InlineData(422)]
    public async Task A_410_or_422_on_the_token_call_means_the_session_is_gone_too(int status)
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync();
        using var http = api.CreateClient();
        api.Harness.Emulator.InjectFaults(1, status, "/tokens");

        Assert.Equal(HttpStatusCode.OK, await GetAsAsync(http, Bob, "/api/agents"));

        Assert.Equal(2, api.Harness.Gate.TokenCalls);
        Assert.Equal(2, api.Harness.Gate.Calls.Count(call => call.StartsWith("GET /v1/sessions?", StringComparison.Ordinal)));
        Assert.Equal((Bob, ClerkEmulatorSeed.BobRecentSessionId), SeenBy(api, "/api/agents"));
        Assert.Single(api.Harness.LogsWithId(3006));
    }

    [Fact]
    public async Task A_new_user_beyond_the_cap_drops_the_least_recently_active_one()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.MaxCachedUsers] = "2",
        });
        var tokens = api.Harness.SignedInUserTokens;
        var alices = ManagerOf(tokens, Alice);
        api.Harness.Advance(TimeSpan.FromSeconds(1));
        ManagerOf(tokens, Bob);
        api.Harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(alices, ManagerOf(tokens, Alice));
        api.Harness.Advance(TimeSpan.FromSeconds(1));

        ManagerOf(tokens, Carol);

        Assert.Equal(2, tokens.CachedUsers);
        Assert.True(tokens.IsCached(Alice));
        Assert.False(tokens.IsCached(Bob));
        Assert.True(tokens.IsCached(Carol));
        Assert.Equal(Bob, Assert.Single(api.Harness.LogsWithId(3018)).StructuredState!.Single(p => p.Key == "UserId").Value);
        Assert.Equal(0, api.Harness.Emulator.Instance.RequestsReceived); // holding a user's cache contacts no one
    }

    [Fact]
    public async Task Users_idle_longer_than_the_setting_are_dropped_and_start_afresh_on_their_next_call()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.UserIdleSeconds] = "900",
        });
        var tokens = api.Harness.SignedInUserTokens;
        var alices = ManagerOf(tokens, Alice);
        api.Harness.Advance(TimeSpan.FromSeconds(600));
        ManagerOf(tokens, Bob);
        api.Harness.Advance(TimeSpan.FromSeconds(300));

        ManagerOf(tokens, Bob); // Alice idle exactly 900 s: kept
        Assert.True(tokens.IsCached(Alice));
        api.Harness.Advance(TimeSpan.FromSeconds(1));
        ManagerOf(tokens, Bob);

        Assert.False(tokens.IsCached(Alice));
        Assert.True(tokens.IsCached(Bob));
        Assert.Single(api.Harness.LogsWithId(3017));
        Assert.NotSame(alices, ManagerOf(tokens, Alice));
    }

    [Fact]
    public async Task Dropping_a_user_while_their_call_waits_for_a_token_does_not_break_the_call()
    {
        await using var api = await AuthenticatedApi.StartForSignedInUsersAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.MaxCachedUsers] = "1",
        });
        using var http = api.CreateClient();
        api.Harness.Gate.HoldTokenCalls();
        var alicesCall = GetAsAsync(http, Alice, "/api/alice");
        Assert.True(await api.Harness.Gate.TokenCallArrived.WaitAsync(TimeSpan.FromSeconds(10)));

        ManagerOf(api.Harness.SignedInUserTokens, Bob);
        Assert.False(api.Harness.SignedInUserTokens.IsCached(Alice));
        api.Harness.Gate.ReleaseTokenCalls();

        Assert.Equal(HttpStatusCode.OK, await alicesCall);
        Assert.Equal((Alice, ClerkEmulatorSeed.AliceSessionId), SeenBy(api, "/api/alice"));
        Assert.Equal(HttpStatusCode.OK, await GetAsAsync(http, Bob, "/api/bob"));
        Assert.Equal((Bob, ClerkEmulatorSeed.BobRecentSessionId), SeenBy(api, "/api/bob"));
    }

    [Fact]
    public async Task The_signed_in_user_flows_into_work_the_call_starts_and_a_scope_restores_the_previous_user()
    {
        Assert.Null(ClerkSignedInUser.UserId);
        using (ClerkSignedInUser.Use(Alice))
        {
            Assert.Equal(Alice, await Task.Run(() => ClerkSignedInUser.UserId));
            using (ClerkSignedInUser.Use(Bob))
            {
                Assert.Equal(Bob, ClerkSignedInUser.UserId);
            }

            Assert.Equal(Alice, ClerkSignedInUser.UserId);
        }

        Assert.Null(ClerkSignedInUser.UserId);
    }

    /// <summary>Sets the signed-in user the way the transport does, for this call only (an async method keeps it to itself).</summary>
    private static async Task<HttpStatusCode> GetAsAsync(HttpClient http, string userId, string path)
    {
        using var scope = ClerkSignedInUser.Use(userId);
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    private static IClerkTokenManager ManagerOf(ClerkSignedInUserTokens tokens, string userId)
    {
        using var scope = ClerkSignedInUser.Use(userId);
        return tokens.ForCurrentRequest();
    }

    private static (string? UserId, string? SessionId) SeenBy(AuthenticatedApi api, string path) =>
        Claims(Assert.Single(api.Server.Requests, r => r.PathAndQuery == path && r.Status == 200));

    private static (string? UserId, string? SessionId) Claims(ProtectedApiServer.RecordedRequest request)
    {
        Assert.True(ClerkJwtClaims.TryRead(request.Authorization["Bearer ".Length..], out var claims));
        return (claims.Subject, claims.SessionId);
    }
}
