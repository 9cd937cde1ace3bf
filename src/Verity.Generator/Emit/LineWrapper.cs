using System.Collections.Generic;

namespace Verity.Generator.Emit;

/// <summary>
/// Cuts a generated line longer than <see cref="SourceWriter.MaxLineLength"/> where C# allows whitespace: after a
/// comma or an opening parenthesis, before a conditional's <c>?</c> / <c>:</c>, a lambda's <c>=&gt;</c>, a logical
/// operator or an <c>else</c>; a long regular string literal is split into concatenated literals at a space, a long
/// comment at a space. Text inside an interpolated or verbatim string is never cut.
/// </summary>
internal static class LineWrapper
{
    /// <summary>The pieces of <paramref name="text"/>: the first at <paramref name="indent"/>, the others one level deeper.</summary>
    public static List<string>? Wrap(string text, int indent)
    {
        if (indent + text.Length <= SourceWriter.MaxLineLength || text.StartsWith("#", System.StringComparison.Ordinal))
        {
            return null;
        }

        var comment = text.StartsWith("//", System.StringComparison.Ordinal);
        var prefix = comment ? text.Substring(0, text.StartsWith("///", System.StringComparison.Ordinal) ? 4 : 3) : "";
        var pieces = new List<string>();
        var rest = text;
        var width = indent;
        while (width + rest.Length > SourceWriter.MaxLineLength)
        {
            var cut = comment ? CommentCut(rest, SourceWriter.MaxLineLength - width, prefix.Length) : CodeCut(rest, SourceWriter.MaxLineLength - width);
            if (cut is not { } found)
            {
                break;
            }

            pieces.Add(found.Head);
            rest = comment ? prefix + found.Tail : found.Tail;
            width = comment ? indent : indent + 4;
        }

        if (pieces.Count == 0)
        {
            return null;
        }

        pieces.Add(rest);
        return pieces;
    }

    private static (string Head, string Tail)? CommentCut(string text, int room, int start)
    {
        var best = -1;
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && (best < 0 || i <= room))
            {
                best = i;
            }

            if (i > room && best >= 0)
            {
                break;
            }
        }

        return best < 0 ? null : (text.Substring(0, best), text.Substring(best + 1));
    }

    private static (string Head, string Tail)? CodeCut(string text, int room)
    {
        // Of the cuts that fit, the one furthest right wins, a cut inside brackets counting as further left (a reader
        // follows a break between arguments better than one inside a nested call); if none fits, the first.
        // Candidates are positions; only the chosen one becomes strings (a long line has thousands of candidates).
        Cut? best = null;
        var bestScore = int.MinValue;
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (best is { } kept && kept.HeadLength <= room && i > room)
            {
                // Every later cut is longer than the room, so none can win any more.
                break;
            }

            var c = text[i];
            if (c == '"' && (i == 0 || (text[i - 1] != '$' && text[i - 1] != '@')))
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '"')
                {
                    if (text[end] == ' ' && end + 1 < text.Length && text[end + 1] != '"' && end > i + 1)
                    {
                        // "ab cd" -> "ab " + / "cd"
                        Offer(ref best, ref bestScore, new Cut(end + 1, end + 1, SplitsString: true), depth + 1, room);
                    }

                    end += text[end] == '\\' ? 2 : 1;
                }

                i = end + 1;
                continue;
            }

            if (c == '"' || c == '\'')
            {
                // An interpolated, verbatim or char literal: skipped whole.
                var end = i + 1;
                var verbatim = c == '"' && text[i - 1] == '@';
                while (end < text.Length && text[end] != c)
                {
                    end += !verbatim && text[end] == '\\' ? 2 : 1;
                }

                i = end + 1;
                continue;
            }

            Cut? cut = null;
            if (c == '(' && i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '>') && i + 1 < text.Length && text[i + 1] != ')')
            {
                cut = new Cut(i + 1, i + 1, SplitsString: false);
            }
            else if (c == ',' && i + 1 < text.Length)
            {
                cut = new Cut(i + 1, text[i + 1] == ' ' ? i + 2 : i + 1, SplitsString: false);
            }
            else if (c == ' ' && i > 1 && i + 1 < text.Length && (text[i - 1] == '>' || (text[i - 1] == '?' && text[i - 2] != ' '))
                && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                // Between a generic or nullable type and the name it declares.
                cut = new Cut(i, i + 1, SplitsString: false);
            }
            else if (c == ' ' && (At(text, i, " ? ") || At(text, i, " : ") || At(text, i, " else ") || At(text, i, " => ") || At(text, i, " && ") || At(text, i, " || ")))
            {
                cut = new Cut(i, i + 1, SplitsString: false);
            }

            if (cut is { } found && found.TailStart < text.Length)
            {
                Offer(ref best, ref bestScore, found, c == '(' ? depth + 2 : depth, room);
            }

            depth += c is '(' or '{' or '[' ? 1 : c is ')' or '}' or ']' ? -1 : 0;
            i++;
        }

        return best is { } chosen ? chosen.Apply(text) : null;
    }

    /// <summary>A place to cut: the head is text[..HeadEnd], the tail text[TailStart..]; inside a string, both get quotes.</summary>
    private readonly record struct Cut(int HeadEnd, int TailStart, bool SplitsString)
    {
        public int HeadLength => HeadEnd + (SplitsString ? 3 : 0);

        public (string Head, string Tail) Apply(string text) => SplitsString
            ? (text.Substring(0, HeadEnd) + "\" +", "\"" + text.Substring(TailStart))
            : (text.Substring(0, HeadEnd), text.Substring(TailStart));
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    /// <summary>Keeps the candidate when it fits and scores better, or when nothing has been kept yet.</summary>
    private static void Offer(ref Cut? best, ref int bestScore, Cut cut, int depth, int room)
    {
        var fits = cut.HeadLength <= room;
        var score = fits ? cut.HeadLength - (depth * 40) : int.MinValue + 1;
        if (best is null || (fits && score > bestScore))
        {
            best = cut;
            bestScore = score;
        }
    }
}
