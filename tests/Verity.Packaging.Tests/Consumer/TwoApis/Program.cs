using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outlet.Tools;
using Shop.Tools;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;

var builder = Host.CreateApplicationBuilder(args);

// Stdout carries JSON-RPC only: every log line goes to stderr.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

// One client per API, keyed by its api.name: its own base URL, limits and auth.
builder.Services
    .AddApiClient(ShopTools.Catalog, builder.Configuration)     // SHOP_BASE_URL, SHOP_TIMEOUT_SECONDS, …
    .AddClerkAuthentication(builder.Configuration);
builder.Services
    .AddApiClient(OutletTools.Catalog, builder.Configuration)   // OUTLET_BASE_URL, OUTLET_TIMEOUT_SECONDS, …
    .AddClerkAuthentication(builder.Configuration);
builder.Services
    .AddMcpServer()
    .WithStdioServerTransport()
    .WithShopTools()
    .WithOutletTools();

await builder.Build().RunAsync();
