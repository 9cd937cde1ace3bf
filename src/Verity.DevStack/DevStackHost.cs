using Verity.DevStack.Api;
using Verity.DevStack.Clerk;

namespace Verity.DevStack;

/// <summary>
/// The local stack a developer or a test runs against: the Clerk emulator and the sample Verity API, each on its
/// own loopback port, the API verifying the emulator's session tokens. Dispose to stop both.
/// </summary>
public sealed class DevStackHost : IAsyncDisposable
{
    private readonly SampleApiServer _apiServer;
    private int _disposed;

    private DevStackHost(ClerkEmulator clerk, SampleApiServer apiServer)
    {
        Clerk = clerk;
        _apiServer = apiServer;
    }

    /// <summary>The value for <c>CLERK_API_URL</c>, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string ClerkApiUrl => Clerk.BaseUrl;

    /// <summary>
    /// The value for <c>CLERK_FRONTEND_API_URL</c>: the emulated instance's Frontend API, its OAuth authorization
    /// server and the <c>iss</c> of its OAuth access tokens (the same listener as <see cref="ClerkApiUrl"/>).
    /// </summary>
    public string ClerkFrontendApiUrl => Clerk.FrontendApiUrl;

    /// <summary>The value for <c>CLERK_SECRET_KEY</c>.</summary>
    public string SecretKey => Clerk.SecretKey;

    /// <summary>The value for <c>VERITY_BASE_URL</c>, e.g. <c>http://127.0.0.1:54322</c>.</summary>
    public string VerityBaseUrl => _apiServer.BaseUrl;

    /// <summary>The Clerk emulator: users, sessions, key rotation, faults.</summary>
    public ClerkEmulator Clerk { get; }

    /// <summary>The sample API: its data, recorded requests and faults.</summary>
    public SampleApi Api => _apiServer.Api;

    /// <summary>The settings a Verity MCP server needs to use this stack, keyed by their environment variable names.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CLERK_API_URL"] = ClerkApiUrl,
        ["CLERK_SECRET_KEY"] = SecretKey,
        ["CLERK_FRONTEND_API_URL"] = ClerkFrontendApiUrl,
        ["VERITY_BASE_URL"] = VerityBaseUrl,
    };

    public static async Task<DevStackHost> StartAsync(DevStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DevStackOptions();
        var clerkOptions = options.Clerk ?? new ClerkEmulatorOptions();
        clerkOptions.TimeProvider = options.TimeProvider;
        clerkOptions.EnableTestControl |= options.EnableTestControl;

        var clerk = await ClerkEmulator.StartAsync(clerkOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            var api = await SampleApiServer.StartAsync(
                new SampleApiOptions
                {
                    ClerkApiUrl = clerk.BaseUrl,
                    ClerkSecretKey = clerk.SecretKey,
                    Port = options.ApiPort,
                    TimeProvider = options.TimeProvider,
                    EnableTestControl = options.EnableTestControl,
                    CallStepInterval = options.CallStepInterval,
                    JwksCacheDuration = options.JwksCacheDuration,
                },
                cancellationToken).ConfigureAwait(false);
            return new DevStackHost(clerk, api);
        }
        catch
        {
            await clerk.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _apiServer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Clerk.DisposeAsync().ConfigureAwait(false);
        }
    }
}
