namespace Verity.Mcp.Tools;

/// <summary>Arguments that cannot be turned into a request; carries every problem found.</summary>
public sealed class ToolArgumentException : ArgumentException
{
    public ToolArgumentException(IReadOnlyList<ArgumentError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public ToolArgumentException(string argument, string rule, string message)
        : this([new ArgumentError(argument, rule, message)])
    {
    }

    public IReadOnlyList<ArgumentError> Errors { get; }
}
