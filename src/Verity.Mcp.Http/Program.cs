using Verity.Common.Configuration;

namespace Verity.Mcp.HttpServer;

internal static class Program
{
    /// <summary>Bad configuration: the one stderr line names the setting and the fix.</summary>
    public const int BadConfiguration = 2;

    public static async Task<int> Main(string[] args)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = HttpServerApp.Build(args);
        }
        catch (Exception exception) when (OptionsFailureText.Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"verity-mcp-http: {message}").ConfigureAwait(false);
            return BadConfiguration;
        }

        // The host's console lifetime turns SIGTERM and SIGINT into a stop: readiness turns 503, Kestrel stops
        // accepting and waits up to HttpServerApp.DrainTimeout for requests in flight.
        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
