namespace Verity.Benchmarks.Host;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of the samples (milliseconds).</summary>
    public static double Of(IReadOnlyList<double> samples, double percentile)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> samples) => Of(samples, 50);
}
