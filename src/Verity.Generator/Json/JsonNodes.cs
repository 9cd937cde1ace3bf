using System.Collections.Generic;

namespace Verity.Generator.Json;

/// <summary>A parsed JSON value with its place in the catalog text (offsets into the text).</summary>
internal abstract class JNode
{
    protected JNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public abstract string Kind { get; }
}

internal sealed class JObject : JNode
{
    public JObject(int start, int end, List<JProperty> properties)
        : base(start, end)
    {
        Properties = properties;
    }

    public List<JProperty> Properties { get; }

    public override string Kind => "object";

    public JProperty? GetProperty(string name)
    {
        // Last one wins, as in most JSON readers; duplicates are rare and small objects make a scan cheap.
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (Properties[i].Name == name)
            {
                return Properties[i];
            }
        }

        return null;
    }

    public JNode? Get(string name) => GetProperty(name)?.Value;
}

internal sealed class JProperty
{
    public JProperty(string name, int nameStart, int nameEnd, JNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JNode Value { get; }
}

internal sealed class JArray : JNode
{
    public JArray(int start, int end, List<JNode> items)
        : base(start, end)
    {
        Items = items;
    }

    public List<JNode> Items { get; }

    public override string Kind => "array";
}

internal sealed class JString : JNode
{
    public JString(int start, int end, string value)
        : base(start, end)
    {
        Value = value;
    }

    public string Value { get; }

    public override string Kind => "string";
}

/// <summary>A number kept as its source text, so it is written back unchanged.</summary>
internal sealed class JNumber : JNode
{
    public JNumber(int start, int end, string text)
        : base(start, end)
    {
        Text = text;
    }

    public string Text { get; }

    public bool IsInteger => Text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;

    public override string Kind => "number";
}

internal sealed class JBool : JNode
{
    public JBool(int start, int end, bool value)
        : base(start, end)
    {
        Value = value;
    }

    public bool Value { get; }

    public override string Kind => "boolean";
}

internal sealed class JNull : JNode
{
    public JNull(int start, int end)
        : base(start, end)
    {
    }

    public override string Kind => "null";
}
