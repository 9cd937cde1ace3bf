using System.Net;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkApiClientTests
{
    [Fact]
    public async Task Users_are_listed_newest_first_or_oldest_first_and_filtered_by_id_or_email()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();

        var newest = Assert.Single(await harness.Client.ListUsersAsync(limit: 1));
        var first = Assert.Single(await harness.Client.ListUsersAsync(limit: 1, orderBy: ClerkApiClient.OldestFirst));
        var byId = Assert.Single(await harness.Client.ListUsersAsync(userId: ClerkEmulatorSeed.BobUserId));
        var byEmail = Assert.Single(await harness.Client.ListUsersAsync(emailAddress: ClerkEmulatorSeed.CarolEmail));

        Assert.Equal(ClerkEmulatorSeed.DaveUserId, newest.Id);
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, first.Id);
        Assert.Equal(ClerkEmulatorSeed.AliceEmail, first.PrimaryEmail);
        Assert.Equal(ClerkEmulatorSeed.BobUserId, byId.Id);
        Assert.Equal(ClerkEmulatorSeed.CarolUserId, byEmail.Id);
        Assert.Empty(await harness.Client.ListUsersAsync(emailAddress: "nobody@example.com"));
    }

    [Fact]
    public async Task Every_request_carries_the_API_version()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();

        await harness.Client.ListUsersAsync();
        await harness.Client.ListActiveSessionsAsync(ClerkEmulatorSeed.AliceUserId);
        await harness.Client.CreateSessionTokenAsync(ClerkEmulatorSeed.AliceSessionId);

        Assert.Equal(3, harness.Emulator.Instance.Requests.Count);
        Assert.All(harness.Emulator.Instance.Requests, r => Assert.Equal(ClerkOptions.ApiVersion, r.ApiVersion));
        Assert.All(harness.Emulator.Instance.Requests, r => Assert.InRange(r.StatusCode, 200, 299));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Active_sessions_are_read_from_the_paginated_and_the_bare_array_forms(bool bareArray)
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Gate.AskForBareSessionArrays = bareArray;

        var sessions = await harness.Client.ListActiveSessionsAsync(ClerkEmulatorSeed.BobUserId);

        Assert.Equal(
            [ClerkEmulatorSeed.BobRecentSessionId, ClerkEmulatorSeed.BobOlderSessionId],
            sessions.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(sessions, s => Assert.True(s.IsActive));
        Assert.Contains(harness.Gate.Calls, c => c.Contains("paginated=true", StringComparison.Ordinal) != bareArray);
    }

    [Fact]
    public async Task A_token_is_minted_with_the_requested_lifetime_and_template()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();

        var jwt = await harness.Client.CreateSessionTokenAsync(ClerkEmulatorSeed.AliceSessionId, expiresInSeconds: 120, template: ClerkEmulatorOptions.DefaultTemplateName);
        var token = ClerkSessionToken.Parse(jwt, "unused");

        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(120), token.ExpiresAt);
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, token.Subject);
        Assert.Contains(harness.Gate.Calls, c => c.EndsWith("/tokens/" + ClerkEmulatorOptions.DefaultTemplateName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_is_created_only_when_the_operator_opted_in()
    {
        await using var refused = await ClerkAuthHarness.StartAsync();
        await Assert.ThrowsAsync<ClerkAuthenticationException>(() => refused.Client.CreateSessionAsync(ClerkEmulatorSeed.DaveUserId));
        Assert.Equal(0, refused.Emulator.Instance.SessionsCreated);

        await using var allowed = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?> { [ClerkConfigurationKeys.CreateSession] = "true" });
        var session = await allowed.Client.CreateSessionAsync(ClerkEmulatorSeed.DaveUserId);

        Assert.True(session.IsActive);
        Assert.Equal(ClerkEmulatorSeed.DaveUserId, session.UserId);
        Assert.Equal(1, allowed.Emulator.Instance.SessionsCreated);
    }

    [Fact]
    public async Task A_wrong_key_becomes_an_exception_with_Clerks_code_message_and_trace_id_but_not_the_key()
    {
        const string wrongKey = "sk_test_WrongKeyWrongKeyWrongKey00";
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?> { [ClerkConfigurationKeys.SecretKey] = wrongKey });

        var failure = await Assert.ThrowsAsync<ClerkApiException>(() => harness.Client.ListUsersAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal("clerk_key_invalid", failure.Code);
        Assert.False(string.IsNullOrEmpty(failure.LongMessage));
        Assert.False(string.IsNullOrEmpty(failure.TraceId));
        Assert.Contains("clerk_key_invalid", failure.Message, StringComparison.Ordinal);
        Assert.Contains(failure.TraceId!, failure.Message, StringComparison.Ordinal);
        Assert.Contains("CLERK_SECRET_KEY", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Emulator.SecretKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_an_ended_session_is_a_404_resource_not_found()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();

        var failure = await Assert.ThrowsAsync<ClerkApiException>(() => harness.Client.CreateSessionTokenAsync(ClerkEmulatorSeed.DaveEndedSessionId));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("resource_not_found", failure.Code);
        Assert.Contains("POST /v1/sessions/" + ClerkEmulatorSeed.DaveEndedSessionId + "/tokens", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_rate_limit_is_waited_out_through_the_clock()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(configureEmulator: o => o.RateLimitPermits = 2);
        await harness.Client.ListUsersAsync();
        await harness.Client.ListUsersAsync();

        var third = harness.Client.ListUsersAsync();
        await harness.Clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(10));
        var wait = Assert.Single(harness.Clock.TimerDueTimes);
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        harness.Advance(wait);

        Assert.NotEmpty(await third);
        Assert.Equal(1, harness.Emulator.Instance.RateLimited);
    }

    [Fact]
    public async Task An_unreachable_Clerk_is_named_as_such_rather_than_passing_for_an_API_failure()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.ApiUrl] = $"http://127.0.0.1:{closedPort}",
        });

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => harness.Manager.GetTokenAsync().AsTask());

        Assert.StartsWith("Could not reach Clerk for GET /v1/users at http://127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CLERK_API_URL", failure.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }
}
