using Microsoft.Extensions.Time.Testing;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

/// <summary>Starts a fresh emulator per test on a fake clock, with a client that sends the right key.</summary>
public abstract class ClerkEmulatorTestBase : IAsyncLifetime
{
    /// <summary>A whole second, so <c>iat</c> arithmetic is exact.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private ClerkEmulator? _emulator;
    private ClerkTestClient? _client;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected ClerkEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    protected ClerkTestClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync()
    {
        var options = new ClerkEmulatorOptions { TimeProvider = Time, ReuseSigningKeyMaterial = true };
        Configure(options);
        _emulator = await ClerkEmulator.StartAsync(options);
        _client = new ClerkTestClient(_emulator.BaseUrl, _emulator.SecretKey);
    }

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>Adjusts the options before the emulator starts.</summary>
    protected virtual void Configure(ClerkEmulatorOptions options)
    {
    }

    protected ClerkTestClient ClientWithKey(string? secretKey) => new(Emulator.BaseUrl, secretKey);
}
