namespace Verity.DevStack.Cli;

/// <summary>What the command line asked for: a verb and, for <c>demo</c>, the server to drive when not the built one.</summary>
internal sealed record CommandLine(Verb Verb, string? ServerPath)
{
    public const string Usage = """
        Usage: verity-devstack VERB [options]

        Verbs:
          run                     Run a local Clerk emulator + sample Verity API on loopback ports; print
                                  CLERK_API_URL=…, CLERK_SECRET_KEY=… (a local fake key), VERITY_BASE_URL=…, then
                                  'ready'. Stops when stdin closes, on Ctrl+C or SIGTERM (exit 0).
          demo [--server PATH]    Start the dev stack and verity-mcp over stdio (as Cursor does), then run a
                                  scripted MCP session and narrate it. PATH names the verity-mcp to start (a native
                                  binary or verity-mcp.dll); by default the one built beside this program.

        Options:
          -h, --help              Show this help.

        Exit codes: 0 ok; 1 a demo step failed; 2 bad usage; 130 demo stopped by Ctrl+C, SIGTERM or SIGQUIT.

        """;

    /// <summary>Hand-written parsing, like verity-mcp's: <c>verity-devstack VERB [--server PATH]</c>.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        Verb? verb = null;
        string? serverPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?" or "help":
                    return new CommandLine(Verb.Help, null);
                case "--server":
                    serverPath = i + 1 < args.Count
                        ? args[++i]
                        : throw new UsageException("--server needs the path of verity-mcp, e.g. --server ./verity-mcp.");
                    continue;
                case "run" or "demo" when verb is null:
                    verb = arg == "run" ? Verb.Run : Verb.Demo;
                    continue;
            }

            if (arg.StartsWith("--server=", StringComparison.Ordinal))
            {
                serverPath = arg["--server=".Length..];
                continue;
            }

            throw new UsageException(verb is null && !arg.StartsWith('-')
                ? $"Unknown verb '{arg}'. Use 'run' or 'demo' (see 'verity-devstack --help')."
                : $"Unexpected argument '{arg}'. Run 'verity-devstack --help' for the usage.");
        }

        if (verb is null)
        {
            throw new UsageException("Name a verb: 'run' (the dev stack) or 'demo' (see 'verity-devstack --help').");
        }

        if (serverPath is not null && verb != Verb.Demo)
        {
            throw new UsageException("--server applies to the 'demo' verb only.");
        }

        return new CommandLine(verb.Value, serverPath);
    }
}
