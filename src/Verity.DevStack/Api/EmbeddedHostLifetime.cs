using Microsoft.Extensions.Hosting;

namespace Verity.DevStack.Api;

/// <summary>A host lifetime that does not listen for Ctrl+C or SIGTERM: the process that embeds the server decides when it stops.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
