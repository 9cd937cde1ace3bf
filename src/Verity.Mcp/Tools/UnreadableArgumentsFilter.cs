using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Verity.Mcp.Tools;

/// <summary>
/// A <c>tools/call</c> whose arguments hold a string that is not valid Unicode (a lone surrogate escape such as
/// <c>"\ud800"</c>) fails inside the MCP SDK, while it reads the request's parameters and before any tool runs, and
/// the client gets the bare protocol error "An error occurred". This incoming-message filter answers such a call
/// itself with the usual argument error naming where the bad text is. It only looks when the SDK has failed, so a
/// well-formed call costs nothing.
/// </summary>
internal static class UnreadableArgumentsFilter
{
    private const int MaxDepth = 64;

    public static McpMessageFilter Create() => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is not JsonRpcRequest { Method: RequestMethods.ToolsCall } request)
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (FindUnreadable(request.Params) is { Errors.Total: > 0 } found)
        {
            // The server the filter sees is bound to the request's transport, so the answer goes where the request came from.
            var result = InvalidArgumentsResult.Create(found.ToolName, found.Errors);
            await context.Server.SendMessageAsync(
                new JsonRpcResponse
                {
                    Id = request.Id,
                    Result = JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
                },
                cancellationToken).ConfigureAwait(false);
        }
    };

    /// <summary>The tool's name and every unreadable string or property name among the call's arguments.</summary>
    internal static (string ToolName, ArgumentErrors Errors) FindUnreadable(JsonNode? parameters)
    {
        var errors = new ArgumentErrors();
        var toolName = "?";
        if (parameters is not JsonObject call)
        {
            return (toolName, errors);
        }

        try
        {
            if (call["name"] is JsonValue name && name.TryGetValue<JsonElement>(out var element)
                && UnrepresentableValues.TryGetString(element, out var text))
            {
                toolName = text;
            }

            Visit(call["arguments"], path: null, errors, depth: 0);
        }
        catch (InvalidOperationException)
        {
            // A property name of the request itself cannot be read: nothing here can be named.
            errors.Add(new("arguments", UnrepresentableValues.TextRule, "hold a property name that is not valid Unicode text (an unpaired surrogate escape such as \\ud800)."));
        }

        return (toolName, errors);
    }

    private static void Visit(JsonNode? node, string? path, ArgumentErrors errors, int depth)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                UnrepresentableValues.Find(element, path ?? "arguments", errors, MaxDepth);
                break;
            case JsonArray array when depth < MaxDepth:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], $"{path}[{i}]", errors, depth + 1);
                }

                break;
            case JsonObject obj when depth < MaxDepth:
                List<KeyValuePair<string, JsonNode?>> members;
                try
                {
                    members = [.. obj];
                }
                catch (InvalidOperationException)
                {
                    errors.Add(new(path ?? "arguments", UnrepresentableValues.TextRule, path is null
                        ? "have a name that is not valid Unicode text (an unpaired surrogate escape such as \\ud800); rename it."
                        : "has a property name that is not valid Unicode text (an unpaired surrogate escape such as \\ud800); rename it."));
                    return;
                }

                foreach (var (name, member) in members)
                {
                    Visit(member, path is null ? name : $"{path}.{name}", errors, depth + 1);
                }

                break;
        }
    }
}
