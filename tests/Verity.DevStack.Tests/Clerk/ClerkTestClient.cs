using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Verity.DevStack.Tests.Clerk;

/// <summary>A thin HTTP client for the emulator: sends the key (unless told otherwise) and parses JSON answers.</summary>
public sealed class ClerkTestClient : IDisposable
{
    private readonly HttpClient _http;

    public ClerkTestClient(string baseUrl, string? secretKey)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        if (secretKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        }
    }

    public HttpClient Http => _http;

    public Task<ClerkTestResponse> GetAsync(string relativeUrl, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, relativeUrl, body: null, configure);

    public Task<ClerkTestResponse> PostAsync(string relativeUrl, string? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, relativeUrl, body, configure);

    public async Task<ClerkTestResponse> SendAsync(HttpMethod method, string relativeUrl, string? body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, relativeUrl.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ClerkTestResponse(
            response.StatusCode,
            text,
            response.Headers.RetryAfter?.Delta,
            response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null,
            response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record ClerkTestResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter, string? RetryAfterRaw, string? MediaType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>Asserts a Clerk error body with <paramref name="code"/> and returns its single error.</summary>
    public JsonElement AssertClerkError(HttpStatusCode status, string code)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/json", MediaType);
        var root = Json;
        var errors = root.GetProperty("errors");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("long_message").GetString()));
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("clerk_trace_id").GetString());
        return error;
    }
}
