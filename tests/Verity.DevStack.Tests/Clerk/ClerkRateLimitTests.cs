using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkRateLimitTests : ClerkEmulatorTestBase
{
    [Fact]
    public async Task A_development_instance_allows_100_requests_per_10_seconds_then_429_with_retry_after()
    {
        await SpendAsync(100);

        var limited = await Client.GetAsync("/v1/users");

        limited.AssertClerkError(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal("10", limited.RetryAfterRaw);
        Assert.Equal(1, Emulator.Instance.RateLimited);
    }

    [Fact]
    public async Task Retry_after_counts_down_in_whole_seconds_and_the_window_reopens()
    {
        await SpendAsync(100);

        Time.Advance(TimeSpan.FromSeconds(3.5));
        var limited = await Client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.AliceSessionId}/tokens");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("7", limited.RetryAfterRaw);

        Time.Advance(TimeSpan.FromSeconds(6.3));
        Assert.Equal("1", (await Client.GetAsync("/v1/users")).RetryAfterRaw);

        Time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }

    [Fact]
    public async Task Refused_and_failed_requests_count_but_jwks_is_not_limited()
    {
        await SpendAsync(99);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("/v1/sessions/sess_gone/tokens")).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client.GetAsync("/v1/users")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/jwks")).Status);
    }

    [Fact]
    public async Task Requests_with_a_wrong_key_do_not_spend_the_instances_budget()
    {
        using var wrong = ClientWithKey("sk_test_wrongwrongwrongwrongwrongwrongwrong1");
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/v1/users")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }

    [Fact]
    public async Task Reset_starts_a_fresh_window()
    {
        await SpendAsync(100);

        Emulator.Instance.ResetRateLimit();

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }

    private async Task SpendAsync(int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users?limit=1")).Status);
        }
    }
}

public sealed class ClerkProductionRateLimitTests : ClerkEmulatorTestBase
{
    protected override void Configure(ClerkEmulatorOptions options) => options.InstanceType = ClerkInstanceType.Production;

    [Fact]
    public async Task A_production_instance_allows_1000_requests_per_10_seconds()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 1001; i++)
        {
            statuses.Add((await Client.GetAsync("/v1/users?limit=1")).Status);
        }

        Assert.All(statuses.Take(1000), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[1000]);
    }
}

public sealed class ClerkRateLimitSwitchTests : ClerkEmulatorTestBase
{
    protected override void Configure(ClerkEmulatorOptions options) => options.EnableRateLimit = false;

    [Fact]
    public async Task The_limit_can_be_switched_off_for_load_tests()
    {
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/jwks")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users?limit=1")).Status);
        }
    }
}
