using Microsoft.Extensions.Time.Testing;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

/// <summary>
/// One emulator shared by the tests of a class that only read its state (a fresh one per test costs an RSA key
/// generation). The rate limit is off so the class's request count cannot make tests depend on each other.
/// </summary>
public sealed class ClerkEmulatorFixture : IAsyncLifetime
{
    private ClerkEmulator? _emulator;
    private ClerkTestClient? _client;

    public FakeTimeProvider Time { get; } = new(ClerkEmulatorTestBase.Start);

    public ClerkEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public ClerkTestClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _emulator = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { TimeProvider = Time, EnableRateLimit = false, ReuseSigningKeyMaterial = true });
        _client = new ClerkTestClient(_emulator.BaseUrl, _emulator.SecretKey);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>Base for test classes that share one emulator and never change its state.</summary>
public abstract class SharedClerkEmulatorTests(ClerkEmulatorFixture fixture) : IClassFixture<ClerkEmulatorFixture>
{
    protected static DateTimeOffset Start => ClerkEmulatorTestBase.Start;

    protected ClerkEmulator Emulator => fixture.Emulator;

    protected ClerkTestClient Client => fixture.Client;

    protected ClerkTestClient ClientWithKey(string? secretKey) => new(Emulator.BaseUrl, secretKey);
}
