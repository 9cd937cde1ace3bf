namespace Verity.Mcp.Tools;

/// <summary>The tools one catalog contributes, registered in DI so the filter can check names across catalogs.</summary>
public sealed record EndpointToolSet(string ApiName, IReadOnlyList<EndpointDescriptor> Descriptors);
