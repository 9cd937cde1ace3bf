using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// A <see cref="FakeTimeProvider"/> front that says when code starts waiting on it, so a test advances the
/// clock only after the wait (a Retry-After delay, say) is registered: no polling, no real sleeps.
/// </summary>
internal sealed class SignalingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    public FakeTimeProvider Inner { get; } = inner;

    /// <summary>Released once per timer created, after it is registered.</summary>
    public SemaphoreSlim TimerCreated { get; } = new(0);

    public ConcurrentQueue<TimeSpan> TimerDueTimes { get; } = new();

    /// <summary>Waits until something waits on the clock for <paramref name="dueTime"/> (other timers may come first).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (!TimerDueTimes.Contains(dueTime))
        {
            Assert.True(await TimerCreated.WaitAsync(TimeSpan.FromSeconds(10)), $"nothing started waiting {dueTime}");
        }
    }

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Inner.CreateTimer(callback, state, dueTime, period);
        TimerDueTimes.Enqueue(dueTime);
        TimerCreated.Release();
        return timer;
    }
}
