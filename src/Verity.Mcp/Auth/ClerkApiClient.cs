using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;

namespace Verity.Mcp.Auth;

/// <summary>
/// The few Clerk Backend API calls the token manager needs, over the named client <see cref="HttpClientName"/>.
/// Every request carries the secret key and <c>Clerk-API-Version</c>; a 429 is retried after its
/// <c>Retry-After</c> (a bounded number of times); any other error becomes a <see cref="ClerkApiException"/>.
/// </summary>
public sealed class ClerkApiClient
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the Clerk client (base address <c>CLERK_API_URL/v1/</c>).</summary>
    public const string HttpClientName = "Verity.Clerk";

    /// <summary>Attempts per call when Clerk answers 429 (the first try included).</summary>
    internal const int MaxRateLimitAttempts = 4;

    /// <summary>A Retry-After longer than this is not waited out: the caller gets the 429 instead.</summary>
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The <c>order_by</c> value that lists users by sign-up time, oldest first.</summary>
    public const string OldestFirst = "+created_at";

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ClerkOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;

    public ClerkApiClient(
        IHttpClientFactory httpClientFactory,
        IOptions<ClerkOptions> options,
        TimeProvider timeProvider,
        ILogger<ClerkApiClient> logger)
        : this(httpClientFactory, options, timeProvider, logger, SecretRedactor.For(options?.Value.SecretKey, options?.Value.LegacyApiKey))
    {
    }

    public ClerkApiClient(
        IHttpClientFactory httpClientFactory,
        IOptions<ClerkOptions> options,
        TimeProvider timeProvider,
        ILogger<ClerkApiClient> logger,
        SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _redactor = redactor;
    }

    /// <summary>
    /// <c>GET /v1/users</c>, filtered by id and/or e-mail when given, in Clerk's order (newest first) unless
    /// <paramref name="orderBy"/> asks for another (e.g. <see cref="OldestFirst"/>).
    /// </summary>
    public async Task<IReadOnlyList<ClerkUser>> ListUsersAsync(
        string? userId = null,
        string? emailAddress = null,
        int limit = 10,
        string? orderBy = null,
        CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder("users?limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        AppendQuery(query, "user_id", userId);
        AppendQuery(query, "email_address", emailAddress);
        AppendQuery(query, "order_by", orderBy);
        var body = await SendAsync(HttpMethod.Get, query.ToString(), "GET /v1/users", content: null, cancellationToken).ConfigureAwait(false);
        return Deserialize(body, ClerkJsonContext.Default.ListClerkUser, "GET /v1/users");
    }

    /// <summary>
    /// <c>GET /v1/sessions?user_id=…&amp;status=active</c>. Accepts the bare array and the paginated
    /// <c>{"data":[…],"total_count":N}</c> form.
    /// </summary>
    public async Task<IReadOnlyList<ClerkSession>> ListActiveSessionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        // paginated=true is the form Clerk's own SDK asks for; the bare array is still accepted below.
        var query = new StringBuilder("sessions?status=active&limit=100&paginated=true");
        AppendQuery(query, "user_id", userId);
        const string operation = "GET /v1/sessions";
        var body = await SendAsync(HttpMethod.Get, query.ToString(), operation, content: null, cancellationToken).ConfigureAwait(false);
        return StartsWithArray(body)
            ? Deserialize(body, ClerkJsonContext.Default.ListClerkSession, operation)
            : Deserialize(body, ClerkJsonContext.Default.ClerkSessionPage, operation).Data;
    }

    /// <summary>
    /// <c>POST /v1/sessions/{id}/tokens[/{template}]</c>: a new session token (JWT text).
    /// <paramref name="expiresInSeconds"/> null keeps Clerk's default lifetime.
    /// </summary>
    public async Task<string> CreateSessionTokenAsync(
        string sessionId,
        int? expiresInSeconds = null,
        string? template = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        var path = "sessions/" + Uri.EscapeDataString(sessionId) + "/tokens";
        var operation = "POST /v1/sessions/" + sessionId + "/tokens";
        if (!string.IsNullOrEmpty(template))
        {
            path += "/" + Uri.EscapeDataString(template);
            operation += "/" + template;
        }

        var json = expiresInSeconds is null
            ? null
            : JsonSerializer.SerializeToUtf8Bytes(new CreateSessionTokenBody { ExpiresInSeconds = expiresInSeconds }, ClerkJsonContext.Default.CreateSessionTokenBody);
        var body = await SendAsync(HttpMethod.Post, path, operation, json, cancellationToken).ConfigureAwait(false);
        var token = Deserialize(body, ClerkJsonContext.Default.ClerkTokenResponse, operation);
        return string.IsNullOrEmpty(token.Jwt)
            ? throw new ClerkAuthenticationException($"Clerk {operation} answered without a jwt.")
            : token.Jwt;
    }

    /// <summary>
    /// <c>POST /v1/sessions</c>: a new active session for the user. Clerk allows it on development instances
    /// only, so it is refused unless <c>CLERK_CREATE_SESSION=true</c>.
    /// </summary>
    public async Task<ClerkSession> CreateSessionAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!_options.CreateSession)
        {
            throw new ClerkAuthenticationException(
                $"Creating a Clerk session needs {ClerkConfigurationKeys.CreateSession}=true (development instances only).");
        }

        const string operation = "POST /v1/sessions";
        var json = JsonSerializer.SerializeToUtf8Bytes(new CreateSessionBody { UserId = userId }, ClerkJsonContext.Default.CreateSessionBody);
        var body = await SendAsync(HttpMethod.Post, "sessions", operation, json, cancellationToken).ConfigureAwait(false);
        return Deserialize(body, ClerkJsonContext.Default.ClerkSession, operation);
    }

    private async Task<byte[]> SendAsync(HttpMethod method, string relativeUri, string operation, byte[]? content, CancellationToken cancellationToken)
    {
        var secretKey = _options.SecretKey;
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new ClerkAuthenticationException(
                $"{ClerkConfigurationKeys.SecretKey} is not set: set it to your Clerk secret key (sk_test_… or sk_live_…) in the MCP server's env.");
        }

        var http = _httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, relativeUri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
            request.Headers.TryAddWithoutValidation("Clerk-API-Version", ClerkOptions.ApiVersion);
            if (content is not null)
            {
                request.Content = new ByteArrayContent(content) { Headers = { ContentType = JsonContentType } };
            }

            var (response, body) = await ExchangeAsync(http, request, operation, cancellationToken).ConfigureAwait(false);
            using var disposeResponse = response;
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var error = ToException(operation, response, body);
            if (error.StatusCode != HttpStatusCode.TooManyRequests || attempt >= MaxRateLimitAttempts)
            {
                throw error;
            }

            var delay = error.RetryAfter ?? DefaultRetryAfter;
            if (delay > MaxRetryAfter)
            {
                throw error;
            }

            _logger.RateLimited(operation, delay, attempt, MaxRateLimitAttempts);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Transport failures become <see cref="ClerkAuthenticationException"/>s that name Clerk: surfacing as a plain
    /// <see cref="HttpRequestException"/> from inside the API's pipeline, they would read as "the API is unreachable"
    /// and be retried as if they were.
    /// </summary>
    private async Task<(HttpResponseMessage Response, byte[] Body)> ExchangeAsync(
        HttpClient http, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return (response, body);
        }
        catch (HttpRequestException exception)
        {
            response?.Dispose();
            throw new ClerkAuthenticationException(
                $"Could not reach Clerk for {operation} at {_options.ApiUrl} ({exception.Message}): check {ClerkConfigurationKeys.ApiUrl} and the network.",
                exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new ClerkAuthenticationException(
                $"Clerk did not answer {operation} within {http.Timeout.TotalSeconds:0} s: check {ClerkConfigurationKeys.ApiUrl} and the network, or try again later.",
                exception);
        }
    }

    private ClerkApiException ToException(string operation, HttpResponseMessage response, byte[] body)
    {
        ClerkErrorBody? parsed = null;
        try
        {
            parsed = body.Length == 0 ? null : JsonSerializer.Deserialize(body, ClerkJsonContext.Default.ClerkErrorBody);
        }
        catch (JsonException)
        {
            // Not Clerk's error shape (a proxy's HTML page, say): the status alone still tells the story.
        }

        var first = parsed?.Errors.FirstOrDefault();
        return new ClerkApiException(
            operation,
            response.StatusCode,
            Redact(first?.Code),
            Redact(first?.LongMessage ?? first?.Message),
            Redact(parsed?.ClerkTraceId),
            RetryAfter(response));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var delay = date - _timeProvider.GetUtcNow();
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }

    /// <summary>Clerk does not echo keys, but an error body is foreign text: make sure no secret can leak through it.</summary>
    private string? Redact(string? text) => text is null ? null : _redactor.Redact(text);

    private static void AppendQuery(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static bool StartsWithArray(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> typeInfo, string operation)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new ClerkAuthenticationException($"Clerk {operation} answered null instead of JSON.");
        }
        catch (JsonException exception)
        {
            throw new ClerkAuthenticationException(
                $"Clerk {operation} answered with JSON this client does not understand ({exception.Message}). Check {ClerkConfigurationKeys.ApiUrl}.",
                exception);
        }
    }
}
