namespace Verity.Mcp.Http;

/// <summary>The facts an <see cref="ApiCallException"/> carries.</summary>
public sealed record ApiCallDetails(string Endpoint, int StatusCode, string? ReasonPhrase, string? ContentType, string? Content);
