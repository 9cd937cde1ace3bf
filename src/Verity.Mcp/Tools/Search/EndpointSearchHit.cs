namespace Verity.Mcp.Tools.Search;

/// <summary>One search result: what an assistant needs to pick a tool before asking for its schema.</summary>
public sealed record EndpointSearchHit(string Name, string Summary, IReadOnlyList<string> Tags, bool ReadOnly, bool Destructive);
