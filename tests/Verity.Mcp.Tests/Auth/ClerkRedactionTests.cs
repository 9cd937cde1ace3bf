using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// Runs every path that logs or throws — selection, minting, renewal, 401 and resend, session loss, rate limit,
/// Clerk errors, a wrong key — with a known key, then searches every log line, log property and exception
/// for the key and for every token that was issued.
/// </summary>
public sealed class ClerkRedactionTests
{
    private const string KnownKey = "sk_test_RedactionKnownKey0123456789abcdef";

    [Fact]
    public async Task Neither_the_secret_key_nor_any_issued_token_appears_in_logs_or_exceptions()
    {
        var exceptions = new List<Exception>();
        var tokenTexts = new HashSet<string>(StringComparer.Ordinal);
        var logs = new List<FakeLogRecord>();

        await using var run = await StartWithKnownKeyAsync();
        var harness = run.Harness;
        using var http = run.CreateClient();
        var manager = harness.Manager;

        (await http.GetAsync("/api/agents")).Dispose();                           // select + mint
        harness.Emulator.RotateSigningKey();
        run.Server.ExpireJwksCache();
        (await http.PostAsync("/api/calls", new StringContent("{}"))).Dispose();  // 401 → refresh → resend
        run.Server.RejectNext(2);
        (await http.GetAsync("/api/agents")).Dispose();                           // second 401 surfaces
        harness.Advance(TimeSpan.FromSeconds(50));
        (await http.GetAsync("/api/agents")).Dispose();                           // refresh-ahead
        await harness.PendingMint;
        harness.Emulator.RevokeSession(ClerkEmulatorSeed.BobRecentSessionId);
        harness.Advance(TimeSpan.FromSeconds(60));
        (await http.GetAsync("/api/agents")).Dispose();                           // 404 → select again
        harness.Emulator.InjectFaults(1, ClerkFault.Status(429, retryAfterSeconds: 1), "/tokens");
        harness.Advance(TimeSpan.FromSeconds(60));
        var rateLimited = http.GetAsync("/api/agents");
        await harness.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        harness.Advance(TimeSpan.FromSeconds(1));
        (await rateLimited).Dispose();                                           // 429 → wait → retry
        harness.Emulator.InjectFaults(1, 500, "/tokens");
        harness.Advance(TimeSpan.FromSeconds(60));
        exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(() => http.GetAsync("/api/agents")));
        exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(() =>
            harness.Client.CreateSessionTokenAsync(ClerkEmulatorSeed.DaveEndedSessionId)));
        var inspection = await manager.InspectAsync();

        await using (var wrongKey = await ClerkAuthHarness.StartAsync(new Dictionary<string, string?> { [ClerkConfigurationKeys.SecretKey] = KnownKey }))
        {
            exceptions.Add(await Assert.ThrowsAnyAsync<Exception>(() => wrongKey.Manager.GetTokenAsync().AsTask()));
            logs.AddRange(wrongKey.Logs.GetSnapshot());
        }

        logs.AddRange(harness.Logs.GetSnapshot());
        foreach (var request in run.Server.Requests)
        {
            tokenTexts.Add(request.Authorization["Bearer ".Length..]);
        }

        Assert.True(tokenTexts.Count >= 5, $"expected several issued tokens, saw {tokenTexts.Count}");
        Assert.Contains(logs, l => l.Id.Id == 3004);
        Assert.Contains(logs, l => l.Id.Id == 3006);
        Assert.Contains(logs, l => l.Id.Id == 3007);
        Assert.Contains(logs, l => l.Id.Id == 3003);

        var haystack = new List<string> { inspection.ToString() };
        foreach (var log in logs)
        {
            Assert.False(log.Message.Contains(KnownKey, StringComparison.Ordinal), $"{log.Category} {log.Id}: {log.Message}");
            foreach (var p in log.StructuredState ?? [])
            {
                Assert.False(p.Value?.Contains(KnownKey, StringComparison.Ordinal) == true, $"{log.Category} {log.Id} {p.Key}: {log.Message}");
            }
            haystack.Add(log.Message);
            haystack.Add(log.Exception?.ToString() ?? string.Empty);
            haystack.AddRange(log.StructuredState?.Select(p => p.Value ?? string.Empty) ?? []);
        }

        haystack.AddRange(exceptions.Select(e => e.ToString()));
        foreach (var text in haystack)
        {
            Assert.DoesNotContain(KnownKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(harness.Emulator.SecretKey, text, StringComparison.Ordinal);
            foreach (var token in tokenTexts)
            {
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
                Assert.DoesNotContain(token.Split('.')[2], text, StringComparison.Ordinal);
            }
        }
    }

    private static Task<AuthenticatedApi> StartWithKnownKeyAsync() =>
        AuthenticatedApi.StartAsync(
            new Dictionary<string, string?> { [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId },
            emulator => emulator.SecretKey = KnownKey);
}
