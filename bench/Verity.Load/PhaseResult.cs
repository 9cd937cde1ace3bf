namespace Verity.Load;

/// <summary>What one target did at one client count: latencies of the measured calls (ms), failures, Clerk mints.</summary>
internal sealed record PhaseResult(string Target, int Clients, int Users, TimeSpan Duration, double[] LatenciesMs, int Failures, int ClerkMints)
{
    public double RequestsPerSecond => LatenciesMs.Length / Duration.TotalSeconds;

    /// <summary>Nearest-rank percentile of the measured latencies.</summary>
    public double Percentile(double percentile)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Session tokens minted per user per minute while this phase was measured.</summary>
    public double MintsPerUserPerMinute => ClerkMints / (double)Users / Duration.TotalMinutes;
}
