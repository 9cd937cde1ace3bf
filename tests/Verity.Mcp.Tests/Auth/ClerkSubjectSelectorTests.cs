using Microsoft.Extensions.DependencyInjection;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkSubjectSelectorTests
{
    [Fact]
    public async Task A_pinned_session_wins_over_everything_and_needs_no_lookup()
    {
        var subject = await SelectAsync(new()
        {
            [ClerkConfigurationKeys.SessionId] = ClerkEmulatorSeed.CarolSessionId,
            [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId,
            [ClerkConfigurationKeys.UserEmail] = ClerkEmulatorSeed.AliceEmail,
        });

        Assert.Equal(new ClerkSubject(ClerkEmulatorSeed.CarolSessionId, null, null, ClerkSubjectSource.SessionId), subject);
    }

    [Fact]
    public async Task A_pinned_user_id_wins_over_the_email_and_gets_its_most_recently_active_session()
    {
        var subject = await SelectAsync(new()
        {
            [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId,
            [ClerkConfigurationKeys.UserEmail] = ClerkEmulatorSeed.AliceEmail,
        });

        Assert.Equal(
            new ClerkSubject(ClerkEmulatorSeed.BobRecentSessionId, ClerkEmulatorSeed.BobUserId, ClerkEmulatorSeed.BobEmail, ClerkSubjectSource.UserId),
            subject);
    }

    [Fact]
    public async Task A_pinned_email_selects_its_user()
    {
        var subject = await SelectAsync(new() { [ClerkConfigurationKeys.UserEmail] = ClerkEmulatorSeed.CarolEmail });

        Assert.Equal(
            new ClerkSubject(ClerkEmulatorSeed.CarolSessionId, ClerkEmulatorSeed.CarolUserId, ClerkEmulatorSeed.CarolEmail, ClerkSubjectSource.UserEmail),
            subject);
    }

    [Fact]
    public async Task Nothing_pinned_selects_the_oldest_user_whoever_signed_up_since()
    {
        await using var harness = await ClerkAuthHarness.StartAsync();
        var newcomer = harness.Emulator.Instance.AddUser("Nina", "New", "nina@example.com");
        harness.Emulator.CreateSession(newcomer.Id);

        var subject = await harness.Services.GetRequiredService<ClerkSubjectSelector>().SelectAsync(CancellationToken.None);

        Assert.Equal(
            new ClerkSubject(ClerkEmulatorSeed.AliceSessionId, ClerkEmulatorSeed.AliceUserId, ClerkEmulatorSeed.AliceEmail, ClerkSubjectSource.OldestUser),
            subject);
        var lookup = Assert.Single(harness.Emulator.Instance.Requests, r => r.Path.StartsWith("/v1/users", StringComparison.Ordinal));
        Assert.Contains("order_by=%2Bcreated_at", lookup.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_an_active_session_gets_a_clear_error()
    {
        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() =>
            SelectAsync(new() { [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.DaveUserId }));

        Assert.Contains(ClerkEmulatorSeed.DaveUserId, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sign in to the web app once", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CLERK_CREATE_SESSION=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_CLERK_CREATE_SESSION_a_session_is_created_for_a_user_without_one()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.UserEmail] = ClerkEmulatorSeed.DaveEmail,
            [ClerkConfigurationKeys.CreateSession] = "true",
        });

        var token = await harness.Manager.GetTokenAsync();

        Assert.Equal(ClerkEmulatorSeed.DaveUserId, token.Subject);
        Assert.Equal(1, harness.Emulator.Instance.SessionsCreated);
        Assert.Single(harness.LogsWithId(3010));
    }

    [Theory]
    [InlineData(ClerkConfigurationKeys.UserId, "user_doesnotexist", "is not a user of this Clerk instance")]
    [InlineData(ClerkConfigurationKeys.UserEmail, "nobody@example.com", "No user of this Clerk instance has the e-mail address")]
    public async Task A_pinned_user_that_does_not_exist_is_named_in_the_error(string key, string value, string expected)
    {
        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => SelectAsync(new() { [key] = value }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains(value, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_without_users_says_to_sign_up_once()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(configureEmulator: o => o.Seed = false);

        var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() =>
            harness.Services.GetRequiredService<ClerkSubjectSelector>().SelectAsync(CancellationToken.None));

        Assert.Contains("has no users", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<ClerkSubject> SelectAsync(Dictionary<string, string?> settings)
    {
        await using var harness = await ClerkAuthHarness.StartAsync(settings);
        return await harness.Services.GetRequiredService<ClerkSubjectSelector>().SelectAsync(CancellationToken.None);
    }
}
