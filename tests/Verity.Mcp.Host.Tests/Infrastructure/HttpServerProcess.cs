using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// verity-mcp-http as a real child process on a free loopback port: the JIT build from <c>http-server/</c> (this
/// project's build copies the server's output there, as verity-devstack's build does for <c>server/</c>), or the
/// Native AOT binary named by <c>VERITY_MCP_HTTP_BINARY</c>. Only the settings given are set for the child's CLERK_*
/// and VERITY_* variables; it is ready once <c>/readyz</c> answers 200, and its output lines are kept.
/// </summary>
public sealed class HttpServerProcess : IAsyncDisposable
{
    public const string AotBinaryVariable = "VERITY_MCP_HTTP_BINARY";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HttpServerProcess(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Its MCP endpoint.</summary>
    public string McpUrl => BaseUrl + "/mcp";

    /// <summary>Everything it wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>
    /// Starts it in OAuth mode. <paramref name="publicUrl"/> is <c>VERITY_HTTP_PUBLIC_URL</c> (several replicas share
    /// one); null makes it this process's own <see cref="McpUrl"/>.
    /// </summary>
    public static async Task<HttpServerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, Func<string, string>? publicUrl = null)
    {
        var port = FreePort();
        var ownUrl = $"http://127.0.0.1:{port}/mcp";
        var (fileName, prefix) = Command();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in prefix)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("CLERK_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VERITY_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["VERITY_HTTP_AUTH"] = "oauth";
        start.Environment["VERITY_HTTP_PUBLIC_URL"] = publicUrl?.Invoke(ownUrl) ?? ownUrl;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var server = new HttpServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}."), port);
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && !server._process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(server.BaseUrl + "/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"verity-mcp-http did not become ready on port {port}:\n{string.Join('\n', server.OutputLines)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static (string FileName, IReadOnlyList<string> Prefix) Command() =>
        Environment.GetEnvironmentVariable(AotBinaryVariable) is { Length: > 0 } binary
            ? (Path.GetFullPath(binary), [])
            : ("dotnet", [Path.Combine(AppContext.BaseDirectory, "http-server", "verity-mcp-http.dll")]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
