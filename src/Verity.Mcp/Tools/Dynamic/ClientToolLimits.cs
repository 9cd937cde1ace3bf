using Verity.Mcp.Clients;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// How many tools each client profile's client takes from one server, where it is known (sources in docs/clients.md);
/// <see cref="ToolMode.Auto"/> goes dynamic above it.
/// </summary>
public static class ClientToolLimits
{
    /// <summary>The most tools the profile's client takes, or null when it sets no limit we know of.</summary>
    public static int? For(ClientProfile profile) => profile switch
    {
        // microsoft/vscode-copilot-release#11653: VS Code refuses more than 128 tools.
        ClientProfile.VsCode => ClientToolLists.VsCodeToolLimit,

        // OpenAI's function calling takes at most 128 functions per request.
        ClientProfile.OpenAi => 128,

        // Gemini's function declarations: at most 64 per tool (Vertex AI API reference, Tool.functionDeclarations).
        ClientProfile.Gemini => 64,

        // Cursor sent only the first 40 tools to its agent, and past 40 it still warns that tool choice degrades.
        ClientProfile.Cursor => 40,

        _ => null,
    };
}
