namespace Verity.Mcp.Tools;

/// <summary>The MCP annotation hints of a generated tool; every hint is written out in <c>tools/list</c>.</summary>
public readonly record struct ToolHints(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld);
