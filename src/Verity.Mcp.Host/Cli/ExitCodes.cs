namespace Verity.Mcp.Host.Cli;

/// <summary>The process exit codes every verb uses, so scripts and Cursor can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A tool call returned an error, or a doctor check failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration: the one stderr line says which setting and where to set it.</summary>
    public const int BadConfiguration = 2;
}
