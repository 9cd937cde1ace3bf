using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Verity.Mcp.Logging;

namespace Verity.Mcp.HttpServer.Logging;

/// <summary>
/// One JSON object per line on stdout, UTC timestamps, secrets redacted: what container runtimes collect and log
/// pipelines parse. Stdout, because that is the stream a container's log driver treats as the application's events;
/// stderr carries only the single line of a start-up refusal (exit 2), which is for the person who deployed it.
/// </summary>
internal static class JsonLogging
{
    private static readonly string[] ChattyCategories = ["ModelContextProtocol", "System.Net.Http", "Microsoft", "Polly"];

    public static ILoggingBuilder AddJsonStdout(this ILoggingBuilder logging, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        if (minimumLevel >= LogLevel.Information)
        {
            // At the default level, what this server does, not every transport and HTTP step of the libraries;
            // the listening addresses and the shutdown still show.
            foreach (var chatty in ChattyCategories)
            {
                logging.AddFilter(chatty, LogLevel.Warning);
            }

            logging.AddFilter("Microsoft.Hosting.Lifetime", minimumLevel);
        }

        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = false;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.None);

        // Last, so it wraps the console: no configured key or token reaches the log, whatever text a line carries.
        logging.RedactSecrets();
        return logging;
    }
}
