namespace Verity.DevStack.Cli;

/// <summary>A step of the demo got an error result; the message is shown and the demo exits 1.</summary>
internal sealed class DemoStepFailedException(string message) : Exception(message);
