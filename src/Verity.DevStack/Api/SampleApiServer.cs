using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Verity.DevStack.Api;

/// <summary>The sample Verity API running on its own loopback port.</summary>
public sealed class SampleApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleApiServer(WebApplication app, SampleApi api, string baseUrl)
    {
        _app = app;
        Api = api;
        BaseUrl = baseUrl;
    }

    /// <summary>The API's base URL, e.g. <c>http://127.0.0.1:5123</c> (endpoint paths start with <c>/api</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The API's data, recorded requests and faults.</summary>
    public SampleApi Api { get; }

    public static async Task<SampleApiServer> StartAsync(SampleApiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
        });
        // Stdout may belong to JSON-RPC (the host's demo): the embedded server logs nothing and leaves signals alone.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddSampleApi(options);

        var app = builder.Build();
        app.MapSampleApi();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SampleApiServer(app, app.Services.GetRequiredService<SampleApi>(), address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
