using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Clients;

namespace Verity.Benchmarks.Clients;

/// <summary>
/// An MCP server (the SDK's, with the client profiles registered as the host registers them) on in-memory pipes,
/// driven with raw JSON-RPC lines: what is timed is the server's work for <c>tools/list</c> up to the last byte of
/// its answer, with no client-side parsing.
/// </summary>
internal sealed class RawMcpConnection : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly McpServer _server;
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly Task _running;
    private int _nextId = 1;

    private RawMcpConnection(IEnumerable<Tool> tools)
        : this(server => server.WithTools(GeneratedToolSchemas.AsServerTools(tools)).WithClientProfiles(), new ConfigurationBuilder().Build())
    {
    }

    private RawMcpConnection(Action<IMcpServerBuilder> register, IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        register(services.AddMcpServer());
        _services = services.BuildServiceProvider();
        _server = McpServer.Create(
            new StreamServerTransport(_toServer.Reader.AsStream(), _fromServer.Writer.AsStream()),
            _services.GetRequiredService<IOptions<McpServerOptions>>().Value,
            NullLoggerFactory.Instance,
            _services);
        _running = _server.RunAsync();
    }

    /// <summary>A server with <paramref name="tools"/>, initialized by a client named <paramref name="clientName"/>.</summary>
    public static async Task<RawMcpConnection> StartAsync(IEnumerable<Tool> tools, string clientName)
    {
        var connection = new RawMcpConnection(tools);
        await connection.RequestAsync("initialize",
            $$$"""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"{{{clientName}}}","version":"1.0"}}""");
        await connection.SendLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return connection;
    }

    /// <summary>A server whose tools <paramref name="register"/> adds, with <paramref name="configuration"/> as its settings.</summary>
    public static async Task<RawMcpConnection> StartAsync(Action<IMcpServerBuilder> register, IConfiguration configuration, string clientName)
    {
        var connection = new RawMcpConnection(register, configuration);
        await connection.RequestAsync("initialize",
            $$$"""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"{{{clientName}}}","version":"1.0"}}""");
        await connection.SendLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return connection;
    }

    /// <summary>One <c>tools/list</c>; returns the length of the answer in bytes.</summary>
    public Task<long> ListToolsAsync() => RequestAsync("tools/list", null);

    private async Task<long> RequestAsync(string method, string? parameters)
    {
        var id = _nextId++;
        await SendLineAsync(parameters is null
            ? $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        return await ReadLineAsync();
    }

    private async Task SendLineAsync(string line)
    {
        await _toServer.Writer.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
    }

    private async Task<long> ReadLineAsync()
    {
        var reader = _fromServer.Reader;
        while (true)
        {
            var read = await reader.ReadAsync();
            var buffer = read.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } end)
            {
                var length = buffer.Slice(0, end).Length;
                reader.AdvanceTo(buffer.GetPosition(1, end));
                return length;
            }

            if (read.IsCompleted)
            {
                throw new InvalidOperationException("The server closed its output.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _server.DisposeAsync();
        await _fromServer.Writer.CompleteAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _services.DisposeAsync();
    }
}
