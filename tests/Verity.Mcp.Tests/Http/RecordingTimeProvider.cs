using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Verity.Mcp.Tests.Http;

/// <summary>
/// A fake clock for the pipeline. Waits up to <see cref="InstantUpTo"/> (retry backoff, Retry-After) end at once
/// but their lengths are recorded; longer ones (time limits) run on <see cref="Fake"/> and end only when the test
/// advances it. Every timer's creation is signalled, so a test advances only once the wait is registered.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public TimeSpan InstantUpTo { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The lengths of the waits that ended at once, in order.</summary>
    public ConcurrentQueue<TimeSpan> InstantWaits { get; } = new();

    /// <summary>Released once per long timer, after it is registered.</summary>
    public SemaphoreSlim LongTimerCreated { get; } = new(0);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime <= InstantUpTo && period == Timeout.InfiniteTimeSpan)
        {
            InstantWaits.Enqueue(dueTime);
            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }

        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        LongTimerCreated.Release();
        return timer;
    }

    /// <summary>Waits until a long timer exists, then moves the fake clock on.</summary>
    public async Task AdvanceAfterTimerAsync(TimeSpan by)
    {
        Assert.True(await LongTimerCreated.WaitAsync(TimeSpan.FromSeconds(30)), "no time limit was started");
        Fake.Advance(by);
    }
}
