namespace Verity.DevStack.Cli;

/// <summary>The command line cannot be understood; the message is the one line shown to the user.</summary>
internal sealed class UsageException(string message) : Exception(message);
