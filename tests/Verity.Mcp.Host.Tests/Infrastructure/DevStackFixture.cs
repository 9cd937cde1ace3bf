using Verity.DevStack;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// One dev stack (Clerk emulator + sample Verity API on loopback ports) for the whole end-to-end collection, and
/// one long-lived server process per host variant, started on first use: each start of the JIT host costs
/// about a second, so tests share them and only spawn their own process when they need other settings.
/// </summary>
public sealed class DevStackFixture : IAsyncLifetime
{
    private readonly Dictionary<string, ServerSession> _sessions = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DevStackHost? _stack;

    public DevStackHost Stack => _stack ?? throw new InvalidOperationException("The dev stack is not running.");

    /// <summary>The settings that point a server at this stack (the stack's key is a local fake key).</summary>
    public IReadOnlyDictionary<string, string?> ServerEnvironment(params (string Key, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CLERK_API_URL"] = Stack.ClerkApiUrl,
            ["CLERK_SECRET_KEY"] = Stack.SecretKey,
            ["VERITY_BASE_URL"] = Stack.VerityBaseUrl,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    public async Task<ServerSession> SessionAsync(string variantName)
    {
        await _gate.WaitAsync();
        try
        {
            if (_sessions.TryGetValue(variantName, out var session) && !session.Process.HasExited)
            {
                return session;
            }

            session = await ServerSession.StartAsync(HostVariant.Named(variantName), ServerEnvironment());
            _sessions[variantName] = session;
            return session;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The API refetches Clerk's signing keys on every request (no cache), so a rotated key shows at once.
    public async Task InitializeAsync() =>
        _stack = await DevStackHost.StartAsync(new DevStackOptions { JwksCacheDuration = TimeSpan.Zero });

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.DisposeAsync();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        _gate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<DevStackFixture>
{
    public const string Name = "end-to-end";
}
