using ModelContextProtocol.Server;

namespace Verity.Mcp.Tools.Search;

/// <summary>
/// The endpoint tools this server serves (after <c>VERITY_TOOLS</c> / <c>VERITY_READ_ONLY</c>), by name and through
/// each catalog's compile-time <see cref="EndpointSearchIndex"/>. A tool the filter left out is in no index slot that
/// is searched and cannot be found by name, so the dynamic tools never show or reach it.
/// </summary>
public sealed class ServedEndpoints
{
    /// <summary>At most this many query terms are read; the rest of a long query is ignored.</summary>
    public const int MaxQueryTerms = 32;

    private readonly Dictionary<string, EndpointTool> _byName;
    private readonly ServedCatalog[] _catalogs;

    public ServedEndpoints(IEnumerable<EndpointToolSet> toolSets, IEnumerable<McpServerTool> servedTools)
    {
        ArgumentNullException.ThrowIfNull(toolSets);
        ArgumentNullException.ThrowIfNull(servedTools);
        _byName = new Dictionary<string, EndpointTool>(StringComparer.Ordinal);
        foreach (var tool in servedTools.OfType<EndpointTool>())
        {
            _byName.TryAdd(tool.Endpoint.ToolName, tool);
        }

        _catalogs = toolSets
            .Select(set => new ServedCatalog(set.SearchIndex(), set.Descriptors, set.Descriptors.Select(d => Served(d)).ToArray()))
            .ToArray();
        Tags = _catalogs
            .SelectMany(static catalog => catalog.Descriptors.Where((_, i) => catalog.Tools[i] is not null).SelectMany(static d => d.Tags))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>How many endpoint tools are served.</summary>
    public int Count => _byName.Count;

    /// <summary>The tags of the served tools, sorted.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The served tool named exactly <paramref name="name"/>, or null (unknown or filtered out).</summary>
    public EndpointTool? Find(string name) => _byName.GetValueOrDefault(name);

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The served tools that best match <paramref name="query"/>, best first (<see cref="EndpointSearchIndex.Rank"/>:
    /// BM25 scores, terms matched and agreement with the tool's summary); a query that is a tool's exact name puts that
    /// tool first; ties keep catalog order. Only tools tagged <paramref name="tag"/> when one is given.
    /// </summary>
    public IReadOnlyList<EndpointSearchHit> Search(string query, string? tag, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (limit <= 0)
        {
            return [];
        }

        var terms = SearchTerms.Split(query, MaxQueryTerms).Distinct(StringComparer.Ordinal).ToArray();
        var exact = Find(query.Trim());
        var ranked = new List<(long Rank, int Catalog, int Position)>();
        for (var c = 0; c < _catalogs.Length; c++)
        {
            var catalog = _catalogs[c];
            var count = catalog.Index.Count;
            var ranks = new long[count];
            if (terms.Length > 0)
            {
                catalog.Index.Rank(terms, ranks);
            }

            for (var d = 0; d < count; d++)
            {
                var tool = catalog.Tools[d];
                if (tool is null || (tag is not null && !catalog.Descriptors[d].Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (ReferenceEquals(tool, exact))
                {
                    ranked.Add((long.MaxValue, c, d));
                }
                else if (ranks[d] > 0)
                {
                    ranked.Add((ranks[d], c, d));
                }
            }
        }

        ranked.Sort(static (a, b) => b.Rank != a.Rank ? b.Rank.CompareTo(a.Rank) : a.Catalog != b.Catalog ? a.Catalog.CompareTo(b.Catalog) : a.Position.CompareTo(b.Position));
        return ranked.Take(limit).Select(hit => Hit(_catalogs[hit.Catalog], hit.Position)).ToArray();
    }

    /// <summary>The summary the catalog's index holds for <paramref name="tool"/>.</summary>
    public string SummaryOf(EndpointTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        foreach (var catalog in _catalogs)
        {
            var position = Array.IndexOf(catalog.Tools, tool);
            if (position >= 0)
            {
                return catalog.Index.Summaries[position];
            }
        }

        return string.Empty;
    }

    private EndpointTool? Served(EndpointDescriptor descriptor) =>
        _byName.TryGetValue(descriptor.ToolName, out var tool) && ReferenceEquals(tool.Endpoint, descriptor) ? tool : null;

    private static EndpointSearchHit Hit(ServedCatalog catalog, int position)
    {
        var tool = catalog.Tools[position]!;
        var annotations = tool.ProtocolTool.Annotations;
        return new EndpointSearchHit(
            tool.Endpoint.ToolName,
            catalog.Index.Summaries[position],
            tool.Endpoint.Tags,
            annotations?.ReadOnlyHint ?? false,
            annotations?.DestructiveHint ?? true);
    }

    private sealed record ServedCatalog(EndpointSearchIndex Index, IReadOnlyList<EndpointDescriptor> Descriptors, EndpointTool?[] Tools);
}
