using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// A real Clerk emulator on loopback plus the production registrations (<see cref="ClerkAuthenticationExtensions"/>)
/// wired to a fake clock, a log collector and the <see cref="ClerkCallGate"/>.
/// </summary>
internal sealed class ClerkAuthHarness : IAsyncDisposable
{
    /// <summary>A whole second, so <c>iat</c> (whole seconds) equals the clock at mint time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private ClerkAuthHarness(
        ClerkEmulator emulator,
        FakeTimeProvider emulatorTime,
        SignalingTimeProvider clock,
        FakeLogCollector logs,
        ClerkCallGate gate,
        IConfiguration configuration,
        ServiceProvider services)
    {
        Emulator = emulator;
        EmulatorTime = emulatorTime;
        Clock = clock;
        Logs = logs;
        Gate = gate;
        Configuration = configuration;
        Services = services;
    }

    public ClerkEmulator Emulator { get; }

    /// <summary>The emulator's clock (the same object as the manager's unless a skew was asked for).</summary>
    public FakeTimeProvider EmulatorTime { get; }

    /// <summary>The clock the token manager and Clerk client read.</summary>
    public SignalingTimeProvider Clock { get; }

    public FakeLogCollector Logs { get; }

    public ClerkCallGate Gate { get; }

    public IConfiguration Configuration { get; }

    public ServiceProvider Services { get; }

    public ClerkTokenManager Manager => Services.GetRequiredService<ClerkTokenManager>();

    /// <summary>The per-user token source (registered only by the signed-in-user registration).</summary>
    public ClerkSignedInUserTokens SignedInUserTokens => Services.GetRequiredService<ClerkSignedInUserTokens>();

    public ClerkApiClient Client => Services.GetRequiredService<ClerkApiClient>();

    /// <param name="settings">Configuration on top of the emulator's key and URL; a null value removes a key.</param>
    /// <param name="clockSkew">How far the manager's clock is ahead of the emulator's.</param>
    public static async Task<ClerkAuthHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ClerkEmulatorOptions>? configureEmulator = null,
        Action<IServiceCollection, IConfiguration>? configureServices = null,
        TimeSpan clockSkew = default)
    {
        var emulatorTime = new FakeTimeProvider(Start);
        var managerTime = clockSkew == TimeSpan.Zero ? emulatorTime : new FakeTimeProvider(Start + clockSkew);
        var emulatorOptions = new ClerkEmulatorOptions { TimeProvider = emulatorTime };
        configureEmulator?.Invoke(emulatorOptions);
        var emulator = await ClerkEmulator.StartAsync(emulatorOptions);

        var values = new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.SecretKey] = emulator.SecretKey,
            [ClerkConfigurationKeys.ApiUrl] = emulator.BaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new SignalingTimeProvider(managerTime);
        var logs = new FakeLogCollector();
        var gate = new ClerkCallGate();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        services.AddClerkTokenManagement(configuration);
        services.AddHttpClient(ClerkApiClient.HttpClientName).AddHttpMessageHandler(gate.CreateHandler);
        configureServices?.Invoke(services, configuration);

        return new ClerkAuthHarness(emulator, emulatorTime, clock, logs, gate, configuration, services.BuildServiceProvider());
    }

    /// <summary>Moves both clocks.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Inner.Advance(by);
        if (!ReferenceEquals(Clock.Inner, EmulatorTime))
        {
            EmulatorTime.Advance(by);
        }
    }

    /// <summary>The renewal the manager has in flight, if any.</summary>
    public Task PendingMint => Manager.PendingMint ?? Task.CompletedTask;

    public IReadOnlyList<FakeLogRecord> LogsWithId(int eventId) =>
        [.. Logs.GetSnapshot().Where(record => record.Id.Id == eventId)];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
