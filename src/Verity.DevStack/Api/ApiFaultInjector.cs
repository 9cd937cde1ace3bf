namespace Verity.DevStack.Api;

/// <summary>Hands out injected faults to matching requests, first added first served.</summary>
public sealed class ApiFaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Pending> _pending = [];
    private long _served;

    /// <summary>How many faults were served so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>How many fault uses are still waiting for a matching request.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Sum(p => p.Remaining);
            }
        }
    }

    public void Add(ApiFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Count, 1);
        if (fault.StatusCode is null && fault.Delay is null)
        {
            throw new ArgumentException("A fault needs a status code, a delay or both.", nameof(fault));
        }

        lock (_gate)
        {
            _pending.Add(new Pending(fault) { Remaining = fault.Count });
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal ApiFault? Take(string method, string path)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => p.Fault.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var pending = _pending[index];
            if (--pending.Remaining == 0)
            {
                _pending.RemoveAt(index);
            }

            Interlocked.Increment(ref _served);
            return pending.Fault;
        }
    }

    private sealed class Pending(ApiFault fault)
    {
        public ApiFault Fault { get; } = fault;

        public int Remaining { get; set; }
    }
}
