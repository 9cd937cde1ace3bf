using System.Globalization;
using System.Text;

namespace Verity.Load;

/// <summary>The run's table: per client count and target, requests/s, latency, latency added over the API called directly, failures and Clerk mints.</summary>
internal sealed record LoadReport(LoadOptions Options, IReadOnlyList<PhaseResult> Phases, string BaselineTarget, MachineLoad Before, MachineLoad After)
{
    public bool AllCallsSucceeded => Phases.All(phase => phase.Failures == 0 && phase.LatenciesMs.Length > 0);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Machine: {Before}; at the end: load average {After.LoadAverage1Minute}.");
        text.AppendLine(invariant, $"{Options.Users} signed-in users; each client count measured {Options.PhaseDuration.TotalSeconds:0} s per target after a {Options.WarmUp.TotalSeconds:0} s warm-up; tool get_agent (GET /api/agents/agt_01).");
        text.AppendLine();
        text.AppendLine("| clients | target | requests/s | p50 ms | p99 ms | added p50 ms | added p99 ms | failed | Clerk mints per user per minute |");
        text.AppendLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var group in Phases.GroupBy(phase => phase.Clients))
        {
            var baseline = group.Single(phase => phase.Target == BaselineTarget);
            foreach (var phase in group)
            {
                var isBaseline = ReferenceEquals(phase, baseline);
                text.AppendLine(invariant, $"| {phase.Clients} | {phase.Target} | {phase.RequestsPerSecond:0} | {phase.Percentile(50):0.00} | {phase.Percentile(99):0.00} | {(isBaseline ? "–" : (phase.Percentile(50) - baseline.Percentile(50)).ToString("0.00", invariant))} | {(isBaseline ? "–" : (phase.Percentile(99) - baseline.Percentile(99)).ToString("0.00", invariant))} | {phase.Failures} | {(isBaseline ? "–" : phase.MintsPerUserPerMinute.ToString("0.0", invariant))} |");
            }
        }

        return text.ToString();
    }
}
