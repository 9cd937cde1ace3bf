using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Host.Commands;

/// <summary>A tool result as a person reads it: text blocks (JSON indented), other blocks described in one line.</summary>
internal static class ToolResultText
{
    public static string Format(CallToolResult result)
    {
        var text = new StringBuilder();
        if (result.IsError == true)
        {
            text.Append("error: ");
        }

        foreach (var block in result.Content)
        {
            if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append('\n');
            }

            text.Append(block switch
            {
                TextContentBlock textBlock => ConsoleJson.IndentIfJson(textBlock.Text),
                ImageContentBlock image => string.Create(CultureInfo.InvariantCulture, $"[image, {image.MimeType}]"),
                AudioContentBlock audio => string.Create(CultureInfo.InvariantCulture, $"[audio, {audio.MimeType}]"),
                EmbeddedResourceBlock resource => $"[resource {resource.Resource.Uri}]",
                ResourceLinkBlock link => $"[link {link.Uri}]",
                _ => $"[{block.Type} content]",
            });
        }

        return text.ToString();
    }
}
