using System.Diagnostics;
using Verity.DevStack;

namespace Verity.Load;

/// <summary>
/// Runs <c>clients</c> virtual clients against one target, each calling in a loop as user <c>client mod users</c>:
/// a warm-up that is not measured (it also fills per-user token caches), then the measured window.
/// </summary>
internal static class LoadPhase
{
    public static async Task<PhaseResult> RunAsync(LoadTarget target, HttpClient http, DevStackHost stack, int clients, int users, TimeSpan warmUp, TimeSpan duration)
    {
        var usersInPhase = Math.Min(clients, users);
        for (var user = 0; user < usersInPhase; user++)
        {
            await target.PrepareAsync(http, user).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var mintsAtStart = -1;
        var mintsGate = new object();

        async Task<(List<double> Latencies, int Failures)> ClientAsync(int client)
        {
            var latencies = new List<double>(4096);
            var failures = 0;
            var user = client % usersInPhase;
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt)
                {
                    return (latencies, failures);
                }

                if (before >= measureFrom && mintsAtStart < 0)
                {
                    lock (mintsGate)
                    {
                        if (mintsAtStart < 0)
                        {
                            mintsAtStart = stack.Clerk.TokensIssued;
                        }
                    }
                }

                var succeeded = await target.CallAsync(http, user).ConfigureAwait(false);
                if (before < measureFrom)
                {
                    continue;
                }

                if (succeeded)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                }
                else
                {
                    failures++;
                }
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => ClientAsync(client)))).ConfigureAwait(false);
        var mints = stack.Clerk.TokensIssued - Math.Max(mintsAtStart, 0);
        return new PhaseResult(target.Name, clients, usersInPhase, duration, [.. results.SelectMany(r => r.Latencies)], results.Sum(r => r.Failures), mints);
    }
}
