using System.Globalization;

namespace Verity.Soak;

/// <summary>What one soak run does: how many tool calls, the random seed, and which server binary it drives.</summary>
internal sealed record SoakOptions(int Calls, int Seed, string HostPath, string? GcdumpTool, int WarmUpCalls)
{
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var calls = 10_000;
        var seed = 1;
        string? host = null;
        string? gcdump = null;
        int? warmUp = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--calls":
                    calls = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--seed":
                    seed = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--host":
                    host = value;
                    i++;
                    break;
                case "--warm-up":
                    warmUp = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--gcdump":
                    gcdump = value;
                    i++;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Use --calls N --seed N --warm-up N --host PATH [--gcdump PATH].");
            }
        }

        if (host is null || !File.Exists(host))
        {
            throw new ArgumentException("--host must name the built verity-mcp executable (bench/soak.sh builds it).");
        }

        return new SoakOptions(calls, seed, Path.GetFullPath(host), gcdump, warmUp ?? Math.Min(100, calls / 10));
    }
}
