using Verity.Mcp.Http;
using Microsoft.Extensions.Options;
using Verity.Common.Configuration;
using Verity.Mcp.HttpServer.Guards;

namespace Verity.Mcp.HttpServer.Configuration;

/// <summary>Stops the server at start with one line per bad setting, naming it and saying how to fix it.</summary>
internal sealed class HttpServerOptionsValidator : IValidateOptions<HttpServerOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AuthText is { } auth && !auth.Equals("oauth", StringComparison.OrdinalIgnoreCase) && !auth.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{HttpSettingNames.Auth} is '{auth}'; set it to oauth (the default) or none (loopback only).");
        }

        CheckPublicUrl(options, failures);
        if (options.Auth == HttpAuthMode.OAuth)
        {
            CheckFrontendApiUrl(options, failures);
        }
        else if (options.ListeningAddresses.FirstOrDefault(address => !ListeningAddressList.IsLoopback(address)) is { } exposed)
        {
            failures.Add(
                $"{HttpSettingNames.Auth}=none serves every caller without sign-in, so it listens on loopback only, but the server is told to listen on {exposed}; "
                + "set ASPNETCORE_URLS=http://127.0.0.1:PORT (or localhost), or use VERITY_HTTP_AUTH=oauth.");
        }

        foreach (var origin in options.AllowedOrigins.Where(origin => !OriginAllowList.IsOrigin(origin)))
        {
            failures.Add($"{HttpSettingNames.AllowedOrigins} has '{origin}', which is not an origin; use a comma list of scheme://host[:port] (no path).");
        }

        foreach (var host in options.AllowedHosts.Where(host => !HostAllowList.IsHostEntry(host)))
        {
            failures.Add($"{HttpSettingNames.AllowedHosts} has '{host}', which is not a host name; use a comma list of host or host:port.");
        }

        foreach (var (key, scope) in (ReadOnlySpan<(string, string)>)[(HttpSettingNames.ReadScope, options.ReadScope), (HttpSettingNames.WriteScope, options.WriteScope)])
        {
            if (scope.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\'))
            {
                failures.Add($"{key} is '{scope}'; a scope is one word without spaces or quotes.");
            }
        }

        if (options.RateLimitPerMinute <= 0)
        {
            failures.Add($"{HttpSettingNames.RateLimitPerMinute} is '{options.RateLimitText}'; set it to a whole number of requests per minute per user, at least 1 (default {HttpServerOptions.DefaultRateLimitPerMinute}).");
        }

        if (options.LogLevelText is { } level && !LogLevelText.TryParse(level, out _))
        {
            failures.Add($"{HttpSettingNames.LogLevel} is '{level}'; use {LogLevelText.Choices}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPublicUrl(HttpServerOptions options, List<string> failures)
    {
        if (options.PublicUrlText is null)
        {
            if (options.Auth == HttpAuthMode.OAuth)
            {
                failures.Add($"{HttpSettingNames.PublicUrl} is not set; with {HttpSettingNames.Auth}=oauth it is required: the MCP endpoint's public URL (e.g. https://mcp.example.com/mcp), which access tokens must name as their audience.");
            }

            return;
        }

        if (options.PublicUrl is not { } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{HttpSettingNames.PublicUrl} is '{options.PublicUrlText}', which is not an http(s) URL; set it to the MCP endpoint's public URL, e.g. https://mcp.example.com/mcp.");
        }
        else if (!CleartextPolicy.Allows(url))
        {
            failures.Add($"{HttpSettingNames.PublicUrl} is '{options.PublicUrlText}'; clients send their access tokens to it, so it must be https (http only on {CleartextPolicy.LoopbackHosts}).");
        }
        else if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            failures.Add($"{HttpSettingNames.PublicUrl} is '{options.PublicUrlText}'; a resource identifier has no query or fragment: remove them.");
        }
    }

    private static void CheckFrontendApiUrl(HttpServerOptions options, List<string> failures)
    {
        if (options.FrontendApiUrlText is null)
        {
            failures.Add($"{HttpSettingNames.FrontendApiUrl} is not set; with {HttpSettingNames.Auth}=oauth it is required: the Clerk instance's Frontend API URL (e.g. https://clerk.example.com), which issues the access tokens.");
        }
        else if (options.FrontendApiUrl is not { } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{HttpSettingNames.FrontendApiUrl} is '{options.FrontendApiUrlText}', which is not an http(s) URL; set it to the Clerk instance's Frontend API URL.");
        }
        else if (!CleartextPolicy.Allows(url))
        {
            failures.Add($"{HttpSettingNames.FrontendApiUrl} is '{options.FrontendApiUrlText}'; the signing keys are read from it, so it must be https (http only on {CleartextPolicy.LoopbackHosts}).");
        }
    }
}
