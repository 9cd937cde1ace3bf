using System.Diagnostics;

namespace Verity.Benchmarks.Host;

/// <summary>
/// A verity-mcp build to measure, given on the command line as <c>NAME=PATH</c>: a native binary (AOT or apphost)
/// is started directly, a <c>.dll</c> with <c>dotnet</c>.
/// </summary>
internal sealed record HostUnderTest(string Name, string Path)
{
    public static HostUnderTest Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--host wants NAME=PATH, got '{text}'.");
        }

        var path = System.IO.Path.GetFullPath(text[(equals + 1)..]);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--host {text[..equals]}: no file at {path}.");
        }

        return new HostUnderTest(text[..equals], path);
    }

    public string Command => Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : Path;

    public IReadOnlyList<string> Arguments =>
        Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [Path, "serve"] : ["serve"];

    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("CLERK_", StringComparison.Ordinal) || k.StartsWith("VERITY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
