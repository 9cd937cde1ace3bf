namespace Verity.Mcp.Tools;

/// <summary>One problem with one argument: where (<c>phoneNumber</c>, <c>tags[2]</c>), which rule, and what to do.</summary>
public sealed record ArgumentError(string Argument, string Rule, string Message)
{
    public override string ToString() => $"{Argument} ({Rule}): {Message}";
}
