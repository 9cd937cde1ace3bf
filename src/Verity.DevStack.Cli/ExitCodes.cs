namespace Verity.DevStack.Cli;

/// <summary>The process exit codes of verity-devstack, the same meanings as verity-mcp's.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A demo step failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage: the one stderr line says what to type instead.</summary>
    public const int BadUsage = 2;

    /// <summary>
    /// <c>demo</c> was stopped by SIGINT, SIGTERM or SIGQUIT before it finished (128 + SIGINT, as shells report
    /// Ctrl+C). <c>run</c> runs until stopped, so a signal is its normal end: 0.
    /// </summary>
    public const int Interrupted = 130;
}
