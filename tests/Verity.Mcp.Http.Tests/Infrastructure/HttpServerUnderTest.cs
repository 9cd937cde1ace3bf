using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>verity-mcp-http started in this process on a loopback port, built exactly as its Main builds it.</summary>
internal sealed class HttpServerUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpServerUnderTest(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        McpUrl = new Uri(BaseUrl, "/mcp");
    }

    public Uri BaseUrl { get; }

    public Uri McpUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The public URL a server on <paramref name="port"/> is given (and tokens for it must name).</summary>
    public static string PublicUrlFor(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp";

    public static async Task<HttpServerUnderTest> StartAsync(
        IReadOnlyDictionary<string, string?> settings, int? port = null, Action<IServiceCollection>? configureServices = null)
    {
        var listenPort = port ?? FreePort.Next();
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = $"http://127.0.0.1:{listenPort.ToString(CultureInfo.InvariantCulture)}",
            ["VERITY_LOG_LEVEL"] = "Warning",
        };
        var app = HttpServerApp.Build([], all, configureServices);
        await app.StartAsync();
        return new HttpServerUnderTest(app, listenPort);
    }

    /// <summary>The C# SDK client over streamable HTTP, sending <paramref name="accessToken"/> as a bearer token when given.</summary>
    public Task<McpClient> ConnectAsync(string? accessToken = null, string clientName = "verity-http-tests")
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
        };
        if (accessToken is not null)
        {
            options.AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" };
        }

        return McpClient.CreateAsync(
            new HttpClientTransport(options),
            new McpClientOptions { ClientInfo = new Implementation { Name = clientName, Version = "1.0.0" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
