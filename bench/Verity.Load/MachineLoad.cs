using System.Globalization;

namespace Verity.Load;

/// <summary>The machine's CPU count, model and 1-minute load average (from /proc where there is one).</summary>
internal sealed record MachineLoad(int Processors, string CpuModel, string LoadAverage1Minute)
{
    public static MachineLoad Read()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        return new MachineLoad(Environment.ProcessorCount, model, load);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Processors} × {CpuModel}, load average {LoadAverage1Minute}");
}
