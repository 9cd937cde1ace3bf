using Verity.DevStack.Clerk.OAuth;

namespace Verity.DevStack.Clerk;

/// <summary>
/// One emulated Clerk instance: its users, sessions, signing key, rate limit and injected faults. The HTTP
/// endpoints (<see cref="ClerkEmulatorEndpoints.MapClerkEmulator"/>) serve it; tests drive it in-process.
/// Safe to use from many threads.
/// </summary>
public sealed class ClerkInstance : IDisposable
{
    private const int MaxRecorded = 10_000;

    private readonly ClerkDirectory _directory = new();
    private readonly ClerkSigningKeys _keys;
    private readonly ClerkTokenIssuer _issuer;
    private readonly ClerkRateLimiter _rateLimiter;
    private readonly ClerkOAuthServer _oauth;
    private string? _frontendApiUrl;
    private readonly ClerkFaultInjector _faults = new();
    private readonly Dictionary<string, ClerkJwtTemplate> _templates;
    private readonly Lock _logGate = new();
    private readonly Queue<ClerkRequestRecord> _requests = new();
    private readonly Queue<ClerkIssuedToken> _issuedTokens = new();
    private readonly Dictionary<string, int> _tokensBySession = new(StringComparer.Ordinal);
    private int _tokensIssued;
    private long _requestsReceived;
    private long _sessionsCreated;
    private long _rateLimited;
    private long _faultsServed;

    /// <exception cref="ArgumentException">An option cannot work; the message names it.</exception>
    public ClerkInstance(ClerkEmulatorOptions? options = null)
    {
        Options = options ?? new ClerkEmulatorOptions();
        Options.Validate();
        _keys = new ClerkSigningKeys(Options.ReuseSigningKeyMaterial);
        TimeProvider = Options.TimeProvider;
        SecretKey = Options.SecretKey ?? ClerkIds.NewSecretKey(Options.InstanceType);
        Issuer = Options.Issuer;
        _issuer = new ClerkTokenIssuer(_keys, TimeProvider, Issuer);
        _rateLimiter = new ClerkRateLimiter(Options.EffectiveRateLimitPermits, Options.RateLimitWindow, TimeProvider);
        _templates = Options.JwtTemplates.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _oauth = new ClerkOAuthServer(this);

        if (Options.Seed)
        {
            var now = TimeProvider.GetUtcNow();
            foreach (var user in ClerkEmulatorSeed.Users(now))
            {
                _directory.AddUser(user);
            }

            foreach (var session in ClerkEmulatorSeed.Sessions(now))
            {
                _directory.AddSession(session);
            }
        }
    }

    public ClerkEmulatorOptions Options { get; }

    /// <summary>The secret key clients must send as <c>Authorization: Bearer …</c>.</summary>
    public string SecretKey { get; }

    /// <summary>The <c>iss</c> of every token (the instance's Frontend API URL).</summary>
    public string Issuer { get; }

    public ClerkInstanceType InstanceType => Options.InstanceType;

    /// <summary>
    /// The URL the instance's Frontend API is served at: the issuer of its OAuth access tokens and of its
    /// authorization server metadata. Null until the host knows it (<see cref="ClerkEmulator"/> sets it on start;
    /// an app that maps the emulator itself calls <see cref="UseFrontendApiUrl"/>, or the URL is taken from each request).
    /// </summary>
    public string? FrontendApiUrl => Volatile.Read(ref _frontendApiUrl);

    /// <summary>Sets <see cref="FrontendApiUrl"/>: an absolute http(s) URL without query, fragment or trailing slash.</summary>
    public void UseFrontendApiUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || url.EndsWith('/'))
        {
            throw new ArgumentException("The Frontend API URL must be an absolute http(s) URL without query, fragment or trailing slash.", nameof(url));
        }

        Volatile.Write(ref _frontendApiUrl, url);
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>The <c>kid</c> of the current signing key (the only key in the JWKS).</summary>
    public string CurrentKeyId => _keys.CurrentKeyId;

    public IReadOnlyList<ClerkUser> Users => _directory.Users;

    public IReadOnlyList<ClerkSession> Sessions => _directory.Sessions;

    public ClerkUser? FindUser(string userId) => _directory.FindUser(userId);

    public ClerkSession? FindSession(string sessionId) => _directory.FindSession(sessionId);

    /// <summary>
    /// Adds a user with a verified e-mail address (and phone number, if given), created now or, like a user Clerk
    /// imported, at <paramref name="createdAt"/>.
    /// </summary>
    public ClerkUser AddUser(string firstName, string lastName, string emailAddress, string? phoneNumber = null, DateTimeOffset? createdAt = null)
    {
        var now = createdAt ?? TimeProvider.GetUtcNow();
        var user = new ClerkUser(
            ClerkIds.New("user"),
            firstName,
            lastName,
            ClerkIds.New("idn"),
            emailAddress,
            ClerkIds.New("idn"),
            phoneNumber ?? string.Empty,
            now,
            now,
            null);
        _directory.AddUser(user);
        return user;
    }

    /// <summary>Creates an active session for <paramref name="userId"/> (whatever the instance type).</summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    public ClerkSession CreateSession(string userId)
    {
        if (_directory.FindUser(userId) is null)
        {
            throw new KeyNotFoundException($"The emulator has no user {userId}.");
        }

        var now = TimeProvider.GetUtcNow();
        var session = new ClerkSession(
            ClerkIds.New("sess"),
            userId,
            ClerkIds.New("client"),
            ClerkSessionStatus.Active,
            now,
            now,
            now,
            now + ClerkEmulatorSeed.SessionLifetime,
            now + ClerkEmulatorSeed.SessionAbandonAfter);
        _directory.AddSession(session);
        Interlocked.Increment(ref _sessionsCreated);
        return session;
    }

    /// <summary>Revokes a session: token requests for it answer 404 from now on.</summary>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    public ClerkSession RevokeSession(string sessionId) => SetSessionStatus(sessionId, ClerkSessionStatus.Revoked);

    /// <summary>Ends a session (as a sign-out does): token requests for it answer 404 from now on.</summary>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    public ClerkSession EndSession(string sessionId) => SetSessionStatus(sessionId, ClerkSessionStatus.Ended);

    /// <summary>Sets any <see cref="ClerkSessionStatus"/> on a session.</summary>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    public ClerkSession SetSessionStatus(string sessionId, string status)
    {
        if (!ClerkSessionStatus.All.Contains(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a Clerk session status.");
        }

        return _directory.SetSessionStatus(sessionId, status, TimeProvider.GetUtcNow())
            ?? throw new KeyNotFoundException($"The emulator has no session {sessionId}.");
    }

    /// <summary>Replaces the signing key; the old key leaves the JWKS, so tokens it signed stop verifying. Returns the new <c>kid</c>.</summary>
    public string RotateSigningKey() => _keys.Rotate();

    /// <summary>Makes the next <paramref name="count"/> requests whose path contains <paramref name="pathContains"/> (any, if null) fail with <paramref name="fault"/>.</summary>
    public void InjectFaults(int count, ClerkFault fault, string? pathContains = null) => _faults.Add(count, fault, pathContains);

    /// <summary>Makes the next <paramref name="count"/> matching requests answer <paramref name="statusCode"/> with a Clerk error body.</summary>
    public void InjectFaults(int count, int statusCode, string? pathContains = null) =>
        _faults.Add(count, ClerkFault.Status(statusCode), pathContains);

    /// <summary>Holds the next <paramref name="count"/> matching requests for <paramref name="delay"/> (on <see cref="TimeProvider"/>) before answering normally.</summary>
    public void InjectFaults(int count, TimeSpan delay, string? pathContains = null) =>
        _faults.Add(count, ClerkFault.Delayed(delay), pathContains);

    public void ClearFaults() => _faults.Clear();

    /// <summary>How many injected faults are still waiting to be served.</summary>
    public int PendingFaults => _faults.Pending;

    /// <summary>Starts a fresh rate-limit window.</summary>
    public void ResetRateLimit() => _rateLimiter.Reset();

    /// <summary>
    /// Mints a session token in-process, as <c>POST /v1/sessions/{id}/tokens</c> would (and counts it).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such session, or it is not active.</exception>
    public string IssueToken(string sessionId, int? lifetimeSeconds = null, string? template = null)
    {
        var session = FindActiveSession(sessionId) ?? throw new KeyNotFoundException($"The emulator has no active session {sessionId}.");
        ClerkJwtTemplate? jwtTemplate = null;
        if (template is not null && !_templates.TryGetValue(template, out jwtTemplate))
        {
            throw new KeyNotFoundException($"The emulator has no JWT template {template}.");
        }

        return Mint(session, lifetimeSeconds, jwtTemplate);
    }

    /// <summary>
    /// Mints an OAuth access token for a user as <c>/oauth/token</c> would, with the overrides of
    /// <paramref name="request"/> (wrong audience or issuer, expired, not yet valid, unknown <c>kid</c>), for tests of
    /// resource servers. Not counted in <see cref="TokensIssued"/> (that counts session tokens).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    /// <exception cref="InvalidOperationException">No issuer given and <see cref="FrontendApiUrl"/> is not known yet.</exception>
    public ClerkOAuthAccessToken IssueOAuthAccessToken(ClerkOAuthAccessTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var issuer = request.Issuer ?? FrontendApiUrl
            ?? throw new InvalidOperationException("The Frontend API URL is not known yet; call UseFrontendApiUrl or name an issuer.");
        return _oauth.Issue(request, issuer);
    }

    /// <summary>The user a sign-in names: a user id, or an e-mail address (case-insensitive).</summary>
    public ClerkUser? FindUserByIdOrEmail(string idOrEmail) =>
        _directory.FindUser(idOrEmail)
        ?? _directory.Users.FirstOrDefault(u => string.Equals(u.EmailAddress, idOrEmail, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tokens minted so far (metadata only; the most recent 10,000), oldest first.</summary>
    public IReadOnlyList<ClerkIssuedToken> IssuedTokens
    {
        get
        {
            lock (_logGate)
            {
                return [.. _issuedTokens];
            }
        }
    }

    /// <summary>How many tokens have been minted.</summary>
    public int TokensIssued
    {
        get
        {
            lock (_logGate)
            {
                return _tokensIssued;
            }
        }
    }

    /// <summary>How many tokens have been minted for <paramref name="sessionId"/>.</summary>
    public int TokensIssuedFor(string sessionId)
    {
        lock (_logGate)
        {
            return _tokensBySession.GetValueOrDefault(sessionId);
        }
    }

    /// <summary>The requests answered so far (the most recent 10,000), oldest first.</summary>
    public IReadOnlyList<ClerkRequestRecord> Requests
    {
        get
        {
            lock (_logGate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many requests reached the Backend API endpoints (including refused ones).</summary>
    public long RequestsReceived => Interlocked.Read(ref _requestsReceived);

    /// <summary>How many sessions were created (in-process or through <c>POST /v1/sessions</c>).</summary>
    public long SessionsCreated => Interlocked.Read(ref _sessionsCreated);

    /// <summary>How many requests were refused with 429 by the rate limit (injected 429s not included).</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>How many injected faults were served.</summary>
    public long FaultsServed => Interlocked.Read(ref _faultsServed);

    public void Dispose()
    {
        _oauth.Dispose();
        _keys.Dispose();
    }

    internal ClerkDirectory Directory => _directory;

    internal ClerkSigningKeys Keys => _keys;

    internal ClerkOAuthServer OAuth => _oauth;

    internal ClerkSession? FindActiveSession(string sessionId)
    {
        var session = _directory.FindSession(sessionId);
        return session is not null && session.StatusAt(TimeProvider.GetUtcNow()) == ClerkSessionStatus.Active ? session : null;
    }

    internal bool TryGetTemplate(string name, out ClerkJwtTemplate? template) => _templates.TryGetValue(name, out template);

    internal string Mint(ClerkSession session, int? lifetimeSeconds, ClerkJwtTemplate? template)
    {
        var lifetime = lifetimeSeconds ?? template?.LifetimeSeconds ?? ClerkTokenIssuer.DefaultLifetimeSeconds;
        var (jwt, token) = _issuer.Issue(session, _directory.FindUser(session.UserId), lifetime, template);
        lock (_logGate)
        {
            _tokensIssued++;
            _tokensBySession[session.Id] = _tokensBySession.GetValueOrDefault(session.Id) + 1;
            if (_issuedTokens.Count == MaxRecorded)
            {
                _issuedTokens.Dequeue();
            }

            _issuedTokens.Enqueue(token);
        }

        return jwt;
    }

    internal int? TryAcquireRateLimit()
    {
        if (!Options.EnableRateLimit)
        {
            return null;
        }

        var retryAfter = _rateLimiter.TryAcquire(SecretKey);
        if (retryAfter is not null)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        return retryAfter;
    }

    internal ClerkFault? TryTakeFault(string path)
    {
        var fault = _faults.TryTake(path);
        if (fault is not null)
        {
            Interlocked.Increment(ref _faultsServed);
        }

        return fault;
    }

    internal void CountRequest() => Interlocked.Increment(ref _requestsReceived);

    internal void Record(ClerkRequestRecord record)
    {
        lock (_logGate)
        {
            if (_requests.Count == MaxRecorded)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(record);
        }
    }
}
