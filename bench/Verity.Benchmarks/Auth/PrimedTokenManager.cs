using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Benchmarks.Auth;

/// <summary>
/// The production token manager, registered the production way against a loopback Clerk emulator, with one token
/// already minted. Tokens are asked for with an hour's lifetime so no renewal happens during a run.
/// </summary>
internal sealed class PrimedTokenManager : IAsyncDisposable
{
    private readonly ClerkEmulator _emulator;
    private readonly ServiceProvider _services;

    private PrimedTokenManager(ClerkEmulator emulator, ServiceProvider services)
    {
        _emulator = emulator;
        _services = services;
    }

    public IClerkTokenManager Manager => _services.GetRequiredService<IClerkTokenManager>();

    public ILogger<ClerkAuthHandler> HandlerLogger => NullLogger<ClerkAuthHandler>.Instance;

    public static async Task<PrimedTokenManager> StartAsync()
    {
        var emulator = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { EnableRateLimit = false });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ClerkConfigurationKeys.SecretKey] = emulator.SecretKey,
                [ClerkConfigurationKeys.ApiUrl] = emulator.BaseUrl,
                [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.AliceUserId,
                [ClerkConfigurationKeys.TokenLifetimeSeconds] = "3600",
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddClerkTokenManagement(configuration)
            .BuildServiceProvider();

        var primed = new PrimedTokenManager(emulator, services);
        await primed.Manager.GetTokenAsync();
        return primed;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
