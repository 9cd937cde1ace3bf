using System.Collections;

namespace Verity.Mcp.Tools;

/// <summary>
/// The problems found in one tool call's arguments. Every problem is counted, but only the first
/// <see cref="MaxListed"/> are kept: a hostile call with thousands of bad items gets a short answer, not a huge one.
/// </summary>
public sealed class ArgumentErrors : IReadOnlyList<ArgumentError>
{
    public const int MaxListed = 20;

    private readonly List<ArgumentError> _listed = [];

    /// <summary>Every problem found, listed or not.</summary>
    public int Total { get; private set; }

    /// <summary>Problems counted but not kept.</summary>
    public int Omitted => Total - _listed.Count;

    public int Count => _listed.Count;

    public ArgumentError this[int index] => _listed[index];

    public void Add(ArgumentError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Total++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(error);
        }
    }

    public IEnumerator<ArgumentError> GetEnumerator() => _listed.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
