using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Verity.Load;

/// <summary>
/// A server under load as a child process on a free loopback port: started with only the settings given (the
/// machine's own CLERK_* and VERITY_* are removed), ready once its readiness URL answers, stopped on dispose.
/// Its output is kept (the last lines) to explain a failed start.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int ProcessId => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ChildServer> StartAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        int port,
        IReadOnlyDictionary<string, string> environment,
        string readinessPath,
        HttpClient http)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("CLERK_", StringComparison.Ordinal) || k.StartsWith("VERITY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ChildServer(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}."), port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server._process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(server.BaseUrl + readinessPath).ConfigureAwait(false);
                if ((int)response.StatusCode < 500)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        var output = string.Join('\n', server._output);
        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"{Path.GetFileName(fileName)} did not become ready on port {port}:\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 40 && _output.TryDequeue(out _))
        {
        }
    }
}
