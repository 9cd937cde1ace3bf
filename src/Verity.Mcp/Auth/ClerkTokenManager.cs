using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Auth;

/// <summary>
/// Caches the Clerk session token until <c>exp − margin</c> (read from the token itself), renews it ahead of
/// expiry in the background, shares one mint among concurrent callers, never caches a failure, and recovers
/// once from a vanished session by selecting another session of the same user (the user, once selected, stays).
/// </summary>
public sealed class ClerkTokenManager : IClerkTokenManager, IDisposable
{
    /// <summary>Clerk's browser SDK renews about 15 s before <c>exp</c>; the default margin never exceeds that.</summary>
    internal static readonly TimeSpan MaxDefaultMargin = TimeSpan.FromSeconds(15);

    /// <summary>A token this close to <c>exp</c> could expire in flight, so it is no longer handed out.</summary>
    internal static readonly TimeSpan ExpiryGuard = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a failed renewal, callers holding a still-valid token wait this long before starting another one, so
    /// a Clerk outage during the margin does not turn every API request into a Clerk request.
    /// </summary>
    internal static readonly TimeSpan RenewalRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least renewal margin, whatever is configured: with 0 a token would be renewed only once it stopped being
    /// handed out (<see cref="ExpiryGuard"/>), so callers would wait for every mint. Two seconds leave the
    /// background renewal a second before that.
    /// </summary>
    internal static readonly TimeSpan MinimumMargin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long forced renewals pause after the API refused a freshly minted token too (see
    /// <see cref="ReportFreshTokenRejected"/>): a token lifetime's worth, so a permanent 401 costs at most one extra
    /// Clerk call per minute instead of one per API call.
    /// </summary>
    internal static readonly TimeSpan RejectionBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Beyond this difference between <c>iat</c> and the local clock, expiry is timed locally.</summary>
    internal static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromSeconds(5);

    private readonly ClerkApiClient _clerk;
    private readonly IClerkSessionSelector _selector;
    private readonly ClerkOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly McpMetrics? _metrics;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly CancellationToken _shutdownToken;
    private readonly object _gate = new();

    private CachedToken? _cached;
    private Task<CachedToken>? _mint;
    private int _disposed;
    private long _noRenewalBeforeTicks;
    private long _noForcedRenewalBeforeTicks;

    /// <summary>
    /// The user and session tokens are minted for; set by the first selection and then only moved to another
    /// session of the same user. Only read and written inside a mint, and mints never overlap.
    /// </summary>
    private ClerkSubject? _subject;

    public ClerkTokenManager(
        ClerkApiClient clerk,
        ClerkSubjectSelector selector,
        IOptions<ClerkOptions> options,
        TimeProvider timeProvider,
        ILogger<ClerkTokenManager> logger,
        McpMetrics? metrics = null)
        : this(clerk, (IClerkSessionSelector)selector, options.Value, timeProvider, logger, metrics)
    {
    }

    /// <param name="selector">Whose session the tokens are for: the configured user, or one signed-in user.</param>
    internal ClerkTokenManager(
        ClerkApiClient clerk,
        IClerkSessionSelector selector,
        ClerkOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        McpMetrics? metrics = null)
    {
        _metrics = metrics;
        _clerk = clerk;
        _selector = selector;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _shutdownToken = _shutdown.Token;
    }

    public ValueTask<ClerkSessionToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null)
        {
            var now = _timeProvider.GetUtcNow().UtcTicks;
            if (now < cached.RefreshAtTicks)
            {
                return new ValueTask<ClerkSessionToken>(cached.Token);
            }

            if (now < cached.ValidUntilTicks)
            {
                StartRefreshAhead(cached, now);
                return new ValueTask<ClerkSessionToken>(cached.Token);
            }
        }

        return WaitForMintAsync(cancellationToken);
    }

    public bool Invalidate(ClerkSessionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var cached = Volatile.Read(ref _cached);
        if (cached is null || !ReferenceEquals(cached.Token, token))
        {
            return false;
        }

        if (_timeProvider.GetUtcNow().UtcTicks < Volatile.Read(ref _noForcedRenewalBeforeTicks))
        {
            _logger.ForcedRenewalPaused(token.SessionId, token.Fingerprint);
            return false;
        }

        if (!ReferenceEquals(Interlocked.CompareExchange(ref _cached, null, cached), cached))
        {
            return false;
        }

        _logger.TokenInvalidated(token.SessionId, token.Fingerprint);
        return true;
    }

    public void ReportFreshTokenRejected(ClerkSessionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Volatile.Write(ref _noForcedRenewalBeforeTicks, (_timeProvider.GetUtcNow() + RejectionBackoff).UtcTicks);
        _logger.FreshTokensRejected(token.SessionId, token.Fingerprint, RejectionBackoff);
    }

    public async Task<ClerkTokenInspection> InspectAsync(CancellationToken cancellationToken = default)
    {
        var subject = await _selector.SelectAsync(cancellationToken).ConfigureAwait(false);
        var token = await MintForAsync(subject, cancellationToken).ConfigureAwait(false);

        var (userId, email) = (subject.UserId, subject.Email);
        if (userId is null && token.Subject is { } sub)
        {
            var users = await _clerk.ListUsersAsync(userId: sub, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            (userId, email) = (sub, users.Count > 0 ? users[0].PrimaryEmail : null);
        }

        return new ClerkTokenInspection(
            userId, email, subject.SessionId, subject.Source, token.Subject, token.SessionId, token.IssuedAt, token.ExpiresAt, token.Fingerprint);
    }

    /// <summary>The mint in flight (or the last one), so tests can wait for a background renewal to land.</summary>
    internal Task? PendingMint => Volatile.Read(ref _mint);

    /// <summary>Idempotent: the container disposes it once as itself and once as <see cref="IClerkTokenManager"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private void StartRefreshAhead(CachedToken cached, long now)
    {
        if (Volatile.Read(ref _mint) is { IsCompleted: false } || now < Volatile.Read(ref _noRenewalBeforeTicks))
        {
            return;
        }

        lock (_gate)
        {
            if (_mint is { IsCompleted: false } || !ReferenceEquals(_cached, cached))
            {
                return;
            }

            _logger.RefreshAheadStarted(cached.Token.SessionId, cached.Token.Fingerprint, cached.Token.ExpiresAt);
            _mint = StartMint();
        }
    }

    private async ValueTask<ClerkSessionToken> WaitForMintAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> mint;
        lock (_gate)
        {
            var cached = _cached;
            if (cached is not null && _timeProvider.GetUtcNow().UtcTicks < cached.ValidUntilTicks)
            {
                return cached.Token;
            }

            // A finished mint is never reused: its token is already in _cached, or it failed and failures are not cached.
            mint = _mint is { IsCompleted: false } running ? running : _mint = StartMint();
        }

        var minted = await mint.WaitAsync(cancellationToken).ConfigureAwait(false);
        return minted.Token;
    }

    /// <summary>Runs the mint off the caller's stack and on the manager's own cancellation, so no caller can cancel it.</summary>
    private Task<CachedToken> StartMint()
    {
        var mint = Task.Run(() => MintAsync(_shutdownToken), CancellationToken.None);

        // A renewal nobody awaits may fail; it is logged in MintAsync, so mark the exception observed.
        mint.ContinueWith(
            static task => _ = task.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return mint;
    }

    private async Task<CachedToken> MintAsync(CancellationToken cancellationToken)
    {
        try
        {
            var subject = _subject ??= await _selector.SelectAsync(cancellationToken).ConfigureAwait(false);
            ClerkSessionToken token;
            try
            {
                token = await MintForAsync(subject, cancellationToken).ConfigureAwait(false);
            }
            catch (ClerkApiException gone) when (IsSessionGone(gone))
            {
                if (subject.Source == ClerkSubjectSource.SessionId)
                {
                    throw new ClerkAuthenticationException(
                        $"Clerk session {ClerkConfigurationKeys.SessionId}={subject.SessionId} cannot mint tokens ({gone.Message}): sign in to {_options.AppName} again and set {ClerkConfigurationKeys.SessionId} to the new session, or remove it to let the server pick the user's latest session.",
                        gone);
                }

                _logger.SessionGone(subject.SessionId, (int)gone.StatusCode);
                subject = _subject = await _selector.SelectSessionOfSameUserAsync(subject, cancellationToken).ConfigureAwait(false);
                token = await MintForAsync(subject, cancellationToken).ConfigureAwait(false);
            }

            // Read once Clerk has answered: a mint that waited out 429s would otherwise look like clock skew
            // and have its expiry timed from before the wait, shortening the token.
            var receivedAt = _timeProvider.GetUtcNow();

            var cached = Schedule(token, receivedAt);
            Volatile.Write(ref _cached, cached);
            _metrics?.RecordTokenMinted();
            _logger.TokenMinted(token.SessionId, token.ExpiresAt, token.Fingerprint, new DateTimeOffset(cached.RefreshAtTicks, TimeSpan.Zero));
            return cached;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Volatile.Write(ref _noRenewalBeforeTicks, (_timeProvider.GetUtcNow() + RenewalRetryDelay).UtcTicks);
            _metrics?.RecordTokenMintFailed(exception);
            _logger.MintFailed(exception.Message, exception);
            throw;
        }
    }

    private async Task<ClerkSessionToken> MintForAsync(ClerkSubject subject, CancellationToken cancellationToken)
    {
        string jwt;
        try
        {
            jwt = await _clerk.CreateSessionTokenAsync(subject.SessionId, _options.TokenLifetimeSeconds, _options.JwtTemplate, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ClerkApiException notFound) when (notFound.StatusCode == HttpStatusCode.NotFound && IsUnknownTemplate(notFound))
        {
            // Not a gone session: signing in again or picking another session would not help, so no recovery either.
            throw new ClerkAuthenticationException(
                $"{ClerkConfigurationKeys.JwtTemplate}={_options.JwtTemplate} is not a JWT template of this Clerk instance ({notFound.Message}): create it in the Clerk dashboard under JWT templates, or fix or remove {ClerkConfigurationKeys.JwtTemplate}.",
                notFound);
        }

        return ClerkSessionToken.Parse(jwt, subject.SessionId);
    }

    /// <summary>
    /// Clerk refuses to mint for a session that is no longer active: 404 for one it no longer serves, 410 or 422 for
    /// one that ended or can no longer issue tokens. Either way another session of the user is the remedy.
    /// </summary>
    internal static bool IsSessionGone(ClerkApiException error) =>
        error.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.UnprocessableEntity;

    /// <summary>Clerk answers an unknown template with the same 404 code as a gone session; only its message tells them apart.</summary>
    private bool IsUnknownTemplate(ClerkApiException notFound) =>
        _options.JwtTemplate is not null
        && notFound.LongMessage is { } text
        && text.Contains("JWT template", StringComparison.OrdinalIgnoreCase);

    /// <summary>Works out, in local clock terms, when a token is renewed and when it stops being handed out.</summary>
    private CachedToken Schedule(ClerkSessionToken token, DateTimeOffset receivedAt)
    {
        var lifetime = token.ExpiresAt - (token.IssuedAt ?? receivedAt);
        if (lifetime < TimeSpan.Zero)
        {
            lifetime = TimeSpan.Zero;
        }

        var expiresAt = token.ExpiresAt;
        if (token.IssuedAt is { } issuedAt && (issuedAt - receivedAt).Duration() > ClockSkewTolerance)
        {
            // A clock far off Clerk's would make every token look expired (or eternal); time it from its arrival.
            _logger.ClockSkewDetected(issuedAt - receivedAt);
            expiresAt = receivedAt + lifetime;
        }

        var margin = _options.TokenRefreshMarginSeconds is { } configured
            ? TimeSpan.FromSeconds(configured)
            : TimeSpan.FromTicks(Math.Min(MaxDefaultMargin.Ticks, lifetime.Ticks / 4));

        // A margin as long as the lifetime would renew on every call; keep at least half the lifetime usable.
        if (margin > lifetime / 2 && _options.TokenRefreshMarginSeconds is not null)
        {
            margin = lifetime / 2;
        }

        if (margin < MinimumMargin)
        {
            margin = MinimumMargin;
        }

        var refreshAt = (expiresAt - margin).UtcTicks;
        var validUntil = Math.Max(refreshAt, (expiresAt - ExpiryGuard).UtcTicks);
        return new CachedToken(token, refreshAt, validUntil);
    }

    private sealed class CachedToken(ClerkSessionToken token, long refreshAtTicks, long validUntilTicks)
    {
        public ClerkSessionToken Token { get; } = token;

        /// <summary>UTC ticks from which a caller starts a renewal.</summary>
        public long RefreshAtTicks { get; } = refreshAtTicks;

        /// <summary>UTC ticks from which the token is no longer handed out.</summary>
        public long ValidUntilTicks { get; } = validUntilTicks;
    }
}
