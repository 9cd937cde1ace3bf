using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Verity.DevStack;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// A server in the OAuth mode trusting the dev stack's Clerk emulator as its authorization server (tokens from the
/// emulator's test control, which mints them without the browser flow and can make them wrong on purpose).
/// </summary>
public sealed class EmulatorOAuthFixture : IAsyncLifetime
{
    private DevStackHost? _stack;
    private HttpServerUnderTest? _server;
    private readonly HttpClient _http = new();

    public DevStackHost Stack => _stack ?? throw new InvalidOperationException("The dev stack is not running.");

    internal HttpServerUnderTest Server => _server ?? throw new InvalidOperationException("The server is not running.");

    public string PublicUrl { get; private set; } = "";

    /// <summary>An access token from the emulator for <paramref name="user"/> (e-mail or id), audience this server unless overridden.</summary>
    public async Task<string> TokenAsync(string user, Action<JsonObject>? overrides = null)
    {
        var request = new JsonObject { ["user"] = user, ["audience"] = PublicUrl, ["scope"] = "tools:read tools:write" };
        overrides?.Invoke(request);
        var response = await _http.PostAsync(
            new Uri(Stack.ClerkApiUrl.TrimEnd('/') + "/__emulator/oauth/access-tokens"),
            new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonObject>();
        return token!["access_token"]!.GetValue<string>();
    }

    public async Task InitializeAsync()
    {
        _stack = await DevStackHost.StartAsync(new DevStackOptions { EnableTestControl = true });
        var port = FreePort.Next();
        PublicUrl = HttpServerUnderTest.PublicUrlFor(port);
        _server = await HttpServerUnderTest.StartAsync(
            new Dictionary<string, string?>
            {
                ["VERITY_HTTP_PUBLIC_URL"] = PublicUrl,
                ["CLERK_FRONTEND_API_URL"] = Stack.ClerkFrontendApiUrl,
                ["CLERK_API_URL"] = Stack.ClerkApiUrl,
                ["CLERK_SECRET_KEY"] = Stack.SecretKey,
                ["VERITY_BASE_URL"] = Stack.VerityBaseUrl,
            },
            port);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        _http.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorOAuthCollection : ICollectionFixture<EmulatorOAuthFixture>
{
    public const string Name = "oauth mode with the Clerk emulator";
}
