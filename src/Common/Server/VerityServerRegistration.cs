using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Common.Server;

/// <summary>The MCP server every verb runs: identity, instructions and the tools compiled from the catalog.</summary>
internal static class VerityServerRegistration
{
    public static IMcpServerBuilder AddVerityMcpServer(this IServiceCollection services)
    {
        var builder = services
            .AddMcpServer(options =>
                options.ServerInfo = new Implementation { Name = ServerIdentity.Name, Version = ServerIdentity.Version })
            .WithCompiledTools()
            // VERITY_TOOL_MODE: the endpoint tools, or search/describe/call over them for clients that take fewer.
            .WithToolMode()
            // When filtering leaves no tool, tools/list still answers (empty) and a call names the problem.
            .WithListToolsHandler((_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [] }))
            .WithCallToolHandler((request, _) => throw new McpProtocolException(
                $"Unknown tool '{request.Params?.Name}'. Call tools/list for the tools this server has (VERITY_TOOLS and VERITY_READ_ONLY hide some).",
                McpErrorCode.InvalidParams));

        // After the SDK has collected the registered tools (run-time filtering included), so the instructions
        // describe exactly the tools this server lists.
        services.PostConfigure<McpServerOptions>(options =>
            options.ServerInstructions = ServerInstructions.Build(
                CompiledCatalog.ApiName,
                CompiledCatalog.ApiVersion,
                options.ToolCollection is { } tools ? [.. tools] : []));
        return builder;
    }
}
