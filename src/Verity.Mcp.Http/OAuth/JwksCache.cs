using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Verity.Mcp.HttpServer.Configuration;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// The authorization server's signing keys (<c>{CLERK_FRONTEND_API_URL}/.well-known/jwks.json</c>), kept in memory.
/// A token signed with a key not in the cache (the server rotated its keys) makes one refetch, and refetches happen
/// at most once per <see cref="MinRefetchInterval"/> whatever callers send, so a flood of tokens with made-up
/// <c>kid</c>s costs the authorization server one request per interval. Concurrent callers share one fetch.
/// </summary>
internal sealed partial class JwksCache : IDisposable
{
    public const string HttpClientName = "Verity.Jwks";
    public static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(10);

    /// <summary>Keys older than this are refetched on the next use, so a key the server withdrew stops working.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly IHttpClientFactory _httpClients;
    private readonly Uri _jwksUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long? _lastAttempt;

    public JwksCache(IHttpClientFactory httpClients, HttpServerOptions options, TimeProvider time, ILogger<JwksCache> logger)
    {
        _httpClients = httpClients;
        _jwksUrl = JwksUrl(options.FrontendApiUrl ?? throw new InvalidOperationException("The Frontend API URL is not set."));
        _time = time;
        _logger = logger;
    }

    /// <summary>True once the keys have been fetched at least once (readiness).</summary>
    public bool HasKeys => _snapshot is not null;

    public static Uri JwksUrl(Uri frontendApiUrl) => new(frontendApiUrl.AbsoluteUri.TrimEnd('/') + "/.well-known/jwks.json");

    /// <summary>The key named <paramref name="kid"/>, fetching the set when it is unknown or old (within the refetch limit); null when there is none.</summary>
    public async ValueTask<RSA?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Keys.TryGetValue(kid, out var key) && _time.GetElapsedTime(snapshot.FetchedAt) < MaxAge)
        {
            return key;
        }

        snapshot = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return snapshot?.Keys.GetValueOrDefault(kid);
    }

    /// <summary>Fetches the keys unless a fetch was tried within <see cref="MinRefetchInterval"/>; returns the keys held afterwards.</summary>
    public async Task<Snapshot?> RefreshAsync(CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastAttempt is { } last && _time.GetElapsedTime(last) < MinRefetchInterval)
            {
                return _snapshot;
            }

            _lastAttempt = _time.GetTimestamp();
            try
            {
                using var http = _httpClients.CreateClient(HttpClientName);
                var json = await http.GetByteArrayAsync(_jwksUrl, cancellationToken).ConfigureAwait(false);
                var keys = JsonWebKeySet.Parse(json);
                _snapshot = new Snapshot(keys, _time.GetTimestamp());
                LogFetched(_logger, keys.Count, _jwksUrl);
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or CryptographicException or FormatException
                or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Keep the keys we have: a brief outage of the authorization server must not reject valid tokens.
                LogFetchFailed(_logger, _jwksUrl, exception.GetType().Name, exception.Message);
            }

            return _snapshot;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    public void Dispose() => _fetchGate.Dispose();

    internal sealed record Snapshot(IReadOnlyDictionary<string, RSA> Keys, long FetchedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {Url}.")]
    private static partial void LogFetched(ILogger logger, int count, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the signing keys from {Url} ({Error}: {Reason}); keeping the keys held, if any.")]
    private static partial void LogFetchFailed(ILogger logger, Uri url, string error, string reason);
}
