using System.Text;

namespace Verity.Generator.Emit;

/// <summary>C# literal helpers for emitted code.</summary>
internal static class CSharp
{
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (!NeedsEscape(value))
        {
            // The common case (names, paths, JSON keys): one allocation instead of a builder, its buffer and a copy.
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text for an XML doc comment, on one line.</summary>
    public static string Xml(string text) =>
        OneLine(text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"));

    /// <summary>
    /// Catalog text on one line: a line terminator in a comment (C# also ends lines at U+0085, U+2028 and U+2029)
    /// would turn the rest of the text into code.
    /// </summary>
    public static string OneLine(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029'))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            builder.Append(' ');
        }

        return builder?.ToString() ?? text;
    }
}
