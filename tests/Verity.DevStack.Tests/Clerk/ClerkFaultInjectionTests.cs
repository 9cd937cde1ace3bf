using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkFaultInjectionTests : ClerkEmulatorTestBase
{
    private const string AliceTokens = "/v1/sessions/" + ClerkEmulatorSeed.AliceSessionId + "/tokens";

    [Fact]
    public async Task The_next_n_requests_fail_with_the_status_then_service_resumes()
    {
        Emulator.InjectFaults(2, 503);

        (await Client.PostAsync(AliceTokens)).AssertClerkError(HttpStatusCode.ServiceUnavailable, "internal_clerk_error");
        (await Client.GetAsync("/v1/users")).AssertClerkError(HttpStatusCode.ServiceUnavailable, "internal_clerk_error");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(AliceTokens)).Status);
        Assert.Equal(2, Emulator.Instance.FaultsServed);
        Assert.Equal(1, Emulator.TokensIssued);
    }

    [Fact]
    public async Task A_path_filter_leaves_other_paths_alone()
    {
        Emulator.InjectFaults(1, 500, pathContains: "/tokens");

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
        Assert.Equal(HttpStatusCode.InternalServerError, (await Client.PostAsync(AliceTokens)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(AliceTokens)).Status);
    }

    [Fact]
    public async Task An_injected_429_carries_retry_after()
    {
        Emulator.InjectFaults(1, ClerkFault.Status(429, retryAfterSeconds: 3));

        var response = await Client.PostAsync(AliceTokens);

        response.AssertClerkError(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(TimeSpan.FromSeconds(3), response.RetryAfter);
    }

    [Fact]
    public async Task An_injected_401_looks_like_clerks()
    {
        Emulator.InjectFaults(1, 401);

        (await Client.GetAsync("/v1/users")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
    }

    [Fact]
    public async Task A_delay_holds_the_request_until_the_clock_moves_then_answers_normally()
    {
        Emulator.InjectFaults(1, TimeSpan.FromSeconds(30));

        var pending = Client.PostAsync(AliceTokens);
        await WaitUntilAsync(() => Emulator.Instance.FaultsServed == 1);

        // The delay runs on the fake clock: without advancing it, the answer cannot come.
        Assert.NotSame(pending, await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(200))));
        while (!pending.IsCompleted)
        {
            Time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        Assert.Equal(HttpStatusCode.OK, (await pending).Status);
    }

    [Fact]
    public async Task A_delay_with_a_status_fails_after_the_delay()
    {
        Emulator.InjectFaults(1, new ClerkFault(StatusCode: 502, Delay: TimeSpan.FromSeconds(1)));

        var pending = Client.GetAsync("/v1/users");
        while (!pending.IsCompleted)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        Assert.Equal(HttpStatusCode.BadGateway, (await pending).Status);
    }

    [Fact]
    public async Task Faults_can_be_cleared_and_counted()
    {
        Emulator.InjectFaults(3, 500);
        Assert.Equal(3, Emulator.Instance.PendingFaults);

        Emulator.Instance.ClearFaults();

        Assert.Equal(0, Emulator.Instance.PendingFaults);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }

    [Fact]
    public void Invalid_faults_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.InjectFaults(0, 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.InjectFaults(1, 200));
        Assert.Throws<ArgumentException>(() => Emulator.InjectFaults(1, new ClerkFault()));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
