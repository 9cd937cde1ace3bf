namespace Verity.Mcp.Host.Cli;

/// <summary>The process exit codes every verb uses, so scripts and Cursor can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A tool call returned an error, or a doctor check failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration: the one stderr line says which setting and where to set it.</summary>
    public const int BadConfiguration = 2;

    /// <summary>
    /// <c>tools</c>, <c>call</c> or <c>doctor</c> was stopped by SIGINT, SIGTERM or SIGQUIT before it finished
    /// (128 + SIGINT, as shells report Ctrl+C). <c>serve</c> runs until stopped, so a signal is its normal end: 0.
    /// </summary>
    public const int Interrupted = 130;
}
