using Verity.DevStack.Api;
using Verity.DevStack.Clerk;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>Mid-session changes at Clerk (a revoked session, a rotated signing key) are recovered from without the user noticing.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AuthRecoveryTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_revoked_session_is_replaced_and_the_call_succeeds(string variant)
    {
        // Carol, with session creation allowed: revoking her session leaves her none, so recovery must create one.
        await using var session = await ServerSession.StartAsync(
            HostVariant.Named(variant),
            fixture.ServerEnvironment(("CLERK_USER_EMAIL", ClerkEmulatorSeed.CarolEmail), ("CLERK_CREATE_SESSION", "true")));
        (await session.Client.CallAsync("list_agents")).Json();
        var first = fixture.Stack.Api.Requests.Requests.Last(request => request.Path == "/api/agents");
        Assert.Equal(ClerkEmulatorSeed.CarolUserId, first.Subject);

        fixture.Stack.Clerk.RevokeSession(first.SessionId!);
        // Clerk's middleware does not see revocations before the token expires; an API that checks answers 401.
        fixture.Stack.Api.Faults.Add(ApiFault.Status("GET", "/api/agents", 401));
        (await session.Client.CallAsync("list_agents")).Json();

        var last = fixture.Stack.Api.Requests.Requests.Last(request => request.Path == "/api/agents");
        Assert.Equal(200, last.StatusCode);
        Assert.Equal(ClerkEmulatorSeed.CarolUserId, last.Subject);
        Assert.NotEqual(first.SessionId, last.SessionId);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task A_rotated_signing_key_leads_to_a_fresh_token_and_success(string variant)
    {
        var client = (await fixture.SessionAsync(variant)).Client;
        (await client.CallAsync("list_agents")).Json();
        var minted = fixture.Stack.Clerk.TokensIssued;

        // The fixture's API refetches the signing keys on every request, so the old token is refused at once.
        fixture.Stack.Clerk.RotateSigningKey();
        var agents = (await client.CallAsync("list_agents")).Json();

        Assert.NotEmpty(agents.GetProperty("data").EnumerateArray());
        Assert.True(fixture.Stack.Clerk.TokensIssued > minted, "Expected a fresh token after the 401.");
        var attempts = fixture.Stack.Api.Requests.Requests.Where(request => request.Path == "/api/agents").TakeLast(2).ToList();
        Assert.Equal([401, 200], attempts.Select(request => request.StatusCode));
    }
}
