using System.Net.Http.Headers;
using System.Text;
using System.Text.Unicode;

namespace Verity.Mcp.Http;

/// <summary>Tells JSON, other text and binary bodies apart, and decodes text.</summary>
internal static class ContentKinds
{
    public static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;

    public static bool IsJson(string? contentType) => MediaType(contentType) is { } media
        && (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal) || media == "text/json");

    public static bool IsText(string? contentType, ReadOnlySpan<byte> body)
    {
        var media = MediaType(contentType);
        if (media is null)
        {
            // No declared type: text when it is valid UTF-8 without control bytes a text would not hold.
            return Utf8.IsValid(body) && !body.ContainsAnyInRange((byte)0, (byte)8);
        }

        return media.StartsWith("text/", StringComparison.Ordinal)
            || IsJson(contentType)
            || media is "application/xml" or "application/javascript" or "application/x-www-form-urlencoded" or "application/yaml" or "application/x-yaml"
            || media.EndsWith("+xml", StringComparison.Ordinal);
    }

    public static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var encoding = EncodingOf(contentType);
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // A cut can land inside a multi-byte character: drop the incomplete tail rather than show U+FFFD.
            body = TrimIncompleteUtf8(body);
        }

        return encoding.GetString(body);
    }

    /// <summary>
    /// The body with every invalid UTF-8 sequence replaced by U+FFFD, when it is declared text in UTF-8 (or with no
    /// charset): parsers and the MCP transport refuse invalid UTF-8, and an assistant can still read the rest. The
    /// incomplete last character of a cut body is kept as is, so <see cref="Decode"/> can drop it cleanly.
    /// </summary>
    public static ReadOnlyMemory<byte> WithValidUtf8(ReadOnlyMemory<byte> body, string? contentType, bool truncated)
    {
        var span = body.Span;
        if (Utf8.IsValid(span) || MediaType(contentType) is null || !IsText(contentType, span)
            || EncodingOf(contentType).CodePage != Encoding.UTF8.CodePage)
        {
            return body;
        }

        var complete = truncated ? TrimIncompleteUtf8(span) : span;
        if (Utf8.IsValid(complete))
        {
            return body;
        }

        // Encoding.UTF8 decodes with replacement, never throwing.
        var repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(complete));
        return (byte[])[.. repaired, .. span[complete.Length..]];
    }

    private static Encoding EncodingOf(string? contentType)
    {
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // Unknown charset: UTF-8 is the best guess for an API.
            }
        }

        return Encoding.UTF8;
    }

    internal static ReadOnlySpan<byte> TrimIncompleteUtf8(ReadOnlySpan<byte> bytes)
    {
        // Look back at most 3 bytes for the lead byte of the last character.
        for (var back = 1; back <= 4 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0b1100_0000) == 0b1000_0000)
            {
                continue; // continuation byte
            }

            var needed = b switch
            {
                < 0x80 => 1,
                >= 0xF0 => 4,
                >= 0xE0 => 3,
                >= 0xC0 => 2,
                _ => 1,
            };
            return needed > back ? bytes[..^back] : bytes;
        }

        return bytes;
    }
}
