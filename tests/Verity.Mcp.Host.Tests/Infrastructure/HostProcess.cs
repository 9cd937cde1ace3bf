using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// verity-mcp as a real child process. Stdout is read line by line, recorded, and passed on to whoever talks
/// MCP with it (<see cref="ServerOutput"/>); stderr is recorded. Only the variables given are set for the
/// child's CLERK_* and VERITY_* settings, so the machine's own environment cannot leak in.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Pipe _stdout = new();
    private readonly ConcurrentQueue<string> _stdoutLines = new();
    private readonly ConcurrentQueue<string> _stderrLines = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    private HostProcess(Process process)
    {
        _process = process;
        _stdoutPump = PumpStdoutAsync();
        _stderrPump = PumpStderrAsync();
    }

    /// <summary>The child's stdin (the MCP client writes requests here).</summary>
    public Stream ServerInput => _process.StandardInput.BaseStream;

    /// <summary>The child's stdout, after it has been recorded line by line.</summary>
    public Stream ServerOutput => _stdout.Reader.AsStream();

    public IReadOnlyList<string> StdoutLines => [.. _stdoutLines];

    public IReadOnlyList<string> StderrLines => [.. _stderrLines];

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(HostVariant variant, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(variant.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in variant.PrefixArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("CLERK_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VERITY_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {variant.FileName}.");
        return new HostProcess(process);
    }

    /// <summary>Closes stdin (what Cursor does on exit) and waits for the exit code.</summary>
    public async Task<int> CloseInputAndWaitAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends a signal (e.g. <c>TERM</c>) the way <c>kill</c>, <c>docker stop</c> or a process manager does.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {name} {_process.Id} exited {kill.ExitCode}.");
        }
    }

    /// <summary>Waits for the process to end on its own (stdin stays open) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await CloseInputAndWaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                _stdoutLines.Enqueue(line);
                await _stdout.Writer.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
            }
        }
        finally
        {
            await _stdout.Writer.CompleteAsync();
        }
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            _stderrLines.Enqueue(line);
        }
    }
}
