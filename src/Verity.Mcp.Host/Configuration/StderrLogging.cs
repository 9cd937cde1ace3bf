using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Verity.Mcp.Logging;
using Verity.Mcp.NativeAot;

namespace Verity.Mcp.Host.Configuration;

/// <summary>
/// Every log line goes to stderr (stdout belongs to JSON-RPC (serve) or to the verb's own output), with secrets
/// redacted.
/// </summary>
internal static class StderrLogging
{
    private static readonly string[] ChattyCategories = ["ModelContextProtocol", "System.Net.Http", "Microsoft", "Polly"];

    public static ILoggingBuilder AddStderrConsole(this ILoggingBuilder logging, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        if (minimumLevel == LogLevel.Information)
        {
            // At the verbs' default level, show what verity-mcp does, not every transport and HTTP step of the libraries.
            foreach (var chatty in ChattyCategories)
            {
                logging.AddFilter(chatty, LogLevel.Warning);
            }
        }

        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        // The logging and console options every start reads (the console logger builds all three formatters), closed
        // so Native AOT does not build their types at run time.
        logging.Services
            .AddClosedOptions<LoggerFilterOptions>()
            .AddClosedOptions<LoggerFactoryOptions>()
            .AddClosedOptions<ConsoleLoggerOptions>()
            .AddClosedOptions<SimpleConsoleFormatterOptions>()
            .AddClosedOptions<JsonConsoleFormatterOptions>()
            .AddClosedOptions<ConsoleFormatterOptions>();

        // Last, so it wraps the console: no configured key or token reaches stderr, whatever text a line carries.
        logging.RedactSecrets();
        return logging;
    }
}
