namespace Verity.DevStack.Api;

/// <summary>Keeps every API request that reached the sample API, in arrival order, so tests can assert on them.</summary>
public sealed class RequestRecorder
{
    /// <summary>The headers worth keeping; anything else (cookies, tokens) is not recorded.</summary>
    internal static readonly string[] HeadersOfInterest =
        ["Content-Type", "Accept", "Idempotency-Key", "User-Agent", "Clerk-API-Version", "X-Request-Id", "traceparent"];

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Signal)> _waiters = [];
    private long _sequence;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Completes when a request matching <paramref name="match"/> has been answered (including ones already recorded).</summary>
    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            if (_requests.Find(r => match(r)) is { } existing)
            {
                return Task.FromResult(existing);
            }

            var signal = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            cancellationToken.Register(() => signal.TrySetCanceled(cancellationToken));
            return signal.Task;
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(RecordedRequest request)
    {
        List<TaskCompletionSource<RecordedRequest>>? matched = null;
        lock (_gate)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(request))
                {
                    (matched ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched?.ForEach(signal => signal.TrySetResult(request));
    }
}
