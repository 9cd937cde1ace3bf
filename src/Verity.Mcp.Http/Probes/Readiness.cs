using Microsoft.Extensions.Hosting;
using Verity.Mcp.HttpServer.OAuth;

namespace Verity.Mcp.HttpServer.Probes;

/// <summary>
/// Whether a load balancer should send this replica traffic. The configuration was valid (or the process would not
/// be running); in the OAuth mode the signing keys must have been fetched once (afterwards a JWKS outage keeps the
/// keys held, so the replica stays ready); once SIGTERM arrives the replica reports not ready while it drains.
/// </summary>
internal sealed class Readiness(IHostApplicationLifetime lifetime, JwksCache? signingKeys = null)
{
    /// <summary>Null when ready, else why not (shown in <c>/readyz</c>).</summary>
    public string? NotReadyReason =>
        lifetime.ApplicationStopping.IsCancellationRequested ? "stopping"
        : signingKeys is { HasKeys: false } ? "the authorization server's signing keys (JWKS) have not been fetched yet"
        : null;
}
