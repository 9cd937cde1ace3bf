using System.Net;
using System.Net.Sockets;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// A loopback port nobody listens on now, for a server whose public URL (the token audience) must be known before it
/// starts. Another process could take it in between; on a test machine that does not happen in practice.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
