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

    public static Task<PrimedTokenManager> StartAsync() => StartAsync(signedInUser: false);

    /// <summary>Remote mode: the per-user token source, with Alice's token minted (callers set <see cref="ClerkSignedInUser"/>).</summary>
    public static Task<PrimedTokenManager> StartForSignedInUserAsync() => StartAsync(signedInUser: true);

    private static async Task<PrimedTokenManager> StartAsync(bool signedInUser)
    {
        var emulator = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { EnableRateLimit = false });
        var settings = new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.SecretKey] = emulator.SecretKey,
            [ClerkConfigurationKeys.ApiUrl] = emulator.BaseUrl,
            [ClerkConfigurationKeys.TokenLifetimeSeconds] = "3600",
        };
        if (!signedInUser)
        {
            settings[ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.AliceUserId;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (signedInUser)
        {
            services.AddClerkSignedInUserTokens(configuration);
        }
        else
        {
            services.AddClerkTokenManagement(configuration);
        }

        var primed = new PrimedTokenManager(emulator, services.BuildServiceProvider());
        using (ClerkSignedInUser.Use(ClerkEmulatorSeed.AliceUserId))
        {
            await primed.Manager.GetTokenAsync();
        }

        return primed;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
