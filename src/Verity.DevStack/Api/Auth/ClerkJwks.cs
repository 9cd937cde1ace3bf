using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Verity.DevStack.Api.Auth;

/// <summary>
/// The Clerk instance's signing keys, fetched from <c>GET {clerkApiUrl}/v1/jwks</c> with the secret key, cached for a
/// while (Clerk's middleware: 5 minutes) and fetched again at once when a token names a <c>kid</c> not in the cache.
/// </summary>
internal sealed class ClerkJwks : ISigningKeySource, IDisposable
{
    public const string HttpClientName = "Verity.DevStack.ClerkJwks";
    private const string ApiVersion = "2026-05-12";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _jwksUri;
    private readonly string _secretKey;
    private readonly TimeSpan _cacheDuration;
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private volatile KeySet? _keys;
    private long _fetchCount;

    public ClerkJwks(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, string clerkApiUrl, string secretKey, TimeSpan cacheDuration)
    {
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _jwksUri = new Uri(clerkApiUrl.TrimEnd('/') + "/v1/jwks", UriKind.Absolute);
        _secretKey = secretKey;
        _cacheDuration = cacheDuration;
    }

    /// <summary>How many times the keys were fetched (tests check caching and refetch-on-unknown-kid with it).</summary>
    public long FetchCount => Interlocked.Read(ref _fetchCount);

    /// <summary>The public key for <paramref name="keyId"/>, or null when the instance does not have it.</summary>
    /// <exception cref="HttpRequestException">The keys could not be fetched and none are cached.</exception>
    public async Task<RSA?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is not null && !IsStale(keys) && keys.ById.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        var fetchedBefore = keys;
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else may have fetched while this request waited.
            keys = _keys;
            if (keys is null || ReferenceEquals(keys, fetchedBefore) || IsStale(keys))
            {
                try
                {
                    keys = await FetchAsync(cancellationToken).ConfigureAwait(false);
                    var previous = _keys;
                    _keys = keys;
                    previous?.Dispose();
                }
                catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException && _keys is not null)
                {
                    // Keep verifying with the keys we have; an unknown kid stays unknown.
                    keys = _keys!;
                }
            }

            return keys.ById.TryGetValue(keyId, out var key) ? key : null;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    public void Dispose()
    {
        _keys?.Dispose();
        _fetchGate.Dispose();
    }

    private bool IsStale(KeySet keys) => _timeProvider.GetUtcNow() - keys.FetchedAt >= _cacheDuration;

    private async Task<KeySet> FetchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetchCount);
        using var request = new HttpRequestMessage(HttpMethod.Get, _jwksUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secretKey);
        request.Headers.TryAddWithoutValidation("Clerk-API-Version", ApiVersion);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Clerk JWKS endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return KeySet.Parse(bytes, _timeProvider.GetUtcNow());
    }

    private sealed class KeySet(Dictionary<string, RSA> byId, DateTimeOffset fetchedAt) : IDisposable
    {
        public Dictionary<string, RSA> ById { get; } = byId;

        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public static KeySet Parse(byte[] json, DateTimeOffset fetchedAt)
        {
            using var document = JsonDocument.Parse(json);
            var keys = new Dictionary<string, RSA>(StringComparer.Ordinal);
            if (document.RootElement.TryGetProperty("keys", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var jwk in array.EnumerateArray())
                {
                    if (Text(jwk, "kty") != "RSA" || Text(jwk, "kid") is not { } kid || Text(jwk, "n") is not { } n || Text(jwk, "e") is not { } e)
                    {
                        continue;
                    }

                    if (Text(jwk, "use") is { } use && use != "sig")
                    {
                        continue;
                    }

                    var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(n), Exponent = Base64Url.DecodeFromChars(e) });
                    keys[kid] = rsa;
                }
            }

            return new KeySet(keys, fetchedAt);
        }

        public void Dispose()
        {
            // Keys may still be in use by a verification in flight; RSA public-key verification after Dispose throws,
            // so retired key sets are left to the GC instead of disposed eagerly.
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
