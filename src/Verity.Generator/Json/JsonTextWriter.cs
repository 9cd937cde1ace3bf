using System;
using System.Globalization;
using System.Text;

namespace Verity.Generator.Json;

/// <summary>A minimal indented JSON writer over a <see cref="StringBuilder"/>, used to build tool schemas.</summary>
internal sealed class JsonTextWriter
{
    // One spare builder per thread: a catalog writes two schemas per endpoint, and a fresh builder per schema
    // (grown chunk by chunk, then copied by ToString) doubled the parse's allocation volume and so its GC cost.
    [ThreadStatic]
    private static StringBuilder? s_cached;

    private readonly StringBuilder _builder;
    private int _indent;
    private bool _needsComma;

    public JsonTextWriter()
        : this(0, 1024)
    {
    }

    /// <summary>A writer for a value that will be placed at <paramref name="indent"/> after a property name.</summary>
    public JsonTextWriter(int indent, int capacity)
    {
        var cached = s_cached;
        s_cached = null;
        _builder = cached ?? new StringBuilder(capacity);
        _builder.Clear();
        _indent = indent;
        _afterName = indent > 0;
    }

    public int CurrentIndent => _indent;

    /// <summary>Appends a value rendered by a writer created with <see cref="CurrentIndent"/>.</summary>
    public void Preformatted(string json)
    {
        BeforeValue();
        _builder.Append(json);
        _needsComma = true;
    }

    public void StartObject()
    {
        BeforeValue();
        _builder.Append('{');
        _indent++;
        _needsComma = false;
    }

    public void EndObject(bool empty)
    {
        _indent--;
        if (!empty)
        {
            NewLine();
        }

        _builder.Append('}');
        _needsComma = true;
    }

    public void StartArray()
    {
        BeforeValue();
        _builder.Append('[');
        _indent++;
        _needsComma = false;
    }

    public void EndArray(bool empty)
    {
        _indent--;
        if (!empty)
        {
            NewLine();
        }

        _builder.Append(']');
        _needsComma = true;
    }

    public void PropertyName(string name)
    {
        if (_needsComma)
        {
            _builder.Append(',');
        }

        NewLine();
        AppendString(name);
        _builder.Append(": ");
        _needsComma = false;
        _afterName = true;
    }

    public void String(string value)
    {
        BeforeValue();
        AppendString(value);
        _needsComma = true;
    }

    public void Raw(string literal)
    {
        BeforeValue();
        _builder.Append(literal);
        _needsComma = true;
    }

    public void Bool(bool value) => Raw(value ? "true" : "false");

    /// <summary>The JSON written; the writer must not be used afterwards (its buffer goes back to the cache).</summary>
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

    private bool _afterName;

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_needsComma)
        {
            _builder.Append(',');
        }

        if (_indent > 0)
        {
            NewLine();
        }
    }

    private void NewLine()
    {
        _builder.Append('\n').Append(' ', _indent * 2);
    }

    private void AppendString(string value)
    {
        _builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _builder.Append("\\\""); break;
                case '\\': _builder.Append("\\\\"); break;
                case '\n': _builder.Append("\\n"); break;
                case '\r': _builder.Append("\\r"); break;
                case '\t': _builder.Append("\\t"); break;
                case '\b': _builder.Append("\\b"); break;
                case '\f': _builder.Append("\\f"); break;
                default:
                    // U+0085, U+2028 and U+2029 end a line in C#: inside the raw string literal holding the schema they
                    // would break the literal, so they are escaped like control characters.
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        _builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _builder.Append(c);
                    }

                    break;
            }
        }

        _builder.Append('"');
    }

    private void AppendScalar(JNode node)
    {
        switch (node)
        {
            case JString text:
                AppendString(text.Value);
                break;
            case JNumber number:
                _builder.Append(number.Text);
                break;
            case JBool boolean:
                _builder.Append(boolean.Value ? "true" : "false");
                break;
            default:
                _builder.Append("null");
                break;
        }
    }

    private static bool IsScalarArray(JArray array)
    {
        foreach (var item in array.Items)
        {
            if (item is JObject or JArray)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a list of strings on one line.</summary>
    public void StringList(System.Collections.Generic.IReadOnlyList<string> values)
    {
        BeforeValue();
        _builder.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _builder.Append(", ");
            }

            AppendString(values[i]);
        }

        _builder.Append(']');
        _needsComma = true;
    }

    /// <summary>Writes a parsed node back, letting <paramref name="rewriteRef"/> change <c>$ref</c> values.</summary>
    public void Node(JNode node, Func<string, string> rewriteRef)
    {
        switch (node)
        {
            case JObject obj:
                StartObject();
                foreach (var property in obj.Properties)
                {
                    PropertyName(property.Name);
                    if (property.Name == "$ref" && property.Value is JString reference)
                    {
                        String(rewriteRef(reference.Value));
                    }
                    else
                    {
                        Node(property.Value, rewriteRef);
                    }
                }

                EndObject(obj.Properties.Count == 0);
                break;
            case JArray array when IsScalarArray(array):
                // Short lists of scalars (types, required names, enum values) read best on one line.
                BeforeValue();
                _builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        _builder.Append(", ");
                    }

                    AppendScalar(array.Items[i]);
                }

                _builder.Append(']');
                _needsComma = true;
                break;
            case JArray array:
                StartArray();
                foreach (var item in array.Items)
                {
                    Node(item, rewriteRef);
                }

                EndArray(array.Items.Count == 0);
                break;
            case JString text:
                String(text.Value);
                break;
            case JNumber number:
                Raw(number.Text);
                break;
            case JBool boolean:
                Bool(boolean.Value);
                break;
            default:
                Raw("null");
                break;
        }
    }
}
