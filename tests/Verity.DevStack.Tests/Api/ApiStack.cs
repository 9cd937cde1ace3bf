using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Api;

/// <summary>A running dev stack on a fake clock, plus helpers to call the sample API with the emulator's tokens.</summary>
internal sealed class ApiStack : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private ApiStack(DevStackHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
        Http = new HttpClient { BaseAddress = new Uri(host.VerityBaseUrl) };
    }

    public DevStackHost Host { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public static async Task<ApiStack> StartAsync(Action<DevStackOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new DevStackOptions { TimeProvider = time };
        // Saves an RSA key generation per stack; kids stay unique, so each API still checks its own emulator's key.
        options.Clerk.ReuseSigningKeyMaterial = true;
        configure?.Invoke(options);
        return new ApiStack(await DevStackHost.StartAsync(options), time);
    }

    public string Token(int? lifetimeSeconds = null) => Host.Clerk.IssueToken(ClerkEmulatorSeed.AliceSessionId, lifetimeSeconds);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token());
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, token: token);

    public async Task<JsonElement> GetJsonAsync(string path, int expectedStatus = 200)
    {
        using var response = await GetAsync(path);
        return await ReadJsonAsync(response, expectedStatus);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await ReadJsonAsync(response, expectedStatus);
        var error = body.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error.GetProperty("code").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
