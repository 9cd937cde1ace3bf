namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// The names of the three dynamic tools. They say "api endpoint" so no derived endpoint name (method + path, a leading
/// <c>api</c> segment dropped) can take them; a catalog that names a tool so anyway fails at start-up.
/// </summary>
public static class DynamicToolNames
{
    public const string Search = "search_api_endpoints";
    public const string Describe = "describe_api_endpoint";
    public const string Call = "call_api_endpoint";

    public static IReadOnlyList<string> All { get; } = [Search, Describe, Call];

    /// <summary>Compared ignoring case: clients that fold case must not see two tools as one.</summary>
    public static bool IsReserved(string toolName) => All.Contains(toolName, StringComparer.OrdinalIgnoreCase);
}
