using System.Globalization;
using System.Text;

namespace Verity.Soak;

/// <summary>What a soak run counted; the last four must be zero and memory flat.</summary>
internal sealed class SoakTotals
{
    public int Calls { get; init; }

    public int WarmUpCalls { get; init; }

    public int FaultsInjected { get; set; }

    public int HostileCalls { get; set; }

    public long ApiFaultsServed { get; set; }

    public int ErrorResults { get; set; }

    public int Duplicates { get; set; }

    public int Leaks { get; set; }

    public int Crashes { get; set; }

    public int ProtocolErrors { get; set; }

    public int HostileAccepted { get; set; }

    public long? MemoryAtStart { get; set; }

    public long? MemoryAtEnd { get; set; }

    public long? HeapAtStart { get; set; }

    public long? HeapAtEnd { get; set; }

    public TimeSpan Elapsed { get; set; }

    public bool Passed => Duplicates == 0 && Leaks == 0 && Crashes == 0 && ProtocolErrors == 0 && HostileAccepted == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        void Line(string name, object? value) => text.Append(CultureInfo.InvariantCulture, $"{name,-42}{value}\n");
        Line("tool calls", Calls);
        Line("faults armed (incl. hostile arguments)", FaultsInjected);
        Line("  of which hostile argument sets", HostileCalls);
        Line("  API faults served by the dev stack", ApiFaultsServed);
        Line("error results (expected under faults)", ErrorResults);
        Line("duplicate non-idempotent sends", Duplicates);
        Line("secrets or tokens in any output", Leaks);
        Line("crashes (server exited)", Crashes);
        Line("protocol errors", ProtocolErrors);
        Line("hostile argument sets sent to the API", HostileAccepted);
        Line($"server RSS after {WarmUpCalls} warm-up calls", Megabytes(MemoryAtStart));
        Line("server RSS at end", Megabytes(MemoryAtEnd));
        Line($"managed heap after a full GC, {WarmUpCalls} calls", Megabytes(HeapAtStart));
        Line("managed heap after a full GC, end", Megabytes(HeapAtEnd));
        Line("elapsed", string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalSeconds:0} s"));
        Line("result", Passed ? "PASS" : "FAIL");
        return text.ToString();
    }

    private static string Megabytes(long? bytes) =>
        bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / (1024.0 * 1024):0.0} MB") : "n/a";
}
