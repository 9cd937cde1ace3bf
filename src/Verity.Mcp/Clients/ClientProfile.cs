namespace Verity.Mcp.Clients;

/// <summary>
/// The shape of the <c>tools/list</c> answer a client gets. Every profile but <see cref="Exact"/> rewrites the input
/// schemas into a form that client's own checks accept; the server still validates arguments against the exact schema.
/// </summary>
public enum ClientProfile
{
    /// <summary>The generator's schemas, unchanged: for clients that implement JSON Schema as the MCP spec asks.</summary>
    Exact,

    /// <summary>Cursor: top-level nullable arguments as <c>anyOf</c> with a null variant, <c>$ref</c>s inlined.</summary>
    Cursor,

    /// <summary>Claude Code and claude.ai: no <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> at the top of an input schema.</summary>
    Claude,

    /// <summary>VS Code (Copilot): <c>items</c> on every array, at most 128 tools.</summary>
    VsCode,

    /// <summary>Gemini: no type arrays or references, only the keywords Gemini's function declarations know.</summary>
    Gemini,

    /// <summary>OpenAI strict function calling: closed objects, every property required (optional ones nullable).</summary>
    OpenAi,
}
