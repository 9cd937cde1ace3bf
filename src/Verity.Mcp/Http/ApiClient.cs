using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Http;

/// <summary>
/// Sends bound requests to one API through its named <see cref="HttpClient"/> (resilience and auth handlers
/// included) and reads the answer within the time and size limits.
/// </summary>
internal sealed class ApiClient : IApiClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _httpClientName;
    private readonly string _baseUrl;
    private readonly TimeSpan _defaultTimeout;
    private readonly int _maxResponseBytes;

    public ApiClient(IHttpClientFactory httpClientFactory, ApiClientOptions options, string httpClientName, TimeProvider timeProvider, ILogger<ApiClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _timeProvider = timeProvider;
        _logger = logger;

        var value = options;
        var baseUri = value.BaseUri ?? throw new InvalidOperationException($"{value.Settings.BaseUrl} is not a valid absolute http(s) URL.");
        // Keep the base path (https://x/v2) and append the request's path to it.
        _baseUrl = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _defaultTimeout = value.Timeout;
        _maxResponseBytes = value.MaxResponseBytes;
    }

    public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Endpoint.Timeout ?? _defaultTimeout;
        var started = _timeProvider.GetTimestamp();

        using var message = CreateMessage(request);
        var client = _httpClientFactory.CreateClient(_httpClientName);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiTimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            ApiClientLog.TimedOut(_logger, request.Method.Method, request.Endpoint.PathTemplate, limit.TotalSeconds);
            throw;
        }

        using (response)
        {
            // The headers came within the attempt's limit; the body gets the same limit of its own.
            using var bodyTimeout = new CancellationTokenSource(limit, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
            ResponseBodyReader.Body body;
            try
            {
                body = await ResponseBodyReader.ReadAsync(response.Content, _maxResponseBytes, linked.Token).ConfigureAwait(false);
            }
            // The API has answered (and may have acted): a failure from here on keeps the status it answered with.
            catch (OperationCanceledException ex) when (bodyTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                ApiClientLog.TimedOut(_logger, request.Method.Method, request.Endpoint.PathTemplate, limit.TotalSeconds);
                throw new ApiTimeoutException(limit, ex) { StatusCode = (int)response.StatusCode };
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep the interface's promise: transport failures surface as HttpRequestException.
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection closed before the whole answer arrived.", ex, response.StatusCode);
            }

            if (body.Truncated)
            {
                ApiClientLog.BodyCut(_logger, request.Method.Method, request.Endpoint.PathTemplate, _maxResponseBytes);
            }

            ApiClientLog.Answered(
                _logger,
                request.Method.Method,
                request.Endpoint.PathTemplate,
                (int)response.StatusCode,
                _timeProvider.GetElapsedTime(started).TotalMilliseconds,
                body.Length);

            var authRetried = (response.RequestMessage ?? message).Options.TryGetValue(ApiRequestOptions.AuthRetried, out var retried) && retried;
            return new ApiResponse
            {
                StatusCode = (int)response.StatusCode,
                ReasonPhrase = response.ReasonPhrase,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                Body = body.Buffer.AsMemory(0, body.Length),
                TotalLength = body.TotalLength,
                Truncated = body.Truncated,
                AuthRetried = authRetried,
                RetryAfter = ApiResiliencePipeline.RetryAfter(response, _timeProvider),
            };
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request)
    {
        var relative = request.RelativeUri;
        if (string.IsNullOrEmpty(relative) || relative[0] != '/' || relative.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("The request URI must be a path starting with a single '/'.", nameof(request));
        }

        var message = new HttpRequestMessage(request.Method, new Uri(_baseUrl + relative, UriKind.Absolute));
        message.Options.Set(ApiRequestOptions.Endpoint, request.Endpoint);
        message.Options.Set(ApiRequestOptions.Attempts, new UpstreamAttempts());
        message.Headers.Accept.Add(AcceptJson);

        if (request.JsonBody is { } json)
        {
            message.Content = new ReadOnlyMemoryContent(json) { Headers = { ContentType = JsonContentType } };
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
