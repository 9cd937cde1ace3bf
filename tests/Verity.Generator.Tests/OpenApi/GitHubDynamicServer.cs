using System.IO.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>
/// A real MCP server over the tools generated from GitHub's OpenAPI document (the compilation the other GitHub tests
/// load), in dynamic tool mode, its API client pointed at a loopback server that answers as the document says; and
/// an MCP client connected to it over in-memory pipes.
/// </summary>
public sealed class GitHubDynamicServer : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _open = [];
    private ServiceProvider _services = null!;

    internal OpenApiLoopbackApi Api { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    /// <summary>The generated tools by name, to call one directly as the server would in "all" mode.</summary>
    public IReadOnlyDictionary<string, EndpointTool> Tools { get; private set; } = null!;

    public IServiceProvider Services => _services;

    public async Task InitializeAsync()
    {
        var github = RealOpenApiDocumentTests.GitHub;
        var catalog = GeneratedToolAssembly.Catalog(github);
        Tools = GeneratedToolAssembly.CreateTools(github).Cast<EndpointTool>().ToDictionary(tool => tool.ProtocolTool.Name, StringComparer.Ordinal);
        Api = await OpenApiLoopbackApi.StartAsync(github.Text);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["GitHub:BaseUrl"] = Api.Url, ["VERITY_TOOL_MODE"] = "dynamic" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddApiClient(catalog, configuration);
        catalog.AddTools(services.AddMcpServer()).WithToolMode();
        _services = services.BuildServiceProvider(validateScopes: true);
        Client = await ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            await _open[i].DisposeAsync();
        }

        await _services.DisposeAsync();
        await Api.DisposeAsync();
    }

    private async Task<McpClient> ConnectAsync()
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
            new McpClientOptions { ClientInfo = new Implementation { Name = "assistant", Version = "1.0" } });
        _open.Add(client);
        return client;
    }
}
