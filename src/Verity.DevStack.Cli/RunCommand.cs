namespace Verity.DevStack.Cli;

/// <summary>
/// Runs the Clerk emulator and the sample Verity API on loopback ports. Stdout gets exactly the settings a server
/// needs (<c>KEY=VALUE</c> lines) and then <c>ready</c>, so a script can read them; it runs until stdin closes or
/// a stop signal (Ctrl+C, SIGTERM, SIGQUIT) arrives, then exits 0. The printed secret key is the emulator's own fake key.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(TextWriter output, TextReader input, CancellationToken cancellationToken)
    {
        await using var stack = await DevStackHost.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync($"CLERK_API_URL={stack.ClerkApiUrl}").ConfigureAwait(false);
        await output.WriteLineAsync($"CLERK_SECRET_KEY={stack.SecretKey}").ConfigureAwait(false);
        await output.WriteLineAsync($"VERITY_BASE_URL={stack.VerityBaseUrl}").ConfigureAwait(false);
        await output.WriteLineAsync($"CLERK_FRONTEND_API_URL={stack.ClerkFrontendApiUrl}").ConfigureAwait(false);
        await output.WriteLineAsync("ready").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Console.Error.WriteLineAsync("verity-devstack: Clerk emulator and sample Verity API are running; close stdin (Ctrl+D), press Ctrl+C or send SIGTERM to stop.").ConfigureAwait(false);

        await WaitForEndOfInputAsync(input, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Completes when stdin reaches its end or the token is cancelled (a console read cannot be cancelled itself).</summary>
    private static async Task WaitForEndOfInputAsync(TextReader input, CancellationToken cancellationToken)
    {
        var endOfInput = Task.Run(async () =>
        {
            var buffer = new char[256];
            while (await input.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false) > 0)
            {
            }
        }, CancellationToken.None);
        var interrupted = Task.Delay(Timeout.Infinite, cancellationToken);
        await Task.WhenAny(endOfInput, interrupted).ConfigureAwait(false);
    }
}
