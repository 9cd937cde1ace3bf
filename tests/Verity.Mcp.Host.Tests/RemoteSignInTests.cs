using Verity.DevStack;
using Verity.DevStack.Clerk;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// The official MCP TypeScript SDK client, with nothing but the server's URL and a seeded user's e-mail address, signs
/// in to verity-mcp-http over the whole OAuth flow against the dev stack's authorization server (discovery from the
/// 401, dynamic registration, PKCE, code exchange, the retried request), then lists and calls tools, which reach the
/// sample API as that user through the session the sign-in gave them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RemoteSignInTests(DevStackFixture fixture)
{
    [Fact]
    public async Task The_sdk_client_signs_in_from_the_401_and_calls_tools_as_the_signed_in_user()
    {
        var stack = fixture.Stack;
        await using var server = await HttpServerProcess.StartAsync(RemoteSettings(stack));
        var sessionsBefore = stack.Clerk.Sessions.Select(session => session.Id).ToHashSet(StringComparer.Ordinal);
        var lastRequestBefore = stack.Api.Requests.Requests.LastOrDefault()?.Sequence ?? 0;

        var report = await TypeScriptSignIn.RunAsync(
            server.McpUrl,
            ClerkEmulatorSeed.BobEmail,
            [("get_agent", """{"agentId":"agt_01"}"""), ("list_agents", """{"limit":1}""")]);

        // The flow, in order, as the client made it.
        var clerk = stack.ClerkFrontendApiUrl;
        var step = Step(report, 0, r => r is { Method: "POST", Path: "/mcp", RpcMethod: "initialize", Bearer: false, Status: 401 } && r.Origin == server.BaseUrl);
        Assert.Contains($"resource_metadata=\"{server.BaseUrl}/.well-known/oauth-protected-resource", report.Http[step].WwwAuthenticate, StringComparison.Ordinal);
        step = Step(report, step, r => r is { Method: "GET", Status: 200 } && r.Origin == server.BaseUrl && r.Path.StartsWith("/.well-known/oauth-protected-resource", StringComparison.Ordinal));
        step = Step(report, step, r => r is { Method: "GET", Path: "/.well-known/oauth-authorization-server", Status: 200 } && r.Origin == clerk);
        step = Step(report, step, r => r is { Method: "POST", Path: "/oauth/register", Status: 201 } && r.Origin == clerk);
        step = Step(report, step, r => r is { Method: "GET", Path: "/oauth/authorize", Status: 302 } && r.Origin == clerk);
        step = Step(report, step, r => r is { Method: "POST", Path: "/oauth/token", GrantType: "authorization_code", HasCodeVerifier: true, Status: 200 } && r.Origin == clerk && r.Resource == server.McpUrl);
        step = Step(report, step, r => r is { Method: "POST", Path: "/mcp", RpcMethod: "initialize", Bearer: true, Status: 200 } && r.Origin == server.BaseUrl);
        step = Step(report, step, r => r is { Method: "POST", Path: "/mcp", RpcMethod: "tools/list", Bearer: true, Status: 200 });
        Step(report, step, r => r is { Method: "POST", Path: "/mcp", RpcMethod: "tools/call", Bearer: true, Status: 200 });
        Assert.DoesNotContain(report.Http, r => r.Origin == clerk && r.Bearer);

        Assert.NotNull(report.Registration);
        Assert.Equal((true, "none"), (report.Registration.ClientIdIssued, report.Registration.TokenEndpointAuthMethod));
        Assert.Equal([TypeScriptSignIn.RedirectUrl], report.Registration.RedirectUris);
        Assert.NotNull(report.Authorization);
        Assert.Equal(
            ("code", "S256", true, server.McpUrl, 302, TypeScriptSignIn.RedirectUrl, true, true),
            (report.Authorization.ResponseType, report.Authorization.CodeChallengeMethod, report.Authorization.CodeChallenge, report.Authorization.Resource,
                report.Authorization.Status, report.Authorization.RedirectedTo, report.Authorization.StateEchoed, report.Authorization.CodeIssued));
        var grant = Assert.Single(report.TokenGrants);
        Assert.True(grant.RefreshToken);
        Assert.Contains("tools:read", grant.Scope?.Split(' ') ?? [], StringComparer.Ordinal);

        Assert.Equal(CatalogDocument.Endpoints.Select(CatalogDocument.ToolName).Order(StringComparer.Ordinal), report.Tools.Order(StringComparer.Ordinal));
        Assert.All(report.Calls, call => Assert.False(call.Threw || call.IsError, $"{call.Tool}: {call.Error}{call.Text}"));
        Assert.Contains("\"agt_01\"", report.Calls[0].Text, StringComparison.Ordinal);

        // Signing in gave Bob a new session; the server minted from it, so the API saw Bob and that session.
        var signedIn = Assert.Single(stack.Clerk.Sessions, session => session.UserId == ClerkEmulatorSeed.BobUserId && !sessionsBefore.Contains(session.Id));
        var upstream = stack.Api.Requests.Requests.Where(r => r.Sequence > lastRequestBefore && r.Path.StartsWith("/api/agents", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, upstream.Count);
        Assert.All(upstream, request => Assert.Equal((ClerkEmulatorSeed.BobUserId, signedIn.Id, 200), (request.Subject, request.SessionId, request.StatusCode)));
    }

    /// <summary>What a remote server needs from a dev stack: the stdio settings plus the authorization server.</summary>
    internal static IReadOnlyDictionary<string, string?> RemoteSettings(DevStackHost stack) =>
        stack.Settings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value, StringComparer.Ordinal);

    /// <summary>The index of the first request after <paramref name="from"/> that matches; fails naming every request when there is none.</summary>
    internal static int Step(TypeScriptSignInReport report, int from, Func<ClientRequest, bool> match)
    {
        for (var i = from; i < report.Http.Count; i++)
        {
            if (match(report.Http[i]))
            {
                return i;
            }
        }

        Assert.Fail($"An expected request is missing after request {from}. The client made:\n{string.Join('\n', report.Http.Select((r, i) => $"{i}: {r}"))}");
        return -1;
    }
}
