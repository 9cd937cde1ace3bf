using Verity.DevStack;
using Verity.DevStack.Clerk;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// When the access token has expired, verity-mcp-http answers 401 and the official TypeScript SDK client gets a new
/// one with its refresh token (the refresh grant at the authorization server) and sends the call again, without a
/// second sign-in. The dev stack's authorization server here gives access tokens a few seconds of life.
/// </summary>
public sealed class RemoteTokenRefreshTests
{
    /// <summary>Short enough to wait out in a test, long enough for the sign-in's first calls on a busy machine.</summary>
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The clock skew verity-mcp-http allows on <c>exp</c> (30 s, as many resource servers), plus a second: only then
    /// is the token refused. The wait makes this the slowest end-to-end test (about 40 s); it runs alone.
    /// </summary>
    private static readonly TimeSpan BeyondServerSkew = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task An_expired_access_token_is_refreshed_with_the_refresh_grant_and_the_call_sent_again()
    {
        await using var stack = await DevStackHost.StartAsync(new DevStackOptions
        {
            Clerk = new ClerkEmulatorOptions { OAuthAccessTokenLifetime = AccessTokenLifetime, ReuseSigningKeyMaterial = true },
        });
        await using var server = await HttpServerProcess.StartAsync(RemoteSignInTests.RemoteSettings(stack));

        var report = await TypeScriptSignIn.RunAsync(
            server.McpUrl,
            ClerkEmulatorSeed.AliceEmail,
            [("get_agent", """{"agentId":"agt_01"}""")],
            callsAfterExpiry: [("get_agent", """{"agentId":"agt_02"}""")],
            extraWait: BeyondServerSkew);

        Assert.All(report.Calls.Concat(report.CallsAfterExpiry), call => Assert.False(call.Threw || call.IsError, $"{call.Tool}: {call.Error}{call.Text}"));
        Assert.Contains("\"agt_02\"", report.CallsAfterExpiry[0].Text, StringComparison.Ordinal);

        // After the first calls: the expired token refused, the refresh grant, the same call again with the new token.
        var firstCall = RemoteSignInTests.Step(report, 0, r => r is { RpcMethod: "tools/call", Bearer: true, Status: 200 });
        var refused = RemoteSignInTests.Step(report, firstCall + 1, r => r is { Path: "/mcp", RpcMethod: "tools/call", Bearer: true, Status: 401 });
        Assert.Contains("Bearer", report.Http[refused].WwwAuthenticate, StringComparison.Ordinal);
        var refresh = RemoteSignInTests.Step(report, refused, r => r is { Path: "/oauth/token", GrantType: "refresh_token", Status: 200 } && r.Origin == stack.ClerkFrontendApiUrl);
        RemoteSignInTests.Step(report, refresh, r => r is { Path: "/mcp", RpcMethod: "tools/call", Bearer: true, Status: 200 });
        Assert.DoesNotContain(report.Http.Skip(firstCall), r => r.Path == "/oauth/authorize" || r.Path == "/oauth/register");

        Assert.Equal(2, report.TokenGrants.Count);
        Assert.All(report.TokenGrants, grant => Assert.Equal((int)AccessTokenLifetime.TotalSeconds, grant.ExpiresIn));
        Assert.Equal(1, stack.Api.Requests.Requests.Count(r => r.Path == "/api/agents/agt_02" && r.Subject == ClerkEmulatorSeed.AliceUserId && r.StatusCode == 200));
    }
}
