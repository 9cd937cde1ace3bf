using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Soak;

/// <summary>
/// verity-mcp <c>serve</c> as a child process, spoken to over its real stdin/stdout by the MCP C# client, with its
/// stderr kept (the soak checks it for secrets) and its resident memory read from <c>/proc</c>.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();

    private ServerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public McpClient Client { get; private set; } = null!;

    public IReadOnlyCollection<string> StderrLines => _stderr;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static async Task<ServerProcess> StartAsync(string hostPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(hostPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("serve");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("CLERK_", StringComparison.Ordinal) || k.StartsWith("VERITY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {hostPath}."));
        var transport = new StreamClientTransport(server._process.StandardInput.BaseStream, server._process.StandardOutput.BaseStream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        server.Client = await McpClient.CreateAsync(
            transport,
            new McpClientOptions { ClientInfo = new Implementation { Name = "verity-soak", Version = "1.0" } },
            cancellationToken: timeout.Token).ConfigureAwait(false);
        return server;
    }

    /// <summary>Resident set size of the server process in bytes (VmRSS), or null where /proc is not there.</summary>
    public long? ResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
