namespace Verity.Mcp.Host.Configuration;

/// <summary>One configuration key the host understands, as shown by <c>--help</c> and the README.</summary>
internal sealed record Setting(string Name, string Default, string Meaning, bool Secret = false);
