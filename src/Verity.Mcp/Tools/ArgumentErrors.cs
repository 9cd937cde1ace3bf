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
    private readonly CallState _call;

    public ArgumentErrors()
        : this(new CallState())
    {
    }

    private ArgumentErrors(CallState call)
    {
        _call = call;
    }

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

    /// <summary>
    /// True once a pattern match in this call ran out of time; shared with <see cref="ForBranch"/> collections, so a
    /// call spends at most one match time-out however many values it carries.
    /// </summary>
    internal bool PatternTimedOut
    {
        get => _call.PatternTimedOut;
        set => _call.PatternTimedOut = value;
    }

    /// <summary>A separate collection for trying one <c>anyOf</c>/<c>oneOf</c> branch, in the same call.</summary>
    internal ArgumentErrors ForBranch() => new(_call);

    public IEnumerator<ArgumentError> GetEnumerator() => _listed.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class CallState
    {
        public bool PatternTimedOut { get; set; }
    }
}
