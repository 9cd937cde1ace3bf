using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reference.SmallestServer;

// The SDK's documented minimal stdio server: generic host, logs to stderr, one tool registered by type (which keeps
// its methods for the trimmer, so it publishes Native AOT without warnings).
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services
    .AddMcpServer()
    .WithStdioServerTransport()
    .WithTools<EchoTool>();
await builder.Build().RunAsync().ConfigureAwait(false);
