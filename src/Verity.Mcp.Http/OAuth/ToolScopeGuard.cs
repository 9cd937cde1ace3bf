using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// Reads a JSON-RPC request before the MCP handler does and answers HTTP 403 <c>insufficient_scope</c> when it is a
/// <c>tools/call</c> of a tool the token's scopes do not cover (a JSON-RPC error inside a 200 would not tell an OAuth
/// client to ask for more scope). The body is buffered and rewound, so the handler reads it as sent.
/// </summary>
internal sealed partial class ToolScopeGuard(ToolScopes scopes, BearerChallenge challenge, McpMetrics metrics, ILogger<ToolScopeGuard> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Features.Get<AccessToken>() is not { } token)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Request.EnableBuffering();
        foreach (var toolName in await CalledToolsAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false))
        {
            if (scopes.Missing(token, toolName) is { } scope)
            {
                LogInsufficientScope(logger, toolName, scope);
                metrics.RecordRejectedIncomingToken("insufficient_scope");
                await challenge.InsufficientScopeAsync(context, scope, toolName).ConfigureAwait(false);
                return;
            }
        }

        context.Request.Body.Position = 0;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The tool names of the <c>tools/call</c> requests in the body (one message, or a batch as older revisions allowed).</summary>
    private static async Task<IReadOnlyList<string>> CalledToolsAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return []; // the MCP handler answers a parse error
        }

        using (document)
        {
            var messages = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToArray() : [document.RootElement];
            return [.. messages.Select(ToolName).OfType<string>()];
        }
    }

    private static string? ToolName(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String && method.ValueEquals("tools/call")
        && message.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
        && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a call of {Tool}: the access token lacks the {Scope} scope.")]
    private static partial void LogInsufficientScope(ILogger logger, string tool, string scope);
}
