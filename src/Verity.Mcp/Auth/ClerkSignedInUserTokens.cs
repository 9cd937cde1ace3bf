using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Auth;

/// <summary>
/// Session tokens for whichever user the current call acts for (<see cref="ClerkSignedInUser"/>): one
/// <see cref="ClerkTokenManager"/> per user, minting for that user's most recent active session, so each user has
/// the same caching, renewal, single-flight and 401 rules as the process-wide manager. At most
/// <c>CLERK_MAX_CACHED_USERS</c> users are kept (a new one drops the least recently active) and a user idle for
/// longer than <c>CLERK_USER_IDLE_SECONDS</c> is dropped by the next call of anyone. A dropped manager is only forgotten, never disposed:
/// a call that already holds it finishes normally, and the user's next call starts a new one.
/// </summary>
public sealed class ClerkSignedInUserTokens : IClerkTokenManager, IDisposable
{
    private const long MinSweepIntervalTicks = TimeSpan.TicksPerSecond;

    private readonly ConcurrentDictionary<string, CachedUser> _users = new(StringComparer.Ordinal);
    private readonly ClerkApiClient _clerk;
    private readonly ClerkOptions _clerkOptions;
    private readonly ClerkSignedInUserOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ILogger _managerLogger;
    private readonly McpMetrics? _metrics;
    private readonly long _idleTicks;

    /// <summary>Adding a user and sweeping happen under this lock, so the cap is never exceeded; lookups take no lock.</summary>
    private readonly Lock _gate = new();

    private long _nextSweepTicks;
    private int _disposed;

    public ClerkSignedInUserTokens(
        ClerkApiClient clerk,
        IOptions<ClerkOptions> clerkOptions,
        IOptions<ClerkSignedInUserOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        McpMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(clerkOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _clerk = clerk;
        _clerkOptions = clerkOptions.Value;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<ClerkSignedInUserTokens>();
        _managerLogger = loggerFactory.CreateLogger<ClerkTokenManager>();
        _idleTicks = _options.UserIdle.Ticks;
    }

    /// <summary>How many users' token caches are held now.</summary>
    public int CachedUsers => _users.Count;

    /// <summary>
    /// The token manager of the current call's signed-in user, created on the user's first call. The auth handler
    /// holds it for the whole request (token, 401, resend), so dropping the user meanwhile changes nothing for it.
    /// </summary>
    /// <exception cref="ClerkAuthenticationException">No signed-in user is set for this call.</exception>
    public IClerkTokenManager ForCurrentRequest() =>
        ManagerFor(ClerkSignedInUser.UserId ?? throw new ClerkAuthenticationException(
            $"No signed-in user is set for this call, so there is no one to mint a Clerk session token for: the server must authenticate the request and set {nameof(ClerkSignedInUser)}.{nameof(ClerkSignedInUser.Use)}(userId) before tools run."));

    public ValueTask<ClerkSessionToken> GetTokenAsync(CancellationToken cancellationToken = default) =>
        ForCurrentRequest().GetTokenAsync(cancellationToken);

    public bool Invalidate(ClerkSessionToken token) => CachedManagerOfCurrentUser()?.Invalidate(token) ?? false;

    public void ReportFreshTokenRejected(ClerkSessionToken token) => CachedManagerOfCurrentUser()?.ReportFreshTokenRejected(token);

    public Task<ClerkTokenInspection> InspectAsync(CancellationToken cancellationToken = default) =>
        ForCurrentRequest().InspectAsync(cancellationToken);

    /// <summary>Whether <paramref name="userId"/>'s tokens are cached (for tests and diagnostics).</summary>
    internal bool IsCached(string userId) => _users.ContainsKey(userId);

    /// <summary>The token manager of <paramref name="userId"/>, created if the user has none cached.</summary>
    internal ClerkTokenManager ManagerFor(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var now = _timeProvider.GetUtcNow().UtcTicks;
        if (now >= Volatile.Read(ref _nextSweepTicks))
        {
            lock (_gate)
            {
                EvictIdle(now);
            }
        }

        if (_users.TryGetValue(userId, out var cached))
        {
            cached.Touch(now);
            return cached.Manager;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_users.TryGetValue(userId, out cached))
            {
                cached.Touch(now);
                return cached.Manager;
            }

            EvictIdle(now);
            while (_users.Count >= _options.MaxCachedUsers)
            {
                EvictLeastRecentlyActive();
            }

            var selector = new SignedInUserSessionSelector(_clerk, userId, _clerkOptions.AppName, _logger);
            var manager = new ClerkTokenManager(_clerk, selector, _clerkOptions, _timeProvider, _managerLogger, _metrics);
            _users[userId] = new CachedUser(manager, now);
            Volatile.Write(ref _nextSweepTicks, Math.Min(_nextSweepTicks, now + _idleTicks + 1));
            _logger.SignedInUserCached(userId, _users.Count);
            return manager;
        }
    }

    /// <summary>Disposes every cached manager, ending their background renewals; for shutdown only.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var user in _users.Values)
            {
                user.Manager.Dispose();
            }

            _users.Clear();
        }
    }

    private ClerkTokenManager? CachedManagerOfCurrentUser() =>
        ClerkSignedInUser.UserId is { } userId && _users.TryGetValue(userId, out var cached) ? cached.Manager : null;

    /// <summary>Called under <see cref="_gate"/>.</summary>
    private void EvictIdle(long now)
    {
        if (now < _nextSweepTicks)
        {
            return;
        }

        // The next sweep is due when the least recently active user kept would become idle (a call since then only
        // makes that sweep find nothing), and at most once a second however short the idle setting.
        var next = long.MaxValue;
        foreach (var (userId, user) in _users)
        {
            var lastActive = user.LastActiveTicks;
            var idleFor = now - lastActive;
            if (idleFor <= _idleTicks)
            {
                next = Math.Min(next, lastActive + _idleTicks + 1);
            }
            else if (_users.TryRemove(new KeyValuePair<string, CachedUser>(userId, user)))
            {
                _logger.IdleSignedInUserEvicted(userId, TimeSpan.FromTicks(idleFor));
            }
        }

        Volatile.Write(ref _nextSweepTicks, next == long.MaxValue ? next : Math.Max(next, now + MinSweepIntervalTicks));
    }

    /// <summary>Called under <see cref="_gate"/>.</summary>
    private void EvictLeastRecentlyActive()
    {
        KeyValuePair<string, CachedUser>? oldest = null;
        foreach (var entry in _users)
        {
            if (oldest is null || entry.Value.LastActiveTicks < oldest.Value.Value.LastActiveTicks)
            {
                oldest = entry;
            }
        }

        if (oldest is { } evicted && _users.TryRemove(evicted))
        {
            _logger.SignedInUserEvictedForRoom(evicted.Key, _options.MaxCachedUsers);
        }
    }

    private sealed class CachedUser(ClerkTokenManager manager, long now)
    {
        private long _lastActiveTicks = now;

        public ClerkTokenManager Manager { get; } = manager;

        public long LastActiveTicks => Volatile.Read(ref _lastActiveTicks);

        public void Touch(long now) => Volatile.Write(ref _lastActiveTicks, now);
    }
}
