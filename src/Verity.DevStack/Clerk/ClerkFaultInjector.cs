namespace Verity.DevStack.Clerk;

/// <summary>Queued faults: each entry fails the next N requests whose path contains its filter.</summary>
internal sealed class ClerkFaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _entries.Sum(e => e.Remaining);
            }
        }
    }

    public void Add(int count, ClerkFault fault, string? pathContains)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.StatusCode is null && fault.Delay is null)
        {
            throw new ArgumentException("A fault needs a status code, a delay, or both.", nameof(fault));
        }

        if (fault.StatusCode is { } status && (status < 400 || status > 599))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), status, "An injected status must be an error status (400-599).");
        }

        lock (_gate)
        {
            _entries.Add(new Entry(fault, string.IsNullOrEmpty(pathContains) ? null : pathContains) { Remaining = count });
        }
    }

    /// <summary>Takes one fault for <paramref name="path"/>, oldest entry first; null when none applies.</summary>
    public ClerkFault? TryTake(string path)
    {
        lock (_gate)
        {
            var entry = _entries.Find(e => e.PathContains is null || path.Contains(e.PathContains, StringComparison.Ordinal));
            if (entry is null)
            {
                return null;
            }

            if (--entry.Remaining == 0)
            {
                _entries.Remove(entry);
            }

            return entry.Fault;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private sealed class Entry(ClerkFault fault, string? pathContains)
    {
        public ClerkFault Fault { get; } = fault;

        public string? PathContains { get; } = pathContains;

        public int Remaining { get; set; }
    }
}
