using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Tools;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;
using Verity.Mcp.Tools.Dynamic;

var builder = Host.CreateApplicationBuilder(args);

// Stdout carries JSON-RPC only: every log line goes to stderr.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

builder.Services
    .AddApiClient(ShopTools.Catalog, builder.Configuration)
    .AddClerkAuthentication(builder.Configuration);
builder.Services.AddApiClient(ReviewsTools.Catalog, builder.Configuration);
builder.Services
    .AddMcpServer()
    .WithStdioServerTransport()
    .WithShopTools()
    .WithReviewsTools()
    .WithToolMode();

await builder.Build().RunAsync();
