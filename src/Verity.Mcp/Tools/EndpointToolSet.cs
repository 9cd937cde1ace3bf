using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools;

/// <summary>
/// The tools one catalog contributes, registered in DI so the filter can check names across catalogs and the dynamic
/// tools can search them.
/// </summary>
public sealed class EndpointToolSet
{
    private readonly Lazy<EndpointSearchIndex> _searchIndex;

    /// <param name="createSearchIndex">The catalog's compile-time index; without one its tools are found by exact name only.</param>
    public EndpointToolSet(string apiName, IReadOnlyList<EndpointDescriptor> descriptors, Func<EndpointSearchIndex>? createSearchIndex = null)
    {
        ArgumentNullException.ThrowIfNull(apiName);
        ArgumentNullException.ThrowIfNull(descriptors);
        ApiName = apiName;
        Descriptors = descriptors;
        _searchIndex = new Lazy<EndpointSearchIndex>(() => Checked(createSearchIndex?.Invoke() ?? EndpointSearchIndex.NamesOnly(descriptors.Count)));
    }

    public string ApiName { get; }

    public IReadOnlyList<EndpointDescriptor> Descriptors { get; }

    /// <summary>The catalog's search index, made on first use (only the dynamic tools read it).</summary>
    public EndpointSearchIndex SearchIndex() => _searchIndex.Value;

    private EndpointSearchIndex Checked(EndpointSearchIndex index) =>
        index.Count == Descriptors.Count
            ? index
            : throw new InvalidOperationException(
                $"The search index of the {ApiName} catalog has {index.Count} tools and the catalog {Descriptors.Count}: rebuild the project so both come from the same catalog.");
}
