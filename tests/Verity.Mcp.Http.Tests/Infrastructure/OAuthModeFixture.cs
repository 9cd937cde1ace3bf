using Verity.DevStack;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// A server in the OAuth mode whose tokens come from the tests' own loopback authorization server
/// (<see cref="TestJwksServer"/>), with the dev stack's sample API upstream.
/// </summary>
public sealed class OAuthModeFixture : IAsyncLifetime
{
    private DevStackHost? _stack;
    private TestJwksServer? _issuer;
    private HttpServerUnderTest? _server;

    public DevStackHost Stack => _stack ?? throw new InvalidOperationException("The dev stack is not running.");

    internal TestJwksServer Issuer => _issuer ?? throw new InvalidOperationException("The issuer is not running.");

    internal HttpServerUnderTest Server => _server ?? throw new InvalidOperationException("The server is not running.");

    public string PublicUrl { get; private set; } = "";

    /// <summary>The settings of an OAuth-mode server on <paramref name="port"/>, trusting <see cref="Issuer"/>.</summary>
    public Dictionary<string, string?> Settings(int port, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["VERITY_HTTP_PUBLIC_URL"] = HttpServerUnderTest.PublicUrlFor(port),
            ["CLERK_FRONTEND_API_URL"] = Issuer.Issuer,
            ["CLERK_API_URL"] = Stack.ClerkApiUrl,
            ["CLERK_SECRET_KEY"] = Stack.SecretKey,
            ["VERITY_BASE_URL"] = Stack.VerityBaseUrl,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A token for this fixture's server with <paramref name="scope"/>.</summary>
    internal string Token(string scope = "tools:read tools:write") => Issuer.Token(PublicUrl, scope);

    public async Task InitializeAsync()
    {
        _stack = await DevStackHost.StartAsync();
        _issuer = await TestJwksServer.StartAsync();
        var port = FreePort.Next();
        PublicUrl = HttpServerUnderTest.PublicUrlFor(port);
        _server = await HttpServerUnderTest.StartAsync(Settings(port), port);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OAuthModeCollection : ICollectionFixture<OAuthModeFixture>
{
    public const string Name = "oauth mode";
}
