using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// Reading typed values from validated JSON arguments and writing request bodies, without reflection:
/// the generated code composes these per type, so the host stays Native-AOT safe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolJson
{
    public static string ReadString(JsonElement element) =>
        element.GetString() ?? throw new JsonException("Expected a string, got null.");

    public static long ReadInt64(JsonElement element)
    {
        if (element.TryGetInt64(out var value))
        {
            return value;
        }

        // JSON Schema counts 5.0 as an integer.
        var number = element.GetDouble();
        if (number != Math.Floor(number) || number < long.MinValue || number > long.MaxValue)
        {
            throw new JsonException($"Expected an integer, got {element.GetRawText()}.");
        }

        return (long)number;
    }

    public static int ReadInt32(JsonElement element) => checked((int)ReadInt64(element));

    public static double ReadDouble(JsonElement element) => element.GetDouble();

    public static bool ReadBoolean(JsonElement element) => element.GetBoolean();

    public static DateTimeOffset ReadDateTimeOffset(JsonElement element) =>
        DateTimeOffset.Parse(ReadString(element), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static Guid ReadGuid(JsonElement element) => Guid.Parse(ReadString(element));

    public static JsonElement ReadJson(JsonElement element) => element.Clone();

    public static IReadOnlyList<T> ReadList<T>(JsonElement element, Func<JsonElement, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var list = new List<T>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(readItem(item));
        }

        return list;
    }

    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ApiValueFormatter.Format(value));
    }

    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, Action<Utf8JsonWriter, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(writeItem);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writeItem(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Serializes one value with the given writer callback into UTF-8 bytes.</summary>
    public static byte[] Serialize<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Compact JSON text of a value, for query and header values that are not scalars.</summary>
    public static string ToJsonText<T>(T value, Action<Utf8JsonWriter, T> write) =>
        System.Text.Encoding.UTF8.GetString(Serialize(value, write));

    /// <summary>Reads a JSON value with a reader callback; used by the generated JSON converters.</summary>
    public static T ReadValue<T>(ref Utf8JsonReader reader, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return read(document.RootElement);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException or OverflowException or ToolArgumentException)
        {
            throw new JsonException(exception.Message, exception);
        }
    }
}
