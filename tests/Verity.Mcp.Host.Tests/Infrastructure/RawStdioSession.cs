using System.Text;
using System.Text.Json;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// verity-mcp <c>serve</c> driven with hand-written JSON-RPC lines, for messages an MCP client library will not
/// write (its JSON writer refuses a lone surrogate, for one): initialize once, then send any line and read the answer
/// with the same id.
/// </summary>
public sealed class RawStdioSession : IAsyncDisposable
{
    private readonly HostProcess _process;
    private readonly StreamReader _output;
    private int _nextId = 1;

    private RawStdioSession(HostProcess process)
    {
        _process = process;
        _output = new StreamReader(process.ServerOutput, Encoding.UTF8);
    }

    public HostProcess Process => _process;

    public static async Task<RawStdioSession> StartAsync(HostVariant variant, IReadOnlyDictionary<string, string?> environment)
    {
        var session = new RawStdioSession(HostProcess.Start(variant, ["serve"], environment));
        try
        {
            await session.RequestAsync("initialize",
                """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"verity-e2e-raw","version":"1.0"}}""");
            await session.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <c>tools/call</c> with <paramref name="argumentsJson"/> written into the line exactly as given.</summary>
    public Task<JsonElement> CallToolAsync(string tool, string argumentsJson) =>
        RequestAsync("tools/call", $$"""{"name":{{JsonSerializer.Serialize(tool)}},"arguments":{{argumentsJson}}}""");

    /// <summary>The whole JSON-RPC answer (with <c>result</c> or <c>error</c>) to a request sent with these raw params.</summary>
    public async Task<JsonElement> RequestAsync(string method, string paramsJson)
    {
        var id = _nextId++;
        await WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _output.ReadLineAsync(timeout.Token) is { } line)
        {
            using var message = JsonDocument.Parse(line);
            if (message.RootElement.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt32() == id)
            {
                return message.RootElement.Clone();
            }
        }

        throw new InvalidOperationException($"verity-mcp closed stdout before answering request {id}: {string.Join(Environment.NewLine, _process.StderrLines)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _output.Dispose();
    }

    private async Task WriteLineAsync(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        await _process.ServerInput.WriteAsync(bytes);
        await _process.ServerInput.FlushAsync();
    }
}
