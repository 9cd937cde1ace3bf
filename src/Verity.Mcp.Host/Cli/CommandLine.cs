namespace Verity.Mcp.Host.Cli;

/// <summary>What the command line asked for: a verb, its own options, and setting overrides (<c>--KEY=value</c>).</summary>
internal sealed record CommandLine(
    Verb Verb,
    bool Json,
    string? ToolName,
    string? ToolArguments,
    IReadOnlyList<string> SettingArguments);
