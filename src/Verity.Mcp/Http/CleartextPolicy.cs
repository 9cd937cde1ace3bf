using System.Net;

namespace Verity.Mcp.Http;

/// <summary>
/// Plain http would carry bearer tokens and the Clerk secret key across the network in clear text, so it is
/// allowed only to this machine: <c>localhost</c>, 127.0.0.0/8 and ::1 (a local emulator, a dev server, the local
/// end of a tunnel). Everything else must be https.
/// </summary>
public static class CleartextPolicy
{
    /// <summary>How the loopback exception reads in configuration errors.</summary>
    public const string LoopbackHosts = "localhost, 127.0.0.0/8 or ::1";

    public static bool Allows(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url));

    public static bool IsLoopback(Uri url)
    {
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            if (!IPAddress.TryParse(url.DnsSafeHost, out var address))
            {
                return false;
            }

            return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        }

        // Only the name itself: "localhost.example.com" is somebody's server.
        return url.DnsSafeHost.TrimEnd('.').Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }
}
