using System.Text.Json;

namespace Verity.Mcp.Http;

/// <summary>
/// Keeps what is whole in a JSON answer cut at the size limit: for an object, its complete properties up to a list
/// (a top-level array property such as <c>data</c>) and that list's complete leading items; for an array, its
/// complete leading items. The cut text is read incrementally (<see cref="Utf8JsonReader"/> with
/// <c>isFinalBlock: false</c>), so a cut inside a string, a number or an item simply ends the reading there.
/// </summary>
internal static class CutJsonSalvage
{
    /// <summary>What could be kept: well-formed JSON, the list it ends in, and how many of its items it holds.</summary>
    /// <param name="Json">The kept text, closed (<c>{…,"data":[a,b]}</c> or <c>[a,b]</c>).</param>
    /// <param name="ListName">The property holding the cut list, or null when the answer itself is the list.</param>
    /// <param name="ItemCount">How many whole items of the list were kept (at least one).</param>
    internal sealed record Salvage(byte[] Json, string? ListName, int ItemCount);

    /// <summary>The kept part, or null when the cut is not inside a list or not even one item of it is whole.</summary>
    public static Salvage? KeepLeadingItems(ReadOnlySpan<byte> cut)
    {
        try
        {
            var reader = new Utf8JsonReader(cut, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip }));
            if (!reader.Read())
            {
                return null;
            }

            var start = (int)reader.TokenStartIndex;
            return reader.TokenType switch
            {
                JsonTokenType.StartArray => KeepItems(ref reader, cut, start, listName: null),
                JsonTokenType.StartObject => KeepProperties(ref reader, cut, start),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // Not JSON up to the cut: nothing can be kept.
            return null;
        }
    }

    private static Salvage? KeepProperties(ref Utf8JsonReader reader, ReadOnlySpan<byte> cut, int start)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read())
            {
                return null;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    if (KeepItems(ref reader, cut, start, name) is { } salvage)
                    {
                        return salvage;
                    }

                    if (reader.TokenType != JsonTokenType.EndArray)
                    {
                        return null;
                    }

                    break;
                case JsonTokenType.StartObject:
                    if (!reader.TrySkip())
                    {
                        return null;
                    }

                    break;
            }
        }

        // The cut fell between properties or in a property that is not a list, or the object is whole.
        return null;
    }

    /// <summary>
    /// Reads the items of the array the reader is on. When the cut falls inside it, returns the text from
    /// <paramref name="start"/> to the end of the last whole item, closed; when the array is whole, returns null with
    /// the reader on its end.
    /// </summary>
    private static Salvage? KeepItems(ref Utf8JsonReader reader, ReadOnlySpan<byte> cut, int start, string? listName)
    {
        var keptEnd = -1;
        var count = 0;
        while (true)
        {
            if (!reader.Read())
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return null;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                break;
            }

            keptEnd = (int)reader.BytesConsumed;
            count++;
        }

        if (count == 0)
        {
            return null;
        }

        var closing = listName is null ? "]"u8 : "]}"u8;
        var json = new byte[keptEnd - start + closing.Length];
        cut[start..keptEnd].CopyTo(json);
        closing.CopyTo(json.AsSpan(keptEnd - start));
        return new Salvage(json, listName, count);
    }
}
