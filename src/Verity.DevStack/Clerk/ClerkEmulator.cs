using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verity.DevStack.Clerk.OAuth;

namespace Verity.DevStack.Clerk;

/// <summary>
/// A local Clerk Backend API on a loopback port, for tests and the dev stack. Clients use <see cref="BaseUrl"/> as
/// the Clerk API URL (they append <c>/v1/…</c>) and <see cref="SecretKey"/> as the secret key; tests drive the
/// instance in-process through the control methods here or through <see cref="Instance"/>. The same listener serves
/// the instance's Frontend API OAuth server at <see cref="FrontendApiUrl"/>.
/// </summary>
public sealed class ClerkEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private ClerkEmulator(WebApplication app, ClerkInstance instance, string baseUrl)
    {
        _app = app;
        Instance = instance;
        BaseUrl = baseUrl;
    }

    /// <summary>The Clerk API URL, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash, no <c>/v1</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The JWKS URL, <c>{BaseUrl}/v1/jwks</c> (needs the secret key, like Clerk's).</summary>
    public string JwksUrl => BaseUrl + "/v1/jwks";

    /// <summary>The secret key clients must send.</summary>
    public string SecretKey => Instance.SecretKey;

    /// <summary>The <c>iss</c> of the session tokens this emulator mints (<see cref="ClerkEmulatorOptions.Issuer"/>).</summary>
    public string Issuer => Instance.Issuer;

    /// <summary>
    /// The instance's Frontend API URL, e.g. <c>http://127.0.0.1:54321</c>: the OAuth authorization server (its
    /// metadata at <c>/.well-known/oauth-authorization-server</c>) and the exact <c>iss</c> of its OAuth access tokens.
    /// </summary>
    public string FrontendApiUrl => Instance.FrontendApiUrl!;

    /// <summary>The emulated instance: users, sessions, keys, faults, counters.</summary>
    public ClerkInstance Instance { get; }

    public IReadOnlyList<ClerkUser> Users => Instance.Users;

    public IReadOnlyList<ClerkSession> Sessions => Instance.Sessions;

    /// <summary>How many tokens have been minted.</summary>
    public int TokensIssued => Instance.TokensIssued;

    /// <summary>Starts an emulator on 127.0.0.1 (port <see cref="ClerkEmulatorOptions.Port"/>, 0 = any free port).</summary>
    public static async Task<ClerkEmulator> StartAsync(ClerkEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var instance = new ClerkInstance(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });

        // Everything comes from the options: no appsettings, environment URLs or console logs leak in.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, instance.Options.Port));

        var app = builder.Build();
        app.MapClerkEmulator(instance);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            instance.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        instance.UseFrontendApiUrl(address);
        return new ClerkEmulator(app, instance, address);
    }

    /// <inheritdoc cref="ClerkInstance.CreateSession"/>
    public ClerkSession CreateSession(string userId) => Instance.CreateSession(userId);

    /// <inheritdoc cref="ClerkInstance.RevokeSession"/>
    public ClerkSession RevokeSession(string sessionId) => Instance.RevokeSession(sessionId);

    /// <inheritdoc cref="ClerkInstance.EndSession"/>
    public ClerkSession EndSession(string sessionId) => Instance.EndSession(sessionId);

    /// <inheritdoc cref="ClerkInstance.RotateSigningKey"/>
    public string RotateSigningKey() => Instance.RotateSigningKey();

    /// <inheritdoc cref="ClerkInstance.InjectFaults(int, ClerkFault, string?)"/>
    public void InjectFaults(int count, ClerkFault fault, string? pathContains = null) => Instance.InjectFaults(count, fault, pathContains);

    /// <inheritdoc cref="ClerkInstance.InjectFaults(int, int, string?)"/>
    public void InjectFaults(int count, int statusCode, string? pathContains = null) => Instance.InjectFaults(count, statusCode, pathContains);

    /// <inheritdoc cref="ClerkInstance.InjectFaults(int, TimeSpan, string?)"/>
    public void InjectFaults(int count, TimeSpan delay, string? pathContains = null) => Instance.InjectFaults(count, delay, pathContains);

    /// <inheritdoc cref="ClerkInstance.IssueToken"/>
    public string IssueToken(string sessionId, int? lifetimeSeconds = null, string? template = null) =>
        Instance.IssueToken(sessionId, lifetimeSeconds, template);

    /// <inheritdoc cref="ClerkInstance.IssueOAuthAccessToken"/>
    public ClerkOAuthAccessToken IssueOAuthAccessToken(ClerkOAuthAccessTokenRequest request) => Instance.IssueOAuthAccessToken(request);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Instance.Dispose();
    }
}
