using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Host.Tests.Infrastructure;

public static class ToolResults
{
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, string argumentsJson = "{}")
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.CallToolAsync(new CallToolRequestParams { Name = tool, Arguments = arguments }, timeout.Token);
    }

    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    /// <summary>The result's JSON body; fails the test with the result text when the call was an error.</summary>
    public static JsonElement Json(this CallToolResult result)
    {
        Assert.True(result.IsError != true, $"The tool returned an error: {result.Text()}");
        using var document = JsonDocument.Parse(result.Text());
        return document.RootElement.Clone();
    }
}
