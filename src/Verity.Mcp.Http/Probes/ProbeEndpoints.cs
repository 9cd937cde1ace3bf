using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.Mcp.HttpServer.Probes;

/// <summary>
/// <c>GET /healthz</c> (the process answers: 200) and <c>GET /readyz</c> (200 when <see cref="Readiness"/> says so,
/// else 503 with the reason). They come before the Host check: orchestrators probe by IP address, and neither
/// answer says anything a page could use.
/// </summary>
internal sealed class ProbeEndpoints(Readiness readiness)
{
    public const string HealthPath = "/healthz";
    public const string ReadyPath = "/readyz";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return next(context);
        }

        if (path.Equals(HealthPath, StringComparison.Ordinal))
        {
            return WriteAsync(context, StatusCodes.Status200OK, "up", null);
        }

        if (path.Equals(ReadyPath, StringComparison.Ordinal))
        {
            var reason = readiness.NotReadyReason;
            return WriteAsync(context, reason is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, reason is null ? "ready" : "not ready", reason);
        }

        return next(context);
    }

    private static async Task WriteAsync(HttpContext context, int status, string state, string? reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", state);
            if (reason is not null)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
