namespace Verity.Mcp.Http;

/// <summary>What tool results may tell the user beyond the API's own facts; the host that serves the tools sets it.</summary>
public sealed class ToolResultTextOptions
{
    /// <summary>
    /// A command that checks the server's settings and its connection to the API (e.g. <c>my-server doctor</c>),
    /// named in results about credentials or an unreachable API; null: they say which settings to check.
    /// </summary>
    public string? ConfigurationCheckCommand { get; set; }
}
