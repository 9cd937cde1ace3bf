using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Verity.Mcp.Http;

/// <summary>
/// Writes JSON compactly for a model or a person to read and copy back: only <c>"</c>, <c>\</c> and control
/// characters are escaped (<c>\n</c>, <c>\t</c>, <c>\u001f</c>…; also U+007F–U+009F and the line and paragraph
/// separators U+2028/U+2029), so <c>+</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c>, accented letters and
/// emoji stay as they are. System.Text.Json's encoders escape some of those (<c>+</c> as <c>\u002B</c>, emoji as
/// surrogate pairs), which makes a phone number harder to read and to pass back.
/// </summary>
internal static class ReadableJson
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    // Bytes that may start something to escape: ASCII controls, quote, backslash, DEL, and the lead bytes of
    // U+0080–U+009F (C2) and U+2028/U+2029 (E2).
    private static readonly SearchValues<byte> Special = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(static b => (byte)b), (byte)'"', (byte)'\\', 0x7F, 0xC2, 0xE2]);

    public static string Write(JsonElement value) => Write(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>Rewrites one well-formed JSON value (comments are dropped); throws <see cref="JsonException"/> otherwise.</summary>
    public static string Write(ReadOnlySpan<byte> json) => Write(json, redactor: null, out _);

    /// <summary>
    /// Like <see cref="Write(JsonElement)"/>, with every property name and string value passed through
    /// <paramref name="redactor"/> in its decoded form, so a secret behind JSON escapes is found too.
    /// </summary>
    /// <param name="changed">
    /// Whether a value was replaced (a secret, or a lone surrogate as U+FFFD): the text then differs from the value.
    /// </param>
    public static string Write(JsonElement value, SecretRedactor? redactor, out bool changed) =>
        Write(JsonMarshal.GetRawUtf8Value(value), redactor, out changed);

    /// <inheritdoc cref="Write(JsonElement, SecretRedactor?, out bool)"/>
    public static string Write(ReadOnlySpan<byte> json, SecretRedactor? redactor, out bool changed)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        var reader = new Utf8JsonReader(json, Options);
        changed = false;
        WriteTokens(output, ref reader, redactor, ref changed);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// Rewrites the whole tokens of JSON cut short and appends the unfinished rest as it came (an incomplete last
    /// character dropped); null when the text is not JSON as far as it goes.
    /// </summary>
    public static string? WriteCut(ReadOnlySpan<byte> cut)
    {
        var output = new ArrayBufferWriter<byte>(cut.Length + 16);
        var reader = new Utf8JsonReader(cut, isFinalBlock: false, new JsonReaderState(Options));
        var changed = false;
        try
        {
            WriteTokens(output, ref reader, redactor: null, ref changed);
        }
        catch (JsonException)
        {
            return null;
        }

        output.Write(ContentKinds.TrimIncompleteUtf8(cut[(int)reader.BytesConsumed..]));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static void WriteTokens(ArrayBufferWriter<byte> output, ref Utf8JsonReader reader, SecretRedactor? redactor, ref bool changed)
    {
        var needsComma = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    Separate(output, needsComma);
                    Append(output, reader.TokenType == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');
                    needsComma = false;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Append(output, reader.TokenType == JsonTokenType.EndObject ? (byte)'}' : (byte)']');
                    needsComma = true;
                    break;
                case JsonTokenType.PropertyName:
                    Separate(output, needsComma);
                    WriteString(output, ref reader, redactor, ref changed);
                    Append(output, (byte)':');
                    needsComma = false;
                    break;
                case JsonTokenType.String:
                    Separate(output, needsComma);
                    WriteString(output, ref reader, redactor, ref changed);
                    needsComma = true;
                    break;
                default:
                    // Numbers keep their source text; true, false and null are their own text.
                    Separate(output, needsComma);
                    output.Write(reader.ValueSpan);
                    needsComma = true;
                    break;
            }
        }
    }

    /// <summary>Escapes one string's UTF-8 content (without quotes) the readable way.</summary>
    internal static void WriteEscaped(IBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(Special);
            if (next < 0)
            {
                output.Write(text);
                return;
            }

            output.Write(text[..next]);
            text = text[next..];
            var b = text[0];
            if (b == 0xC2 && text.Length > 1 && text[1] is >= 0x80 and <= 0x9F)
            {
                WriteUnicodeEscape(output, text[1]);
                text = text[2..];
            }
            else if (b == 0xE2 && text.Length > 2 && text[1] == 0x80 && text[2] is 0xA8 or 0xA9)
            {
                WriteUnicodeEscape(output, text[2] == 0xA8 ? 0x2028 : 0x2029);
                text = text[3..];
            }
            else if (b is 0xC2 or 0xE2)
            {
                Append(output, b);
                text = text[1..];
            }
            else
            {
                WriteAsciiEscape(output, b);
                text = text[1..];
            }
        }
    }

    private static void WriteString(ArrayBufferWriter<byte> output, ref Utf8JsonReader reader, SecretRedactor? redactor, ref bool changed)
    {
        Append(output, (byte)'"');
        if (!reader.ValueIsEscaped && redactor is null)
        {
            WriteEscaped(output, reader.ValueSpan);
        }
        else
        {
            var text = Decode(ref reader, out var replaced);
            var shown = redactor?.Redact(text) ?? text;
            var same = !replaced && ReferenceEquals(shown, text);
            changed |= !same;
            WriteEscaped(output, same && !reader.ValueIsEscaped ? reader.ValueSpan : Encoding.UTF8.GetBytes(shown));
        }

        Append(output, (byte)'"');
    }

    /// <summary>
    /// The string's value. An escaped lone surrogate (<c>\ud800</c>) is valid JSON text but has no UTF-8 form, and
    /// the MCP SDK cannot write such a string back out: it becomes U+FFFD, as invalid UTF-8 does.
    /// </summary>
    private static string Decode(ref Utf8JsonReader reader, out bool replaced)
    {
        try
        {
            replaced = false;
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            replaced = true;
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(Unescape(reader.ValueSpan)));
        }
    }

    /// <summary>Unescapes a string the reader has already checked, keeping lone surrogates as they are.</summary>
    private static string Unescape(ReadOnlySpan<byte> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        while (!escaped.IsEmpty)
        {
            var next = escaped.IndexOf((byte)'\\');
            if (next < 0)
            {
                text.Append(Encoding.UTF8.GetString(escaped));
                break;
            }

            text.Append(Encoding.UTF8.GetString(escaped[..next]));
            var kind = escaped[next + 1];
            if (kind == (byte)'u')
            {
                text.Append((char)int.Parse(escaped.Slice(next + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));
                escaped = escaped[(next + 6)..];
                continue;
            }

            text.Append(kind switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => (char)kind, // \", \\ and \/
            });
            escaped = escaped[(next + 2)..];
        }

        return text.ToString();
    }

    private static void WriteAsciiEscape(IBufferWriter<byte> output, byte b)
    {
        switch (b)
        {
            case (byte)'"': output.Write("\\\""u8); break;
            case (byte)'\\': output.Write("\\\\"u8); break;
            case (byte)'\n': output.Write("\\n"u8); break;
            case (byte)'\r': output.Write("\\r"u8); break;
            case (byte)'\t': output.Write("\\t"u8); break;
            case (byte)'\b': output.Write("\\b"u8); break;
            case (byte)'\f': output.Write("\\f"u8); break;
            default: WriteUnicodeEscape(output, b); break;
        }
    }

    private static void WriteUnicodeEscape(IBufferWriter<byte> output, int codePoint)
    {
        Span<byte> escape = stackalloc byte[6];
        escape[0] = (byte)'\\';
        escape[1] = (byte)'u';
        for (var i = 0; i < 4; i++)
        {
            escape[5 - i] = (byte)"0123456789abcdef"[(codePoint >> (4 * i)) & 0xF];
        }

        output.Write(escape);
    }

    private static void Separate(ArrayBufferWriter<byte> output, bool needsComma)
    {
        if (needsComma)
        {
            Append(output, (byte)',');
        }
    }

    private static void Append(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}
