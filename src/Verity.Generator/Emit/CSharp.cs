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

    /// <summary>
    /// Splits <c>a ? b : c</c> at its outermost <c> ? </c> and <c> : </c> (not inside parentheses, brackets, braces or
    /// string literals); false when the expression is not a conditional at its top level.
    /// </summary>
    public static bool TrySplitConditional(string expression, out string condition, out string whenTrue, out string whenFalse)
    {
        condition = whenTrue = whenFalse = string.Empty;
        int question = -1, colon = -1, depth = 0, nested = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '"')
            {
                for (i++; i < expression.Length && expression[i] != '"'; i++)
                {
                    if (expression[i] == '\\')
                    {
                        i++;
                    }
                }

                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (depth == 0 && i > 0 && i + 2 < expression.Length && expression[i + 1] == ' ' && expression[i - 1] == ' ')
            {
                if (c == '?')
                {
                    if (question < 0)
                    {
                        question = i;
                    }
                    else
                    {
                        nested++;
                    }
                }
                else if (c == ':' && question >= 0)
                {
                    if (nested == 0)
                    {
                        colon = i;
                        break;
                    }

                    nested--;
                }
            }
        }

        if (question < 0 || colon < 0)
        {
            return false;
        }

        condition = expression.Substring(0, question - 1);
        whenTrue = expression.Substring(question + 2, colon - question - 3);
        whenFalse = expression.Substring(colon + 2);
        return true;
    }
}
