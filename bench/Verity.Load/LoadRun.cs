using System.Globalization;
using System.Net;
using Verity.DevStack;
using Verity.DevStack.Clerk;
using Verity.DevStack.Clerk.OAuth;

namespace Verity.Load;

/// <summary>
/// One load run: a dev stack with <see cref="LoadOptions.Users"/> signed-in users (each with an active Clerk session),
/// verity-mcp-http and the reference TypeScript server as child processes against it, then at every client count
/// the API called directly, our server and the reference, one after the other so they share the machine's state.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter progress)
    {
        var loadBefore = MachineLoad.Read();

        // Clerk's Backend API limit (100 requests per 10 s on a development instance) is off: the reference asks
        // Clerk twice per call and would be measured against the limit, not its design.
        await using var stack = await DevStackHost.StartAsync(new DevStackOptions
        {
            Clerk = new ClerkEmulatorOptions { EnableRateLimit = false },
        }).ConfigureAwait(false);
        var users = SignInUsers(stack, options.Users);

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        var referencePort = ChildServer.FreePort();
        var referenceUrl = $"http://127.0.0.1:{referencePort}/mcp";
        await using var reference = await ChildServer.StartAsync(
            options.ReferenceNode,
            [Path.Combine(options.ReferenceDirectory, "server.mjs")],
            referencePort,
            new Dictionary<string, string>(stack.Settings, StringComparer.Ordinal)
            {
                ["PORT"] = referencePort.ToString(CultureInfo.InvariantCulture),
                ["PUBLIC_URL"] = referenceUrl,
            },
            "/.well-known/oauth-protected-resource/mcp",
            http).ConfigureAwait(false);

        await using var ours = options.ServerPath is null ? null : await StartOursAsync(options.ServerPath, stack, http).ConfigureAwait(false);
        List<LoadTarget> targets = [new("sample API directly", $"{stack.VerityBaseUrl}/api/agents/agt_01", isMcp: false, [.. users.Select(u => u.DirectSessionToken)])];
        if (ours is not null)
        {
            var oursUrl = ours.BaseUrl + "/mcp";
            targets.Add(new("verity-mcp-http", oursUrl, isMcp: true, AccessTokens(stack, users, oursUrl)));
        }

        targets.Add(new("reference TypeScript server", referenceUrl, isMcp: true, AccessTokens(stack, users, referenceUrl)));

        var phases = new List<PhaseResult>();
        foreach (var clients in options.Concurrency)
        {
            foreach (var target in targets)
            {
                await progress.WriteLineAsync($"load: {target.Name}, {clients} client(s)...").ConfigureAwait(false);
                phases.Add(await LoadPhase.RunAsync(target, http, stack, clients, users.Count, options.WarmUp, options.PhaseDuration).ConfigureAwait(false));
            }
        }

        return new LoadReport(options, phases, targets[0].Name, loadBefore, MachineLoad.Read());
    }

    private static Task<ChildServer> StartOursAsync(string path, DevStackHost stack, HttpClient http)
    {
        var port = ChildServer.FreePort();
        return ChildServer.StartAsync(
            path,
            [],
            port,
            new Dictionary<string, string>(stack.Settings, StringComparer.Ordinal)
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["VERITY_HTTP_PUBLIC_URL"] = $"http://127.0.0.1:{port}/mcp",
                ["VERITY_HTTP_AUTH"] = "oauth",
                ["VERITY_HTTP_RATE_LIMIT_PER_MINUTE"] = "1000000",
            },
            "/readyz",
            http);
    }

    /// <summary>Users signed in for the run, each with an active session (the seeded users are left alone).</summary>
    private static List<LoadUser> SignInUsers(DevStackHost stack, int count)
    {
        var users = new List<LoadUser>(count);
        for (var i = 1; i <= count; i++)
        {
            var number = i.ToString("D3", CultureInfo.InvariantCulture);
            var user = stack.Clerk.Instance.AddUser("Load", "User " + number, $"load{number}@example.com");
            var session = stack.Clerk.CreateSession(user.Id);
            users.Add(new LoadUser(user.Id, session.Id, stack.Clerk.IssueToken(session.Id, lifetimeSeconds: 3600)));
        }

        return users;
    }

    /// <summary>An OAuth access token per user whose audience is the server's URL, as the sign-in flow would give.</summary>
    private static string[] AccessTokens(DevStackHost stack, List<LoadUser> users, string audience) =>
        [.. users.Select(user => stack.Clerk.IssueOAuthAccessToken(new ClerkOAuthAccessTokenRequest(user.UserId)
        {
            Audience = audience,
            Scope = "tools:read tools:write",
        }).Jwt)];
}
