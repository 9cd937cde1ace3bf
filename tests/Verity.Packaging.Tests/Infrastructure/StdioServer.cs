using System.Collections.Concurrent;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>
/// An MCP server started as a child process and driven over its stdin/stdout by the SDK's own client
/// (<see cref="StdioClientTransport"/>), the way Cursor runs it. Its stderr lines are kept for failure messages.
/// </summary>
internal sealed class StdioServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private StdioServer(McpClient client, ConcurrentQueue<string> stderr)
    {
        Client = client;
        _stderr = stderr;
    }

    public McpClient Client { get; }

    public string Stderr => string.Join(Environment.NewLine, _stderr);

    public static async Task<StdioServer> StartAsync(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string?>();
        // Only the given settings: none of the machine's own CLERK_* / VERITY_* variables reach the server.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("CLERK_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VERITY_", StringComparison.OrdinalIgnoreCase))
            {
                environment[key] = null;
            }
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = command,
            Arguments = [.. arguments],
            EnvironmentVariables = environment,
            StandardErrorLines = stderr.Enqueue,
            Name = Path.GetFileName(command),
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var client = await McpClient.CreateAsync(
                transport,
                new McpClientOptions { ClientInfo = new Implementation { Name = "verity-packaging-tests", Version = "1.0" } },
                cancellationToken: timeout.Token);
            return new StdioServer(client, stderr);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', arguments)}' did not start as an MCP server:{Environment.NewLine}{string.Join(Environment.NewLine, stderr)}",
                exception);
        }
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
