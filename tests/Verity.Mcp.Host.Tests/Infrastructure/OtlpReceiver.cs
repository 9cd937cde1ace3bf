using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// A loopback OTLP/HTTP receiver (Kestrel) that keeps the protobuf bodies posted to <c>/v1/traces</c> and
/// <c>/v1/metrics</c>. The tests read them as bytes: names and string attribute values appear in protobuf as UTF-8.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _traces;
    private readonly ConcurrentQueue<byte[]> _metrics;

    private OtlpReceiver(WebApplication app, ConcurrentQueue<byte[]> traces, ConcurrentQueue<byte[]> metrics)
    {
        _app = app;
        _traces = traces;
        _metrics = metrics;
        Endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
    }

    /// <summary>The base URL to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter appends <c>/v1/traces</c>).</summary>
    public string Endpoint { get; }

    public IReadOnlyList<byte[]> Traces => [.. _traces];

    public IReadOnlyList<byte[]> Metrics => [.. _metrics];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var traces = new ConcurrentQueue<byte[]>();
        var metrics = new ConcurrentQueue<byte[]>();
        app.MapPost("/v1/traces", context => KeepAsync(context, traces));
        app.MapPost("/v1/metrics", context => KeepAsync(context, metrics));
        await app.StartAsync();
        return new OtlpReceiver(app, traces, metrics);
    }

    /// <summary>Whether any kept body of <paramref name="bodies"/> contains <paramref name="text"/> as UTF-8.</summary>
    public static bool Contains(IEnumerable<byte[]> bodies, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return bodies.Any(body => body.AsSpan().IndexOf(needle) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task KeepAsync(HttpContext context, ConcurrentQueue<byte[]> bodies)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        bodies.Enqueue(buffer.ToArray());
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
