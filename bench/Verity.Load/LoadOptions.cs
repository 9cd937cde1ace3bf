using System.Globalization;

namespace Verity.Load;

/// <summary>
/// What one load run measures: the verity-mcp-http binary (the Native AOT build, as deployed), the reference
/// TypeScript server's folder, how many signed-in users, the client counts and how long each is measured.
/// </summary>
internal sealed record LoadOptions(
    string? ServerPath,
    string ReferenceDirectory,
    int Users,
    IReadOnlyList<int> Concurrency,
    TimeSpan PhaseDuration,
    TimeSpan WarmUp)
{
    public string ReferenceNode => Path.Combine(ReferenceDirectory, "node_modules", "node", "bin", "node");

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        string? server = null;
        string? reference = null;
        var users = 64;
        IReadOnlyList<int> concurrency = [1, 16, 64];
        var seconds = 20.0;
        var warmUpSeconds = 3.0;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            i++;
            switch (args[i - 1])
            {
                case "--server":
                    server = value;
                    break;
                case "--reference":
                    reference = value;
                    break;
                case "--users":
                    users = Positive("--users", value);
                    break;
                case "--concurrency":
                    concurrency = [.. value.Split(',').Select(level => Positive("--concurrency", level))];
                    break;
                case "--seconds":
                    seconds = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--warm-up-seconds":
                    warmUpSeconds = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown option {args[i - 1]}. Use --reference DIR [--server PATH] [--users N] [--concurrency 1,16,64] [--seconds S] [--warm-up-seconds S].");
            }
        }

        if (server is not null && !File.Exists(server))
        {
            throw new ArgumentException("--server must name the published verity-mcp-http executable (bench/load.sh publishes it); without it only the API and the reference are measured.");
        }

        if (reference is null || !File.Exists(Path.Combine(reference, "server.mjs")))
        {
            throw new ArgumentException("--reference must name bench/Reference.TypeScriptHttpServer (with its npm packages installed).");
        }

        if (seconds <= 0 || warmUpSeconds < 0)
        {
            throw new ArgumentException("--seconds must be positive and --warm-up-seconds not negative.");
        }

        var options = new LoadOptions(server is null ? null : Path.GetFullPath(server), Path.GetFullPath(reference), users, concurrency, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUpSeconds));
        return File.Exists(options.ReferenceNode)
            ? options
            : throw new ArgumentException($"{options.ReferenceNode} is missing: run `npm ci` in {reference} (bench/load.sh does).");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes positive whole numbers, not '{value}'.");
}
