using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// verity-mcp-http as a child process: the JIT build beside the tests (<c>dotnet verity-mcp-http.dll</c>), or the
/// Native AOT binary named by <c>VERITY_MCP_HTTP_BINARY</c> (CI publishes it first). It gets only the settings
/// given (the machine's own CLERK_*, VERITY_* and ASPNETCORE_* are removed).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string AotBinaryVariable = "VERITY_MCP_HTTP_BINARY";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            _stdout.Enqueue(line.Data);
            if (ListeningAddress(line.Data) is { } address)
            {
                _listening.TrySetResult(address);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _stderr.Enqueue(line.Data);
            }
        };
    }

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = Environment.GetEnvironmentVariable(AotBinaryVariable) is { Length: > 0 } binary
            ? new ProcessStartInfo(Path.GetFullPath(binary))
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "verity-mcp-http.dll") } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = AppContext.BaseDirectory;
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("CLERK_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VERITY_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start verity-mcp-http.");
        var server = new ServerProcess(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The address from the "Now listening on" log line.</summary>
    public async Task<Uri> ListeningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        return first == _listening.Task
            ? await _listening.Task
            : throw new InvalidOperationException($"verity-mcp-http did not start listening.\nstdout:\n{string.Join('\n', Stdout)}\nstderr:\n{string.Join('\n', Stderr)}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Sends a signal (e.g. <c>TERM</c>) the way <c>kill</c>, <c>docker stop</c> or an orchestrator does.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", name, _process.Id.ToString(CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
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

    private static Uri? ListeningAddress(string line)
    {
        try
        {
            using var entry = JsonDocument.Parse(line);
            return entry.RootElement.TryGetProperty("State", out var state) && state.TryGetProperty("address", out var address)
                ? new Uri(address.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
