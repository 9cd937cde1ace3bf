namespace Verity.Mcp.Tools;

/// <summary>
/// What a generated tool announces in <c>tools/list</c> plus the header arguments the binder treats specially
/// (path arguments come from <see cref="EndpointDescriptor.PathTemplate"/>).
/// The schemas are the generator's compile-time constants.
/// </summary>
public sealed record ToolDefinition(string Description, string InputSchemaJson, string? OutputSchemaJson, ToolHints Hints)
{
    /// <summary>Arguments that become header values: CR and LF are refused.</summary>
    public IReadOnlyList<string> HeaderArguments { get; init; } = [];

    /// <summary>
    /// The API's answer is not an object, so the output schema declares it as the property <c>result</c> (MCP wants
    /// an object there) and <c>structuredContent</c> wraps the answer the same way.
    /// </summary>
    public bool OutputWrapsResult { get; init; }
}
