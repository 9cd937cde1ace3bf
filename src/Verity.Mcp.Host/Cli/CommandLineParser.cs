using Verity.Mcp.Host.Configuration;

namespace Verity.Mcp.Host.Cli;

/// <summary>
/// Hand-written parsing (no reflection, so it stays Native-AOT friendly):
/// <c>verity-mcp [VERB] [verb options] [--SETTING=value ...]</c>.
/// </summary>
internal static class CommandLineParser
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = Verb.Serve;
        var verbSeen = false;
        var json = false;
        string? toolName = null;
        string? toolArguments = null;
        var settings = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return new CommandLine(Verb.Help, false, null, null, []);
                case "--version":
                    return new CommandLine(Verb.Version, false, null, null, []);
                case "--json":
                    json = true;
                    continue;
                case "--args":
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException("--args needs a JSON object, e.g. --args '{\"agentId\":\"agt_01\"}'.");
                    }

                    toolArguments = args[++i];
                    continue;
            }

            if (arg.StartsWith("--args=", StringComparison.Ordinal))
            {
                toolArguments = arg["--args=".Length..];
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(ParseSetting(arg));
                continue;
            }

            if (arg.StartsWith('-'))
            {
                throw new UsageException($"Unknown option '{arg}'. Run 'verity-mcp --help' for the options.");
            }

            if (!verbSeen)
            {
                verb = ParseVerb(arg);
                verbSeen = true;
                continue;
            }

            if (verb == Verb.Call && toolName is null)
            {
                toolName = arg;
                continue;
            }

            throw new UsageException($"Unexpected argument '{arg}'. Run 'verity-mcp --help' for the usage.");
        }

        Check(verb, json, toolName, toolArguments);
        return new CommandLine(verb, json, toolName, toolArguments, settings);
    }

    private static Verb ParseVerb(string arg) => arg switch
    {
        "serve" => Verb.Serve,
        "tools" => Verb.Tools,
        "call" => Verb.Call,
        "doctor" => Verb.Doctor,
        "help" => Verb.Help,
        "version" => Verb.Version,
        _ => throw new UsageException(
            $"Unknown verb '{arg}'. Use one of: serve, tools, call, doctor (see 'verity-mcp --help')."),
    };

    /// <summary>Accepts <c>--KEY=value</c> for a known setting and returns it in the form the command-line configuration provider reads.</summary>
    private static string ParseSetting(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            var name = arg[2..];
            throw KnownSettings.Contains(name)
                ? new UsageException($"Write the setting as --{name}=VALUE (with '=').")
                : new UsageException($"Unknown option '{arg}'. Run 'verity-mcp --help' for the options and settings.");
        }

        var key = arg[2..equals];
        if (!KnownSettings.Contains(key))
        {
            throw new UsageException(
                $"Unknown setting '{key}' in '{arg[..equals]}=…'. Run 'verity-mcp --help' for the settings.");
        }

        return "--" + KnownSettings.Canonical(key) + arg[equals..];
    }

    private static void Check(Verb verb, bool json, string? toolName, string? toolArguments)
    {
        if (json && verb != Verb.Tools)
        {
            throw new UsageException("--json applies to the 'tools' verb only.");
        }

        if (verb == Verb.Call && toolName is null)
        {
            throw new UsageException("'call' needs a tool name: verity-mcp call TOOL --args '{\"…\":…}' (see 'verity-mcp tools').");
        }

        if (toolArguments is not null && verb != Verb.Call)
        {
            throw new UsageException("--args applies to the 'call' verb only.");
        }
    }
}
