using Verity.Generator.Model;

namespace Verity.Generator.Emit;

/// <summary>The C# spelled for a <see cref="TypeRef"/>: its type name and how to read, write and format a value.</summary>
internal static class TypeCode
{
    public const string ToolJson = "global::Verity.Mcp.Tools.ToolJson";
    public const string Formatter = "global::Verity.Mcp.Tools.ApiValueFormatter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonValueKind = "global::System.Text.Json.JsonValueKind";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";

    public static string Name(TypeRef type, string ns) => BaseName(type, ns) + (type.Nullable ? "?" : string.Empty);

    public static string BaseName(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Json => JsonElement,
        TypeKind.Enum or TypeKind.Record => $"global::{ns}.{type.Name}",
        TypeKind.List => $"global::System.Collections.Generic.IReadOnlyList<{Name(type.Item!, ns)}>",
        _ => JsonElement,
    };

    public static string Converter(TypeRef type, string ns) => $"global::{ns}.{type.Name}JsonConverter";

    /// <summary>An expression reading <paramref name="element"/> (a JsonElement) as this type; JSON null gives null when nullable.</summary>
    public static string Read(TypeRef type, string element, string ns, int depth = 0)
    {
        var read = ReadNonNull(type, element, ns, depth);
        return type.Nullable
            ? $"{element}.ValueKind == {JsonValueKind}.Null ? ({Name(type, ns)})null : {read}"
            : read;
    }

    private static string ReadNonNull(TypeRef type, string element, string ns, int depth) => type.Kind switch
    {
        TypeKind.String => $"{ToolJson}.ReadString({element})",
        TypeKind.Int32 => $"{ToolJson}.ReadInt32({element})",
        TypeKind.Int64 => $"{ToolJson}.ReadInt64({element})",
        TypeKind.Double => $"{ToolJson}.ReadDouble({element})",
        TypeKind.Boolean => $"{ToolJson}.ReadBoolean({element})",
        TypeKind.DateTimeOffset => $"{ToolJson}.ReadDateTimeOffset({element})",
        TypeKind.Guid => $"{ToolJson}.ReadGuid({element})",
        TypeKind.Enum or TypeKind.Record => $"{Converter(type, ns)}.Read({element})",
        TypeKind.List => $"{ToolJson}.ReadList({element}, static item{depth} => {Read(type.Item!, "item" + depth, ns, depth + 1)})",
        _ => $"{ToolJson}.ReadJson({element})",
    };

    /// <summary>One statement writing <paramref name="value"/> (of this type, nullability included) with <paramref name="writer"/>.</summary>
    public static string Write(TypeRef type, string writer, string value, string ns, int depth = 0, string? boundName = null)
    {
        if (!type.Nullable)
        {
            return WriteNonNull(type, writer, value, ns, depth);
        }

        var bound = boundName ?? "present" + depth;
        return $"if ({value} is {{ }} {bound}) {{ {WriteNonNull(type, writer, bound, ns, depth + 1)} }} else {{ {writer}.WriteNullValue(); }}";
    }

    public static string WriteNonNull(TypeRef type, string writer, string value, string ns, int depth) => type.Kind switch
    {
        TypeKind.String or TypeKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => $"{writer}.WriteNumberValue({value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.DateTimeOffset => $"{ToolJson}.WriteDateTimeOffset({writer}, {value});",
        TypeKind.Enum => $"{writer}.WriteStringValue({Converter(type, ns)}.ToJsonValue({value}));",
        TypeKind.Record => $"{Converter(type, ns)}.Write({writer}, {value});",
        TypeKind.List => $"{ToolJson}.WriteList({writer}, {value}, static (writer{depth}, item{depth}) => {{ {Write(type.Item!, "writer" + depth, "item" + depth, ns, depth + 1)} }});",
        _ => $"{value}.WriteTo({writer});",
    };

    /// <summary>An expression turning a non-null value into its path / query / header text.</summary>
    public static string Format(TypeRef type, string value, string ns) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.Guid
            => $"{Formatter}.Format({value})",
        TypeKind.Enum => $"{Converter(type, ns)}.ToJsonValue({value})",
        TypeKind.List => $"string.Join(\",\", global::System.Linq.Enumerable.Select({value}, static item => {FormatItem(type.Item!, "item", ns)}))",
        TypeKind.Json => $"({value}.ValueKind == {JsonValueKind}.String ? {value}.GetString()! : {value}.GetRawText())",
        _ => $"{ToolJson}.ToJsonText({value}, static (writer, item) => {{ {Write(type.AsNullable(false), "writer", "item", ns, 1)} }})",
    };

    /// <summary>Formats a list item, which may itself be nullable.</summary>
    public static string FormatItem(TypeRef type, string value, string ns) =>
        type.Nullable
            ? $"{value} is {{ }} itemValue ? {Format(type.AsNullable(false), "itemValue", ns)} : \"\""
            : Format(type, value, ns);
}
