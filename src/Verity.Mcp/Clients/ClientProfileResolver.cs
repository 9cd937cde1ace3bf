using System.Collections.Frozen;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Clients;

/// <summary>Which profile a client gets, from the name it sends in <c>initialize.clientInfo</c>.</summary>
public static class ClientProfileResolver
{
    // The names these clients send today (see docs/clients.md); case is ignored, as some clients vary it.
    private static readonly FrozenDictionary<string, ClientProfile> ByClientName = new Dictionary<string, ClientProfile>
    {
        ["cursor-vscode"] = ClientProfile.Cursor,
        ["claude-code"] = ClientProfile.Claude,
        ["claude-ai"] = ClientProfile.Claude,
        ["Visual Studio Code"] = ClientProfile.VsCode,
        ["visual-studio-code"] = ClientProfile.VsCode,
        ["Visual Studio Code - Insiders"] = ClientProfile.VsCode,
        ["gemini-cli"] = ClientProfile.Gemini,
        ["codex-mcp-client"] = ClientProfile.OpenAi,
        ["openai-mcp"] = ClientProfile.OpenAi,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The profile for <paramref name="clientInfo"/>; an unknown or missing client gets <see cref="ClientProfile.Exact"/>.</summary>
    public static ClientProfile Resolve(Implementation? clientInfo) => FromClientName(clientInfo?.Name);

    public static ClientProfile FromClientName(string? name) =>
        name is not null && ByClientName.TryGetValue(name.Trim(), out var profile) ? profile : ClientProfile.Exact;
}
