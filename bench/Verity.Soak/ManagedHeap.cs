using System.Diagnostics;
using System.Globalization;

namespace Verity.Soak;

/// <summary>
/// The server's managed heap after a full collection, read with <c>dotnet-gcdump</c> (which induces a gen2 GC before it
/// walks the heap). Resident memory alone grows with the GC's budget, so it cannot tell a leak from a lazy collector.
/// </summary>
internal static class ManagedHeap
{
    public static async Task<long?> MeasureAsync(string? gcdumpTool, int processId)
    {
        if (gcdumpTool is null)
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"verity-soak-{processId}-{Environment.TickCount64}.gcdump");
        try
        {
            if (await RunAsync(gcdumpTool, "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file).ConfigureAwait(false) is null)
            {
                return null;
            }

            var report = await RunAsync(gcdumpTool, "report", file).ConfigureAwait(false);
            var line = report?.Split('\n').FirstOrDefault(l => l.Contains("GC Heap bytes", StringComparison.Ordinal));
            var number = line?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].Replace(",", "", StringComparison.Ordinal);
            return number is null ? null : long.Parse(number, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string?> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0 ? output : null;
    }
}
