namespace Verity.Mcp.Tools.Dynamic;

/// <summary>What <c>tools/list</c> offers: every endpoint tool, or three tools that search, describe and call them.</summary>
public enum ToolMode
{
    /// <summary>Dynamic when the endpoint tools are more than the client takes or than the configured threshold; else all.</summary>
    Auto,

    /// <summary>One tool per endpoint.</summary>
    All,

    /// <summary>The three dynamic tools instead of the endpoint tools.</summary>
    Dynamic,
}
