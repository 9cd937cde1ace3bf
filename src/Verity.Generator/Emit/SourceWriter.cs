using System.Text;

namespace Verity.Generator.Emit;

/// <summary>An indented C# writer over a <see cref="StringBuilder"/>; lines end with '\n' for byte-identical output.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
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

    /// <summary>Writes a block of text (such as a raw string literal) without re-indenting its inner lines.</summary>
    public SourceWriter Raw(string text)
    {
        _builder.Append(text);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
