using Verity.Mcp.Http;
using Microsoft.Extensions.Configuration;

namespace Verity.Mcp.HttpServer.Configuration;

/// <summary>
/// The addresses Kestrel will listen on, read from the same settings it reads (ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS / HTTPS_PORTS, Kestrel__Endpoints__*__Url), so the local mode can refuse to start when one
/// of them is reachable from other machines. A port alone means every interface.
/// </summary>
internal static class ListeningAddressList
{
    /// <summary>What Kestrel listens on when nothing is configured.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var addresses = new List<string>();
        addresses.AddRange(Split(configuration[HttpSettingNames.Urls]));
        foreach (var (key, scheme) in (ReadOnlySpan<(string, string)>)[(HttpSettingNames.HttpPorts, "http"), (HttpSettingNames.HttpsPorts, "https")])
        {
            addresses.AddRange(Split(configuration[key]).Select(port => $"{scheme}://*:{port}"));
        }

        foreach (var endpoint in configuration.GetSection(HttpSettingNames.KestrelEndpoints).GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                addresses.Add(url.Trim());
            }
        }

        return addresses.Count > 0 ? addresses : [KestrelDefault];
    }

    /// <summary>True when only this machine can reach <paramref name="address"/> (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string address)
    {
        // Kestrel's wildcards ("*", "+") are not valid URI hosts; they mean every interface.
        if (address.Contains("://*", StringComparison.Ordinal) || address.Contains("://+", StringComparison.Ordinal))
        {
            return false;
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var url) && CleartextPolicy.IsLoopback(url);
    }

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
