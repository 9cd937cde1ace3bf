using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// An MCP client talking to verity-mcp <c>serve</c> over the child's real stdin/stdout (recorded by
/// <see cref="HostProcess"/>, so tests can check every line the server wrote).
/// </summary>
public sealed class ServerSession : IAsyncDisposable
{
    private ServerSession(HostProcess process, McpClient client)
    {
        Process = process;
        Client = client;
    }

    public HostProcess Process { get; }

    public McpClient Client { get; }

    /// <summary>Starts <c>serve</c> and connects as <paramref name="clientName"/> (the <c>clientInfo.name</c> the server sees).</summary>
    public static async Task<ServerSession> StartAsync(HostVariant variant, IReadOnlyDictionary<string, string?> environment, string clientName = "verity-e2e")
    {
        var process = HostProcess.Start(variant, ["serve"], environment);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var transport = new StreamClientTransport(process.ServerInput, process.ServerOutput);
            var client = await McpClient.CreateAsync(
                transport,
                new McpClientOptions { ClientInfo = new Implementation { Name = clientName, Version = "1.0" } },
                cancellationToken: timeout.Token);
            return new ServerSession(process, client);
        }
        catch (Exception exception)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException(
                $"verity-mcp ({variant}) did not start: {string.Join(Environment.NewLine, process.StderrLines)}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Process.DisposeAsync();
    }
}
