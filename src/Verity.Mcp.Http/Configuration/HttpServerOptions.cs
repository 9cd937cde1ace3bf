using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Verity.Common.Configuration;
using Verity.Mcp.Tools;

namespace Verity.Mcp.HttpServer.Configuration;

/// <summary>
/// The settings of the HTTP server, read from flat configuration keys (environment variables). Reading never throws:
/// a value that cannot be parsed is kept as text so <see cref="HttpServerOptionsValidator"/> can name it.
/// </summary>
internal sealed class HttpServerOptions
{
    public const string DefaultMcpPath = "/mcp";
    public const string DefaultReadScope = "tools:read";
    public const string DefaultWriteScope = "tools:write";
    public const int DefaultRateLimitPerMinute = 600;

    public string? PublicUrlText { get; set; }

    /// <summary>The MCP endpoint's canonical URL: the protected resource's identifier and the audience tokens must carry.</summary>
    public Uri? PublicUrl { get; set; }

    public string? AuthText { get; set; }

    public HttpAuthMode Auth { get; set; } = HttpAuthMode.OAuth;

    public string? FrontendApiUrlText { get; set; }

    /// <summary>The Clerk instance's Frontend API URL: the authorization server and the issuer of access tokens.</summary>
    public Uri? FrontendApiUrl { get; set; }

    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];

    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    public string ReadScope { get; set; } = DefaultReadScope;

    public string WriteScope { get; set; } = DefaultWriteScope;

    public string? RateLimitText { get; set; }

    public int RateLimitPerMinute { get; set; } = DefaultRateLimitPerMinute;

    public string? LogLevelText { get; set; }

    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>Every address the server is told to listen on, as written (URLs, or ports that mean every interface).</summary>
    public IReadOnlyList<string> ListeningAddresses { get; set; } = [];

    /// <summary>The path the MCP endpoint answers on: the public URL's path, <c>/mcp</c> when none is set.</summary>
    public string McpPath => PublicUrl is { AbsolutePath: { Length: > 1 } path } ? path.TrimEnd('/') : DefaultMcpPath;

    /// <summary>Where this server's Protected Resource Metadata is served (RFC 9728: the well-known prefix, then the resource's path).</summary>
    public string ResourceMetadataPath => "/.well-known/oauth-protected-resource" + McpPath;

    /// <summary>The absolute URL of the metadata, named in every 401 and 403 (null before the public URL is known).</summary>
    public string? ResourceMetadataUrl => PublicUrl is null ? null : PublicUrl.GetLeftPart(UriPartial.Authority) + ResourceMetadataPath;

    public static HttpServerOptions Read(IConfiguration configuration)
    {
        var options = new HttpServerOptions
        {
            PublicUrlText = Trimmed(configuration[HttpSettingNames.PublicUrl]),
            AuthText = Trimmed(configuration[HttpSettingNames.Auth]),
            FrontendApiUrlText = Trimmed(configuration[HttpSettingNames.FrontendApiUrl]),
            AllowedOrigins = ToolFilterOptions.ParseList(configuration[HttpSettingNames.AllowedOrigins]),
            AllowedHosts = ToolFilterOptions.ParseList(configuration[HttpSettingNames.AllowedHosts]),
            ReadScope = Trimmed(configuration[HttpSettingNames.ReadScope]) ?? DefaultReadScope,
            WriteScope = Trimmed(configuration[HttpSettingNames.WriteScope]) ?? DefaultWriteScope,
            RateLimitText = Trimmed(configuration[HttpSettingNames.RateLimitPerMinute]),
            LogLevelText = Trimmed(configuration[HttpSettingNames.LogLevel]),
            ListeningAddresses = ListeningAddressList.Read(configuration),
        };

        if (options.PublicUrlText is { } publicUrl && Uri.TryCreate(publicUrl, UriKind.Absolute, out var parsedPublic))
        {
            options.PublicUrl = parsedPublic;
        }

        if (options.FrontendApiUrlText is { } frontend && Uri.TryCreate(frontend, UriKind.Absolute, out var parsedFrontend))
        {
            options.FrontendApiUrl = parsedFrontend;
        }

        options.Auth = options.AuthText?.ToLowerInvariant() switch
        {
            "none" => HttpAuthMode.None,
            _ => HttpAuthMode.OAuth,
        };

        if (options.RateLimitText is { } rate)
        {
            // Not a whole number: 0, which validation rejects with the text as written.
            options.RateLimitPerMinute = int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute) ? perMinute : 0;
        }

        if (options.LogLevelText is { } level && Common.Configuration.LogLevelText.TryParse(level, out var parsedLevel))
        {
            options.LogLevel = parsedLevel;
        }

        return options;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
