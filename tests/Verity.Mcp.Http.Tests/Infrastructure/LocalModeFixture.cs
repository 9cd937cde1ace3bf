using Verity.DevStack;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>One dev stack (Clerk emulator + sample API) and one server in the local mode (VERITY_HTTP_AUTH=none) pointed at it.</summary>
public sealed class LocalModeFixture : IAsyncLifetime
{
    private DevStackHost? _stack;
    private HttpServerUnderTest? _server;

    public DevStackHost Stack => _stack ?? throw new InvalidOperationException("The dev stack is not running.");

    internal HttpServerUnderTest Server => _server ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>The settings of a local-mode server pointed at this stack.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["VERITY_HTTP_AUTH"] = "none",
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

    public async Task InitializeAsync()
    {
        _stack = await DevStackHost.StartAsync();
        _server = await HttpServerUnderTest.StartAsync(Settings());
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
    }
}

[CollectionDefinition(Name)]
public sealed class LocalModeCollection : ICollectionFixture<LocalModeFixture>
{
    public const string Name = "local mode";
}
