using Microsoft.AspNetCore.Http;
using Verity.Mcp.HttpServer.Configuration;

namespace Verity.Mcp.HttpServer.Guards;

/// <summary>
/// The <c>Host</c> names this server answers to: the public URL's host, <c>VERITY_HTTP_ALLOWED_HOSTS</c> and, in the
/// local mode, the loopback names. A page on evil.example.com whose name is re-pointed at this machine (DNS
/// rebinding) still sends <c>Host: evil.example.com</c>, so it is refused. An entry without a port allows any port.
/// </summary>
internal sealed class HostAllowList
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1"];
    private readonly (string Host, int? Port)[] _entries;

    public HostAllowList(HttpServerOptions options)
    {
        var entries = new List<(string, int?)>();
        if (options.Auth == HttpAuthMode.None)
        {
            entries.AddRange(LoopbackNames.Select(name => (name, (int?)null)));
        }

        if (options.PublicUrl is { } publicUrl)
        {
            entries.Add((Normalize(publicUrl.Host), null));
        }

        foreach (var entry in options.AllowedHosts)
        {
            if (TryParseEntry(entry, out var host, out var port))
            {
                entries.Add((host, port));
            }
        }

        _entries = [.. entries.Distinct()];
    }

    public IReadOnlyList<string> Describe() => [.. _entries.Select(entry => entry.Port is { } port ? $"{entry.Host}:{port}" : entry.Host)];

    public bool Allows(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = Normalize(host.Host);
        return _entries.Any(entry => entry.Host == name && (entry.Port is null || entry.Port == host.Port));
    }

    public static bool IsHostEntry(string entry) => TryParseEntry(entry, out _, out _);

    private static bool TryParseEntry(string entry, out string host, out int? port)
    {
        var parsed = HostString.FromUriComponent(entry.Trim());
        host = Normalize(parsed.Host);
        port = parsed.Port;
        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown && !entry.Contains('/', StringComparison.Ordinal);
    }

    private static string Normalize(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}
