namespace Verity.DevStack.Clerk;

/// <summary>
/// A fixed-window request counter per secret key, like Clerk's per-instance limit. Over the limit, the caller is
/// told how many whole seconds remain in the window (the <c>Retry-After</c> value).
/// </summary>
internal sealed class ClerkRateLimiter(int permits, TimeSpan window, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one request; returns null when allowed, else the whole seconds to wait.</summary>
    public int? TryAcquire(string secretKey)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(secretKey, out var current) || now >= current.Start + window)
            {
                _windows[secretKey] = new Window(now, 1);
                return null;
            }

            if (current.Count < permits)
            {
                _windows[secretKey] = current with { Count = current.Count + 1 };
                return null;
            }

            var remaining = current.Start + window - now;
            return Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        }
    }

    /// <summary>Forgets every window, so the next request starts a fresh one.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }

    private readonly record struct Window(DateTimeOffset Start, int Count);
}
