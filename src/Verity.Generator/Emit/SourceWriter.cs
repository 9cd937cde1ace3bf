using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace Verity.Generator.Emit;

/// <summary>An indented C# writer over a <see cref="StringBuilder"/>; lines end with '\n' for byte-identical output.</summary>
internal sealed class SourceWriter
{
    // One builder per thread, reused: a 1,000-endpoint catalog emits ~1,000 files, and fresh builders double the
    // allocation volume (and so the GC cost) of emitting.
    [System.ThreadStatic]
    private static StringBuilder? s_cached;

    private readonly StringBuilder _builder;

    public SourceWriter(int capacity = 8192)
    {
        var cached = s_cached;
        s_cached = null;
        _builder = cached ?? new StringBuilder(capacity);
        _builder.Clear();
        _builder.EnsureCapacity(capacity);
    }
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (LineWrapper.Wrap(text, _indent * 4) is { } pieces)
        {
            return Pieces(pieces);
        }

        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// <see cref="Line(string)"/> for an interpolated string: its pieces go straight into the buffer, with no
    /// intermediate string per line (those were about half of what emitting allocated).
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        line.Finish();
        var length = _builder.Length - line.TextStart;
        if (_indent * 4 + length > MaxLineLength)
        {
            var text = _builder.ToString(line.TextStart, length);
            _builder.Length = line.LineStart;
            return Line(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>A line cut by <see cref="LineWrapper"/>: its first piece here, the others one level deeper.</summary>
    private SourceWriter Pieces(List<string> pieces)
    {
        var comment = pieces[0].StartsWith("//", System.StringComparison.Ordinal);
        for (var i = 0; i < pieces.Count; i++)
        {
            _builder.Append(' ', (_indent + (i > 0 && !comment ? 1 : 0)) * 4).Append(pieces[i]).Append('\n');
        }

        return this;
    }

    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        Line(ref line);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Longest generated line a reader should meet: longer assignments of a conditional are wrapped.</summary>
    public const int MaxLineLength = 160;

    /// <summary>
    /// <c>{left} = {expression}{end}</c> on one line when it fits in <see cref="MaxLineLength"/>; otherwise, when the
    /// expression is a conditional, its condition stays on the first line and each branch gets a line of its own.
    /// </summary>
    public SourceWriter Assignment(string left, string expression, string end)
    {
        if (_indent * 4 + left.Length + 3 + expression.Length + end.Length <= MaxLineLength
            || !CSharp.TrySplitConditional(expression, out var condition, out var whenTrue, out var whenFalse))
        {
            return Line(left + " = " + expression + end);
        }

        Line(left + " = " + condition);
        _indent++;
        Line("? " + whenTrue);
        Line(": " + whenFalse + end);
        _indent--;
        return this;
    }

    /// <summary>A signature or call on one line when it fits in <see cref="MaxLineLength"/>, else one parameter per line.</summary>
    public SourceWriter Signature(string head, IReadOnlyList<string> parameters, string tail)
    {
        var oneLine = $"{head}({string.Join(", ", parameters)}){tail}";
        if (_indent * 4 + oneLine.Length <= MaxLineLength || parameters.Count == 0)
        {
            return Line(oneLine);
        }

        Line(head + "(");
        _indent++;
        for (var i = 0; i < parameters.Count; i++)
        {
            Line(parameters[i] + (i == parameters.Count - 1 ? ")" + tail : ","));
        }

        _indent--;
        return this;
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>
    /// Writes <c>prefix"""…"""suffix</c>: a C# 11 raw string literal holding <paramref name="value"/>, its lines indented
    /// like the current line, its delimiter longer than any run of quotes in the text. Appends in place (no copies).
    /// </summary>
    public SourceWriter RawStringLine(string prefix, string value, string suffix)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in value)
        {
            run = c == '"' ? run + 1 : 0;
            longest = run > longest ? run : longest;
        }

        var quotes = longest < 3 ? 3 : longest + 1;
        _builder.Append(' ', _indent * 4).Append(prefix).Append('"', quotes).Append('\n');
        var start = 0;
        while (start <= value.Length)
        {
            var end = value.IndexOf('\n', start);
            if (end < 0)
            {
                end = value.Length;
            }

            _builder.Append(' ', _indent * 4).Append(value, start, end - start).Append('\n');
            start = end + 1;
        }

        _builder.Append(' ', _indent * 4).Append('"', quotes).Append(suffix).Append('\n');
        return this;
    }

    /// <summary>Appends an interpolated line after the indent; a line that turns out empty gets no indent, as with strings.</summary>
    [InterpolatedStringHandler]
    public readonly struct LineHandler
    {
        private readonly StringBuilder _builder;
        private readonly int _lineStart;
        private readonly int _textStart;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer._builder;
            _lineStart = _builder.Length;
            _builder.Append(' ', writer._indent * 4);
            _textStart = _builder.Length;
        }

        public void AppendLiteral(string value) => _builder.Append(value);

        public void AppendFormatted(string? value) => _builder.Append(value);

        public void AppendFormatted<T>(T value) => _builder.Append(value?.ToString());

        internal int LineStart => _lineStart;

        internal int TextStart => _textStart;

        internal void Finish()
        {
            if (_builder.Length == _textStart)
            {
                _builder.Length = _lineStart;
            }
        }
    }

    /// <summary>The text written; the writer must not be used afterwards (its buffer goes back to the cache).</summary>
    public override string ToString()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= 1 << 20)
        {
            _builder.Clear();
            s_cached = _builder;
        }

        return text;
    }
}
