using System.IO.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Dynamic;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tests.Tools.Dynamic;

/// <summary>A real MCP server with <see cref="NumberedTool"/>s and the tool mode, and clients connected to it over in-memory pipes.</summary>
internal sealed class DynamicToolsServer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IAsyncDisposable> _open = [];

    private DynamicToolsServer(ServiceProvider services)
    {
        _services = services;
    }

    public IServiceProvider Services => _services;

    public static DynamicToolsServer Start(EndpointDescriptor[] descriptors, EndpointSearchIndex? index, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddMcpServer()
            .WithEndpointTools("Items", descriptors, () => descriptors.Select(d => (McpServerTool)new NumberedTool(d)).ToArray(), index is null ? null : () => index)
            .WithToolMode();
        var provider = services.BuildServiceProvider(validateScopes: true);
        return new DynamicToolsServer(provider);
    }

    /// <summary>Connects a client named <paramref name="clientName"/>.</summary>
    public async Task<McpClient> ConnectAsync(string clientName)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var loggerFactory = _services.GetRequiredService<ILoggerFactory>();
        var server = McpServer.Create(
            new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), loggerFactory: loggerFactory),
            _services.GetRequiredService<IOptions<McpServerOptions>>().Value,
            loggerFactory,
            _services);
        _open.Add(server);
        _ = server.RunAsync();
        var client = await McpClient.CreateAsync(
            new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream(), loggerFactory),
            new McpClientOptions { ClientInfo = new Implementation { Name = clientName, Version = "1.0" } });
        _open.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            await _open[i].DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
