using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Telemetry;
using Verity.Mcp.Tools.Dynamic;

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
        foreach (var call in await CalledToolsAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false))
        {
            if (scopes.Missing(token, call) is { } scope)
            {
                var toolName = call.EndpointName ?? call.ToolName;
                LogInsufficientScope(logger, toolName, scope);
                metrics.RecordRejectedIncomingToken("insufficient_scope");
                await challenge.InsufficientScopeAsync(context, scope, toolName).ConfigureAwait(false);
                return;
            }
        }

        context.Request.Body.Position = 0;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The <c>tools/call</c> requests in the body (one message, or a batch as older revisions allowed).</summary>
    private static async Task<IReadOnlyList<ToolCall>> CalledToolsAsync(Stream body, CancellationToken cancellationToken)
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
            return [.. messages.Select(Call).OfType<ToolCall>()];
        }
    }

    private static ToolCall? Call(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String || !method.ValueEquals("tools/call")
            || !message.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var toolName = name.GetString()!;
        if (!string.Equals(toolName, DynamicToolNames.Call, StringComparison.OrdinalIgnoreCase))
        {
            return new ToolCall(toolName, null);
        }

        // call_api_endpoint's own argument "name" is the endpoint it runs.
        var endpoint = parameters.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object
            && arguments.TryGetProperty("name", out var endpointName) && endpointName.ValueKind == JsonValueKind.String
                ? endpointName.GetString()
                : null;
        return new ToolCall(toolName, endpoint);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a call of {Tool}: the access token lacks the {Scope} scope.")]
    private static partial void LogInsufficientScope(ILogger logger, string tool, string scope);
}
