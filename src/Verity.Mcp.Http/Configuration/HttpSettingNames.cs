namespace Verity.Mcp.HttpServer.Configuration;

/// <summary>The environment settings of verity-mcp-http beyond those it shares with verity-mcp (VERITY_BASE_URL, CLERK_*, VERITY_TOOLS, …).</summary>
internal static class HttpSettingNames
{
    public const string PublicUrl = "VERITY_HTTP_PUBLIC_URL";
    public const string Auth = "VERITY_HTTP_AUTH";
    public const string FrontendApiUrl = "CLERK_FRONTEND_API_URL";
    public const string AllowedOrigins = "VERITY_HTTP_ALLOWED_ORIGINS";
    public const string AllowedHosts = "VERITY_HTTP_ALLOWED_HOSTS";
    public const string ReadScope = "VERITY_HTTP_READ_SCOPE";
    public const string WriteScope = "VERITY_HTTP_WRITE_SCOPE";
    public const string RateLimitPerMinute = "VERITY_HTTP_RATE_LIMIT_PER_MINUTE";
    public const string LogLevel = "VERITY_LOG_LEVEL";

    /// <summary>The listening addresses, as ASP.NET Core reads them (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, ASPNETCORE_HTTPS_PORTS).</summary>
    public const string Urls = "urls";
    public const string HttpPorts = "http_ports";
    public const string HttpsPorts = "https_ports";
    public const string KestrelEndpoints = "Kestrel:Endpoints";
}
