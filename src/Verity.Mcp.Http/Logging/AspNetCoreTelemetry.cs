namespace Verity.Mcp.HttpServer.Logging;

/// <summary>
/// What ASP.NET Core itself emits, exported beside the runtime's spans and meter when OTEL_* switches export on: the
/// server span of each HTTP request (the MCP SDK's and the tool's spans nest under it) and the request, connection
/// and rate-limiter instruments. No instrumentation package is needed: ASP.NET Core publishes them itself.
/// </summary>
internal static class AspNetCoreTelemetry
{
    public const string ActivitySource = "Microsoft.AspNetCore";

    public static readonly string[] Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];
}
