using System.Collections.Concurrent;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// Instrumentation on the real Clerk client pipeline: records every call to the emulator and can hold token
/// calls until the test releases them, so "a mint is in flight" is a state a test can set up exactly.
/// </summary>
internal sealed class ClerkCallGate
{
    private TaskCompletionSource? _hold;
    private int _tokenCalls;

    /// <summary>Released each time a token call reaches the gate (before it is held).</summary>
    public SemaphoreSlim TokenCallArrived { get; } = new(0);

    public ConcurrentQueue<string> Calls { get; } = new();

    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    /// <summary>Drops <c>paginated=true</c> from session lists so the emulator answers with the bare array.</summary>
    public bool AskForBareSessionArrays { get; set; }

    public void HoldTokenCalls() =>
        Volatile.Write(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ReleaseTokenCalls() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ClerkCallGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (gate.AskForBareSessionArrays && uri.AbsolutePath.EndsWith("/v1/sessions", StringComparison.Ordinal))
            {
                request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path) + uri.Query.Replace("&paginated=true", string.Empty, StringComparison.Ordinal));
            }

            gate.Calls.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
            if (request.Method == HttpMethod.Post && request.RequestUri.AbsolutePath.Contains("/tokens", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref gate._tokenCalls);
                gate.TokenCallArrived.Release();
                if (Volatile.Read(ref gate._hold) is { } hold)
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
