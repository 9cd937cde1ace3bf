using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Verity.Generator.Json;

/// <summary>The text is not valid JSON(C); <see cref="Offset"/> is where reading stopped.</summary>
internal sealed class JsoncException : Exception
{
    public JsoncException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>
/// A small JSON reader that accepts comments and trailing commas (JSONC) and keeps every node's position,
/// so catalog diagnostics can point at the exact line and column. Written here rather than bundling
/// System.Text.Json, which IDE hosts may fail to load next to their own copy.
/// </summary>
internal sealed class JsoncReader
{
    private const int MaxDepth = 128;

    private const int MaxSharedLength = 32;
    private const int SharedSlots = 1024;

    private readonly string _text;
    private readonly string?[] _shared = new string?[SharedSlots];
    private int _position;
    private int _depth;

    private JsoncReader(string text)
    {
        _text = text;
    }

    public static JNode Parse(string text)
    {
        var reader = new JsoncReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._position = 1;
        }

        reader.SkipTrivia();
        var root = reader.ReadValue();
        reader.SkipTrivia();
        if (reader._position < text.Length)
        {
            throw new JsoncException($"Unexpected '{Describe(text[reader._position])}' after the end of the JSON value.", reader._position);
        }

        return root;
    }

    private JNode ReadValue()
    {
        if (_position >= _text.Length)
        {
            throw new JsoncException("Unexpected end of the file; a value was expected.", _position);
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                var start = _position;
                var value = ReadString();
                return new JString(start, _position, value);
            case 't':
                return ReadLiteral("true", (s, e) => new JBool(s, e, true));
            case 'f':
                return ReadLiteral("false", (s, e) => new JBool(s, e, false));
            case 'n':
                return ReadLiteral("null", (s, e) => new JNull(s, e));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsoncException($"Unexpected '{Describe(c)}'; a value (object, array, string, number, true, false or null) was expected.", _position);
        }
    }

    private JObject ReadObject()
    {
        var start = _position;
        Enter();
        _position++;
        var properties = new List<JProperty>();
        SkipTrivia();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsoncException("Unexpected end of the file inside an object; '}' was expected.", _position);
            }

            if (_text[_position] == '}')
            {
                _position++;
                break;
            }

            if (_text[_position] != '"')
            {
                throw new JsoncException($"Unexpected '{Describe(_text[_position])}'; a property name in double quotes was expected.", _position);
            }

            var nameStart = _position;
            var name = ReadString();
            var nameEnd = _position;
            SkipTrivia();
            Expect(':', "':' after the property name");
            SkipTrivia();
            var value = ReadValue();
            properties.Add(new JProperty(name, nameStart, nameEnd, value));
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                SkipTrivia();
            }
            else if (_position < _text.Length && _text[_position] != '}')
            {
                throw new JsoncException($"Unexpected '{Describe(_text[_position])}'; ',' or '}}' was expected.", _position);
            }
        }

        _depth--;
        return new JObject(start, _position, properties);
    }

    private JArray ReadArray()
    {
        var start = _position;
        Enter();
        _position++;
        var items = new List<JNode>();
        SkipTrivia();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsoncException("Unexpected end of the file inside an array; ']' was expected.", _position);
            }

            if (_text[_position] == ']')
            {
                _position++;
                break;
            }

            items.Add(ReadValue());
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                SkipTrivia();
            }
            else if (_position < _text.Length && _text[_position] != ']')
            {
                throw new JsoncException($"Unexpected '{Describe(_text[_position])}'; ',' or ']' was expected.", _position);
            }
        }

        _depth--;
        return new JArray(start, _position, items);
    }

    private string ReadString()
    {
        var start = _position;
        _position++;
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsoncException("Unterminated string; a closing '\"' was expected.", start);
            }

            var c = _text[_position];
            if (c == '"')
            {
                if (builder is null)
                {
                    var value = Slice(runStart, _position - runStart);
                    _position++;
                    return value;
                }

                builder.Append(_text, runStart, _position - runStart);
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw new JsoncException("Control character in a string; write it as an escape such as \\n.", _position);
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            _position++;
            if (_position >= _text.Length)
            {
                throw new JsoncException("Unterminated escape sequence in a string.", _position);
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsoncException("Invalid \\u escape; four hex digits were expected.", _position - 2);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsoncException($"Invalid escape '\\{Describe(escape)}' in a string.", _position - 2);
            }

            runStart = _position;
        }
    }

    /// <summary>
    /// A piece of the text as a string; short ones (property names, types, formats) repeat all over a catalog, so they
    /// are shared through a small cache instead of copied each time.
    /// </summary>
    private string Slice(int start, int length)
    {
        if (length > MaxSharedLength)
        {
            return _text.Substring(start, length);
        }

        var hash = length;
        for (var i = start; i < start + length; i++)
        {
            hash = unchecked((hash * 31) + _text[i]);
        }

        ref var slot = ref _shared[hash & (SharedSlots - 1)];
        if (slot is not null && slot.Length == length && string.CompareOrdinal(_text, start, slot, 0, length) == 0)
        {
            return slot;
        }

        slot = _text.Substring(start, length);
        return slot;
    }

    private JNumber ReadNumber()
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        if (_position < _text.Length && _text[_position] == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            throw new JsoncException("Invalid number; a digit was expected.", _position);
        }

        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw new JsoncException("Invalid number; a digit was expected after '.'.", _position);
            }
        }

        if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            _position++;
            if (_position < _text.Length && (_text[_position] == '+' || _text[_position] == '-'))
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw new JsoncException("Invalid number; a digit was expected in the exponent.", _position);
            }
        }

        return new JNumber(start, _position, Slice(start, _position - start));
    }

    private bool ReadDigits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JNode ReadLiteral(string literal, Func<int, int, JNode> create)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsoncException($"Unexpected '{Describe(_text[_position])}'; did you mean {literal}?", _position);
        }

        _position += literal.Length;
        return create(start, _position);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsoncException("Unterminated block comment; '*/' was expected.", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char c, string what)
    {
        if (_position >= _text.Length || _text[_position] != c)
        {
            var found = _position >= _text.Length ? "the end of the file" : $"'{Describe(_text[_position])}'";
            throw new JsoncException($"Unexpected {found}; {what} was expected.", _position);
        }

        _position++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsoncException($"The JSON is nested deeper than {MaxDepth} levels.", _position);
        }
    }

    private static string Describe(char c) =>
        c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
}
