using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Tests.Http;

/// <summary>A real Kestrel server on 127.0.0.1 whose answers a test scripts, recording what it received.</summary>
internal sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<HttpContext, int, Task> _handler;
    private readonly Channel<Received> _arrivals = Channel.CreateUnbounded<Received>();
    private int _count;

    private LoopbackApi(WebApplication app, Func<HttpContext, int, Task> handler)
    {
        _app = app;
        _handler = handler;
    }

    /// <summary>The server's root URL, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Count => Volatile.Read(ref _count);

    /// <param name="handler">Writes the answer; gets the 1-based number of the request.</param>
    public static async Task<LoopbackApi> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LoopbackApi(app, handler);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return api;
    }

    /// <summary>Answers every request with <paramref name="status"/> and a JSON body.</summary>
    public static Task<LoopbackApi> StartAsync(int status, string json = "{}") => StartAsync((context, _) => WriteAsync(context, status, json));

    public static async Task WriteAsync(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Waits for the next request to arrive (before it is answered).</summary>
    public async Task<Received> NextArrivalAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var received = new Received(
            number,
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            context.RequestAborted);
        Requests.Enqueue(received);
        _arrivals.Writer.TryWrite(received);
        await _handler(context, number);
    }

    internal sealed record Received(int Number, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, CancellationToken Aborted);
}
