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

    public static async Task<AuthenticatedApi> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ClerkEmulatorOptions>? configureEmulator = null)
    {
        ProtectedApiServer? server = null;
        var harness = await ClerkAuthHarness.StartAsync(settings, configureEmulator, (services, configuration) =>
            services.AddHttpClient(ClientName)
                .ConfigureHttpClient(http => http.BaseAddress = new Uri(server!.BaseUrl))
                .AddClerkAuthentication(configuration));
        server = await ProtectedApiServer.StartAsync(harness.Emulator.JwksUrl, harness.Emulator.SecretKey, harness.EmulatorTime);
        return new AuthenticatedApi(harness, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Server.DisposeAsync();
    }
}
