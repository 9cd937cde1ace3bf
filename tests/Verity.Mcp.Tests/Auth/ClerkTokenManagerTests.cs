using System.Net;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkTokenManagerTests
{
    [Fact]
    public async Task Expiry_comes_from_the_exp_claim_and_the_token_is_served_until_exp_minus_the_default_margin()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();

        var first = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(60), first.ExpiresAt);
        Assert.Equal(ClerkAuthHarness.Start, first.IssuedAt);
        harness.Advance(TimeSpan.FromSeconds(44.9));
        var cached = harness.Manager.GetTokenAsync();
        Assert.True(cached.IsCompletedSuccessfully);
        Assert.Same(first, await cached);
        Assert.Equal(1, harness.Gate.TokenCalls);

        // At exp − 15 s (min(15 s, 60 s / 4)) one caller starts a renewal but still gets the valid token.
        harness.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Same(first, await harness.Manager.GetTokenAsync());
        await harness.PendingMint;
        Assert.Equal(2, harness.Gate.TokenCalls);

        var renewed = await harness.Manager.GetTokenAsync();
        Assert.NotSame(first, renewed);
        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(105), renewed.ExpiresAt);
    }

    [Fact]
    public async Task The_requested_lifetime_is_sent_and_the_default_margin_is_a_quarter_of_a_short_lifetime()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.TokenLifetimeSeconds] = "40",
        });

        var token = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(40), token.ExpiresAt);
        harness.Advance(TimeSpan.FromSeconds(29));
        Assert.Same(token, await harness.Manager.GetTokenAsync());
        Assert.Equal(1, harness.Gate.TokenCalls);
        harness.Advance(TimeSpan.FromSeconds(1)); // exp − 10 s
        Assert.Same(token, await harness.Manager.GetTokenAsync());
        await harness.PendingMint;
        Assert.Equal(2, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task A_configured_margin_decides_when_renewal_starts()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.TokenLifetimeSeconds] = "300",
            [ClerkConfigurationKeys.TokenRefreshMarginSeconds] = "100",
        });

        var token = await harness.Manager.GetTokenAsync();
        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(300), token.ExpiresAt);

        harness.Advance(TimeSpan.FromSeconds(199));
        await harness.Manager.GetTokenAsync();
        Assert.Equal(1, harness.Gate.TokenCalls);

        harness.Advance(TimeSpan.FromSeconds(1));
        await harness.Manager.GetTokenAsync();
        await harness.PendingMint;
        Assert.Equal(2, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task Inside_the_margin_nobody_waits_for_the_renewal_while_the_token_is_still_valid()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        var first = await harness.Manager.GetTokenAsync();
        harness.Gate.HoldTokenCalls();
        harness.Advance(TimeSpan.FromSeconds(50));

        for (var i = 0; i < 100; i++)
        {
            var call = harness.Manager.GetTokenAsync();
            Assert.True(call.IsCompletedSuccessfully);
            Assert.Same(first, await call);
        }

        await harness.Gate.TokenCallArrived.WaitAsync(TimeSpan.FromSeconds(10)); // the first mint's arrival
        await harness.Gate.TokenCallArrived.WaitAsync(TimeSpan.FromSeconds(10)); // the one renewal
        Assert.Equal(2, harness.Gate.TokenCalls);

        harness.Gate.ReleaseTokenCalls();
        await harness.PendingMint;
        Assert.NotSame(first, await harness.Manager.GetTokenAsync());
        Assert.Equal(2, harness.Emulator.TokensIssued);
    }

    [Fact]
    public async Task Past_its_validity_a_token_is_not_served_and_callers_wait_for_the_mint()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        var first = await harness.Manager.GetTokenAsync();
        harness.Gate.HoldTokenCalls();
        harness.Advance(TimeSpan.FromSeconds(59)); // exp − 1 s: could expire in flight

        var waiting = harness.Manager.GetTokenAsync();

        Assert.False(waiting.IsCompleted);
        harness.Gate.ReleaseTokenCalls();
        Assert.NotSame(first, await waiting);
    }

    [Fact]
    public async Task A_thousand_concurrent_callers_share_exactly_one_mint()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Gate.HoldTokenCalls();
        using var ready = new Barrier(8);

        var callers = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() =>
            {
                ready.SignalAndWait();
                return Enumerable.Range(0, 125).Select(_ => harness.Manager.GetTokenAsync().AsTask()).ToArray();
            }))
            .ToArray();
        var calls = (await Task.WhenAll(callers)).SelectMany(c => c).ToArray();

        Assert.Equal(1000, calls.Length);
        await harness.Gate.TokenCallArrived.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        harness.Gate.ReleaseTokenCalls();

        var tokens = await Task.WhenAll(calls);
        Assert.All(tokens, token => Assert.Same(tokens[0], token));
        Assert.Equal(1, harness.Gate.TokenCalls);
        Assert.Equal(1, harness.Emulator.TokensIssued);
    }

    [Fact]
    public async Task A_cancelled_waiter_stops_waiting_but_the_shared_mint_completes_for_the_others()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Gate.HoldTokenCalls();
        using var cancelled = new CancellationTokenSource();

        var impatient = harness.Manager.GetTokenAsync(cancelled.Token).AsTask();
        var patient = harness.Manager.GetTokenAsync().AsTask();
        await harness.Gate.TokenCallArrived.WaitAsync(TimeSpan.FromSeconds(10));
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.False(patient.IsCompleted);
        harness.Gate.ReleaseTokenCalls();
        var token = await patient;

        Assert.Same(token, await harness.Manager.GetTokenAsync());
        Assert.Equal(1, harness.Emulator.TokensIssued);
    }

    [Fact]
    public async Task A_failed_mint_is_not_cached()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Emulator.InjectFaults(1, 503, "/tokens");

        var failure = await Assert.ThrowsAsync<ClerkApiException>(() => harness.Manager.GetTokenAsync().AsTask());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);

        var token = await harness.Manager.GetTokenAsync();
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, token.SessionId);
        Assert.Equal(2, harness.Gate.TokenCalls);
        Assert.Single(harness.LogsWithId(3003));
    }

    [Fact]
    public async Task A_failed_renewal_keeps_the_valid_token_and_a_caller_tries_again_a_second_later()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        var first = await harness.Manager.GetTokenAsync();
        harness.Emulator.InjectFaults(1, 500, "/tokens");
        harness.Advance(TimeSpan.FromSeconds(46));

        Assert.Same(first, await harness.Manager.GetTokenAsync());
        var failed = harness.PendingMint;
        await Assert.ThrowsAsync<ClerkApiException>(() => failed);
        Assert.Same(first, await harness.Manager.GetTokenAsync());
        Assert.Same(failed, harness.PendingMint); // no renewal during the pause

        harness.Advance(ClerkTokenManager.RenewalRetryDelay);
        Assert.Same(first, await harness.Manager.GetTokenAsync());
        await harness.PendingMint;

        Assert.NotSame(first, await harness.Manager.GetTokenAsync());
        Assert.Equal(3, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task Once_the_token_is_no_longer_valid_a_failed_renewal_does_not_hold_callers_back()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        await harness.Manager.GetTokenAsync();
        harness.Emulator.InjectFaults(1, 500, "/tokens");
        harness.Advance(TimeSpan.FromSeconds(60));

        await Assert.ThrowsAsync<ClerkApiException>(() => harness.Manager.GetTokenAsync().AsTask());
        var token = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(120), token.ExpiresAt);
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_on_the_injected_clock()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Emulator.InjectFaults(1, ClerkFault.Status(429, retryAfterSeconds: 3), "/tokens");

        var call = harness.Manager.GetTokenAsync().AsTask();
        await harness.Clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(harness.Clock.TimerDueTimes));
        Assert.False(call.IsCompleted);
        harness.Advance(TimeSpan.FromSeconds(3));
        var token = await call;

        Assert.Equal(2, harness.Gate.TokenCalls);
        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(63), token.ExpiresAt);
        Assert.Single(harness.LogsWithId(3007));
    }

    [Fact]
    public async Task A_mint_that_waited_out_a_429_neither_warns_of_clock_skew_nor_shortens_the_token()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Emulator.InjectFaults(1, ClerkFault.Status(429, retryAfterSeconds: 10), "/tokens");

        var call = harness.Manager.GetTokenAsync().AsTask();
        await harness.Clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Advance(TimeSpan.FromSeconds(10));
        var token = await call;

        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(70), token.ExpiresAt);
        Assert.Empty(harness.LogsWithId(3012));
        harness.Advance(TimeSpan.FromSeconds(44.9)); // exp − 15.1 s: still before the default margin
        Assert.Same(token, await harness.Manager.GetTokenAsync());
        await harness.PendingMint; // a renewal, had one started, would be a third token call
        Assert.Equal(2, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task A_refresh_margin_of_0_still_renews_two_seconds_before_exp_while_the_token_is_handed_out()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.TokenRefreshMarginSeconds] = "0",
        });
        var first = await harness.Manager.GetTokenAsync();

        harness.Advance(TimeSpan.FromSeconds(57.9));
        Assert.Same(first, await harness.Manager.GetTokenAsync());
        Assert.Equal(1, harness.Gate.TokenCalls);

        harness.Advance(TimeSpan.FromSeconds(0.1)); // exp − 2 s
        var during = harness.Manager.GetTokenAsync();
        Assert.True(during.IsCompletedSuccessfully);
        Assert.Same(first, await during);
        await harness.PendingMint;

        Assert.Equal(2, harness.Gate.TokenCalls);
        Assert.NotSame(first, await harness.Manager.GetTokenAsync());
    }

    [Fact]
    public async Task Rate_limiting_gives_up_after_a_bounded_number_of_attempts()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        harness.Emulator.InjectFaults(10, ClerkFault.Status(429, retryAfterSeconds: 1), "/tokens");

        var call = harness.Manager.GetTokenAsync().AsTask();
        for (var wait = 1; wait < ClerkApiClient.MaxRateLimitAttempts; wait++)
        {
            await harness.Clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(10));
            harness.Advance(TimeSpan.FromSeconds(1));
        }

        var failure = await Assert.ThrowsAsync<ClerkApiException>(() => call);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(ClerkApiClient.MaxRateLimitAttempts, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task A_session_gone_404_selects_a_session_again_and_retries_once()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId,
        });
        var first = await harness.Manager.GetTokenAsync();
        Assert.Equal(ClerkEmulatorSeed.BobRecentSessionId, first.SessionId);

        harness.Emulator.RevokeSession(ClerkEmulatorSeed.BobRecentSessionId);
        harness.Advance(TimeSpan.FromSeconds(60));
        var second = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkEmulatorSeed.BobOlderSessionId, second.SessionId);
        Assert.Equal(3, harness.Gate.TokenCalls);
        Assert.Single(harness.LogsWithId(3006));
    }

    [Fact]
    public async Task A_gone_session_is_replaced_by_another_session_of_the_same_user_never_by_another_user()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        var first = await harness.Manager.GetTokenAsync();
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, first.Subject);

        // Alice signs in elsewhere and her old session is revoked; meanwhile an older user is imported.
        harness.Emulator.RevokeSession(ClerkEmulatorSeed.AliceSessionId);
        var aliceAgain = harness.Emulator.CreateSession(ClerkEmulatorSeed.AliceUserId);
        var imported = harness.Emulator.Instance.AddUser("Olga", "Old", "olga@example.com", createdAt: ClerkAuthHarness.Start.AddYears(-1));
        harness.Emulator.CreateSession(imported.Id);
        harness.Advance(TimeSpan.FromSeconds(60));

        var second = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkEmulatorSeed.AliceUserId, second.Subject);
        Assert.Equal(aliceAgain.Id, second.SessionId);
        Assert.Single(harness.LogsWithId(3006));
    }

    [Fact]
    public async Task When_the_user_has_no_session_left_the_error_names_that_user_and_no_other_user_is_tried()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        await harness.Manager.GetTokenAsync();
        harness.Emulator.RevokeSession(ClerkEmulatorSeed.AliceSessionId);
        var imported = harness.Emulator.Instance.AddUser("Olga", "Old", "olga@example.com", createdAt: ClerkAuthHarness.Start.AddYears(-1));
        var olgasSession = harness.Emulator.CreateSession(imported.Id);
        harness.Advance(TimeSpan.FromSeconds(60));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => harness.Manager.GetTokenAsync().AsTask());
            Assert.Contains(ClerkEmulatorSeed.AliceUserId, failure.Message, StringComparison.Ordinal);
            Assert.Contains("no active Clerk session", failure.Message, StringComparison.Ordinal);
            harness.Advance(ClerkTokenManager.RenewalRetryDelay);
        }

        Assert.Equal(0, harness.Emulator.Instance.TokensIssuedFor(olgasSession.Id));
        Assert.DoesNotContain(harness.Emulator.Instance.Requests, r => r.Query.Contains(imported.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ClerkConfigurationKeys.UserId, ClerkEmulatorSeed.BobUserId)]
    [InlineData(ClerkConfigurationKeys.SessionId, ClerkEmulatorSeed.BobRecentSessionId)]
    public async Task An_unknown_JWT_template_says_so_instead_of_sign_in_again_and_is_not_taken_for_a_gone_session(string pin, string value)
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [pin] = value,
            [ClerkConfigurationKeys.JwtTemplate] = "no-such-template",
        });

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => harness.Manager.GetTokenAsync().AsTask());

        Assert.StartsWith("CLERK_JWT_TEMPLATE=no-such-template is not a JWT template of this Clerk instance", failure.Message, StringComparison.Ordinal);
        Assert.Contains("No JWT template exists with name: no-such-template", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sign in", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, harness.Gate.TokenCalls);
        Assert.Empty(harness.LogsWithId(3006));
    }

    [Fact]
    public async Task A_known_JWT_template_mints_through_it()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId,
            [ClerkConfigurationKeys.JwtTemplate] = ClerkEmulatorOptions.DefaultTemplateName,
        });

        var token = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkEmulatorSeed.BobUserId, token.Subject);
        Assert.Equal(ClerkEmulatorOptions.DefaultTemplateName, Assert.Single(harness.Emulator.Instance.IssuedTokens).Template);
    }

    [Fact]
    public async Task A_second_404_after_selecting_again_surfaces()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId,
        });
        harness.Emulator.InjectFaults(2, 404, "/tokens");

        var failure = await Assert.ThrowsAsync<ClerkApiException>(() => harness.Manager.GetTokenAsync().AsTask());

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal(2, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task A_pinned_session_that_is_gone_fails_with_a_message_that_says_how_to_fix_it()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.SessionId] = ClerkEmulatorSeed.AliceEndedSessionId,
        });

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => harness.Manager.GetTokenAsync().AsTask());

        Assert.Contains("CLERK_SESSION_ID=" + ClerkEmulatorSeed.AliceEndedSessionId, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sign in to the web app again", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task With_nothing_pinned_the_oldest_user_is_used_with_a_warning_that_says_how_to_pin_one()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();

        var token = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkEmulatorSeed.AliceUserId, token.Subject);
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, token.SessionId);
        var warning = Assert.Single(harness.LogsWithId(3008));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains(ClerkEmulatorSeed.AliceUserId, warning.Message, StringComparison.Ordinal);
        Assert.Contains(ClerkEmulatorSeed.AliceEmail, warning.Message, StringComparison.Ordinal);
        Assert.Contains("CLERK_USER_ID=" + ClerkEmulatorSeed.AliceUserId, warning.Message, StringComparison.Ordinal);
        Assert.Contains("oldest user", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalidate_drops_only_the_token_the_cache_still_holds()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        var first = await harness.Manager.GetTokenAsync();

        Assert.True(harness.Manager.Invalidate(first));
        var second = await harness.Manager.GetTokenAsync();
        Assert.NotSame(first, second);

        Assert.False(harness.Manager.Invalidate(first));
        Assert.Same(second, await harness.Manager.GetTokenAsync());
        Assert.Equal(2, harness.Gate.TokenCalls);
    }

    [Fact]
    public async Task A_local_clock_far_from_Clerks_times_expiry_from_the_tokens_arrival()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(clockSkew: TimeSpan.FromMinutes(10));

        var token = await harness.Manager.GetTokenAsync();

        // By exp alone the token would look expired ten minutes ago and every call would mint.
        Assert.Same(token, await harness.Manager.GetTokenAsync());
        harness.Advance(TimeSpan.FromSeconds(44));
        Assert.Same(token, await harness.Manager.GetTokenAsync());
        Assert.Equal(1, harness.Gate.TokenCalls);
        Assert.Single(harness.LogsWithId(3012));
    }

    [Fact]
    public async Task Inspect_reports_who_the_token_is_for_without_touching_the_cache()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.SessionId] = ClerkEmulatorSeed.CarolSessionId,
        });

        var inspection = await harness.Manager.InspectAsync();

        Assert.Equal(ClerkEmulatorSeed.CarolUserId, inspection.UserId);
        Assert.Equal(ClerkEmulatorSeed.CarolEmail, inspection.Email);
        Assert.Equal(ClerkEmulatorSeed.CarolSessionId, inspection.SessionId);
        Assert.Equal(ClerkEmulatorSeed.CarolSessionId, inspection.TokenSessionId);
        Assert.Equal(ClerkEmulatorSeed.CarolUserId, inspection.Subject);
        Assert.Equal(ClerkSubjectSource.SessionId, inspection.Source);
        Assert.Equal(ClerkAuthHarness.Start.AddSeconds(60), inspection.ExpiresAt);
        Assert.Matches("^[0-9a-f]{8}$", inspection.Fingerprint);
        Assert.Null(harness.Manager.PendingMint);
    }
}
