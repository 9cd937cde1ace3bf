using Microsoft.Extensions.DependencyInjection;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// An API client registered the production way (<c>AddHttpClient(...).AddClerkAuthentication(...)</c>) against a
/// <see cref="ProtectedApiServer"/> that verifies tokens from the harness's emulator.
/// </summary>
internal sealed class AuthenticatedApi : IAsyncDisposable
{
    public const string ClientName = "Verity.Api.Test";

    private AuthenticatedApi(ClerkAuthHarness harness, ProtectedApiServer server)
    {
        Harness = harness;
        Server = server;
    }

    public ClerkAuthHarness Harness { get; }

    public ProtectedApiServer Server { get; }

    public HttpClient CreateClient() => Harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    public static Task<AuthenticatedApi> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ClerkEmulatorOptions>? configureEmulator = null) =>
        StartAsync(settings, configureEmulator, static (client, configuration) => client.AddClerkAuthentication(configuration));

    /// <summary>The remote-mode registration: each request carries a token of its <see cref="ClerkSignedInUser"/>.</summary>
    public static Task<AuthenticatedApi> StartForSignedInUsersAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ClerkSignedInUserOptions>? configure = null,
        Action<ClerkOptions>? configureClerk = null) =>
        StartAsync(settings, configureEmulator: null, (client, configuration) =>
        {
            client.AddClerkSignedInUserAuthentication(configuration, configure);
            if (configureClerk is not null)
            {
                client.Services.Configure(configureClerk);
            }
        });

    private static async Task<AuthenticatedApi> StartAsync(
        IReadOnlyDictionary<string, string?>? settings,
        Action<ClerkEmulatorOptions>? configureEmulator,
        Action<IHttpClientBuilder, Microsoft.Extensions.Configuration.IConfiguration> addAuthentication)
    {
        ProtectedApiServer? server = null;
        var harness = await ClerkAuthHarness.StartAsync(settings, configureEmulator, (services, configuration) =>
            addAuthentication(
                services.AddHttpClient(ClientName).ConfigureHttpClient(http => http.BaseAddress = new Uri(server!.BaseUrl)),
                configuration));
        server = await ProtectedApiServer.StartAsync(harness.Emulator.JwksUrl, harness.Emulator.SecretKey, harness.EmulatorTime);
        return new AuthenticatedApi(harness, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Server.DisposeAsync();
    }
}
