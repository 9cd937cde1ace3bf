using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk.OAuth;

/// <summary>A fresh emulator per test (fake clock, test control on) with an OAuth client of its Frontend API.</summary>
public abstract class OAuthEmulatorTestBase : ClerkEmulatorTestBase
{
    private OAuthTestClient? _oauth;

    protected OAuthTestClient OAuth => _oauth ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _oauth = new OAuthTestClient(Emulator.FrontendApiUrl);
    }

    protected override void Configure(ClerkEmulatorOptions options) => options.EnableTestControl = true;

    public override async Task DisposeAsync()
    {
        _oauth?.Dispose();
        await base.DisposeAsync();
    }
}
