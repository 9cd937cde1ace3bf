using System.IO.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Host.Server;

/// <summary>
/// The same server as <c>serve</c>, connected to an MCP client through in-memory pipes, so the <c>tools</c> and
/// <c>call</c> verbs see exactly what Cursor would (filtering, schemas, result mapping, auth).
/// </summary>
internal sealed class InProcessSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Pipe _clientToServer;
    private readonly Pipe _serverToClient;

    private InProcessSession(IHost host, Pipe clientToServer, Pipe serverToClient, McpClient client)
    {
        _host = host;
        _clientToServer = clientToServer;
        _serverToClient = serverToClient;
        Client = client;
    }

    public McpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<InProcessSession> StartAsync(
        ConfigurationManager configuration, LogLevel logLevel, bool withApi, CancellationToken cancellationToken)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var builder = VerityHostBuilder.Create(configuration, logLevel, withApi, out var server);
        server.WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
        var host = builder.BuildValidated();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var transport = new StreamClientTransport(
                clientToServer.Writer.AsStream(),
                serverToClient.Reader.AsStream(),
                host.Services.GetRequiredService<ILoggerFactory>());
            var client = await McpClient.CreateAsync(
                transport,
                new McpClientOptions { ClientInfo = new Implementation { Name = "verity-mcp-cli", Version = ServerIdentity.Version } },
                host.Services.GetRequiredService<ILoggerFactory>(),
                cancellationToken).ConfigureAwait(false);
            return new InProcessSession(host, clientToServer, serverToClient, client);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await _clientToServer.Writer.CompleteAsync().ConfigureAwait(false);
        await _serverToClient.Writer.CompleteAsync().ConfigureAwait(false);
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(stopping.Token).ConfigureAwait(false);
        _host.Dispose();
    }
}
