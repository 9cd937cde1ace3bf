using Microsoft.Extensions.Hosting;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>Fetches the signing keys at start, and again every refetch interval until it has them, so the replica turns ready.</summary>
internal sealed class JwksWarmUp(JwksCache keys, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await keys.RefreshAsync(stoppingToken).ConfigureAwait(false);
            if (keys.HasKeys)
            {
                return;
            }

            await Task.Delay(JwksCache.MinRefetchInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
