using System.Diagnostics;
using System.Text;

namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>The result of one dotnet CLI command: exit code and the merged stdout/stderr text.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public CommandResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"'{Command}' exited with {ExitCode}:{Environment.NewLine}{Output}");
}

/// <summary>
/// Runs the dotnet CLI as a child process, the way a user would. Build servers and node reuse are off, so no
/// long-lived child keeps the redirected output open (which would hang the read) or outlives the test run.
/// </summary>
internal static class DotnetCli
{
    public static Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        RunProgramAsync("dotnet", workingDirectory, arguments, timeout);

    /// <summary>Runs any program (e.g. an installed tool) with the same environment rules as the dotnet CLI.</summary>
    public static async Task<CommandResult> RunProgramAsync(string program, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild/VSTest variables that would point a nested build at the wrong SDK parts.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        var command = program + " " + string.Join(' ', arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish within {timeout}:{Environment.NewLine}{Text(output)}");
        }

        return new CommandResult(command, process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
