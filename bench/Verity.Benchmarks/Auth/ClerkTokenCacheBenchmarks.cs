using BenchmarkDotNet.Attributes;
using Verity.Mcp.Auth;

namespace Verity.Benchmarks.Auth;

/// <summary>
/// The per-request cost of asking the token manager for a token while the cached one is fresh: a volatile read,
/// one clock read and a compare. Target: at most 50 ns and 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ClerkTokenCacheBenchmarks
{
    private PrimedTokenManager _primed = null!;
    private IClerkTokenManager _manager = null!;
    private PrimedTokenManager _signedIn = null!;
    private IClerkTokenManager _signedInTokens = null!;
    private IDisposable _signedInUser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _primed = PrimedTokenManager.StartAsync().GetAwaiter().GetResult();
        _manager = _primed.Manager;
        _signedIn = PrimedTokenManager.StartForSignedInUserAsync().GetAwaiter().GetResult();
        _signedInTokens = _signedIn.Manager;

        // Set once for the run, as the transport sets it once per MCP request.
        _signedInUser = ClerkSignedInUser.Use(Verity.DevStack.Clerk.ClerkEmulatorSeed.AliceUserId);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _signedInUser.Dispose();
        _signedIn.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _primed.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The one clock read the cached path makes, for scale: the rest is the manager's own cost.</summary>
    [Benchmark(Baseline = true)]
    public DateTimeOffset ClockReadOnly() => TimeProvider.System.GetUtcNow();

    [Benchmark]
    public long TimestampReadOnly() => TimeProvider.System.GetTimestamp();

    [Benchmark]
    public ClerkSessionToken CachedToken()
    {
        var pending = _manager.GetTokenAsync();
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Remote mode, as the auth handler asks: the signed-in user's manager (a dictionary lookup), then its cached token.</summary>
    [Benchmark]
    public ClerkSessionToken SignedInUserCachedToken()
    {
        var pending = _signedInTokens.ForCurrentRequest().GetTokenAsync();
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
