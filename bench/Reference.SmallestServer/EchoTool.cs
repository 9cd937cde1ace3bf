using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Reference.SmallestServer;

[McpServerToolType]
internal sealed class EchoTool
{
    [McpServerTool(Name = "echo"), Description("Echoes the message back.")]
    public static string Echo([Description("The message to echo.")] string message) => "echo: " + message;
}
