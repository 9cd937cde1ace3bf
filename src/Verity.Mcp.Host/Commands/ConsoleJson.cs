using System.Text;
using System.Text.Json;

namespace Verity.Mcp.Host.Commands;

/// <summary>JSON for people: indented, non-ASCII kept, without reflection (it re-writes parsed documents).</summary>
internal static class ConsoleJson
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Indent(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Indents the text when it is JSON; returns it unchanged otherwise.</summary>
    public static string IndentIfJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return Indent(document.RootElement);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
