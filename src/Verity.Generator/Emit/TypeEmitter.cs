using Verity.Generator.Catalog;
using Verity.Generator.Model;

namespace Verity.Generator.Emit;

/// <summary>Emits a generated enum or record with its reflection-free JSON converter.</summary>
internal static class TypeEmitter
{
    private const string JsonConverterAttribute = "global::System.Text.Json.Serialization.JsonConverter";
    private const string JsonSerializerOptionsParameter = "global::System.Text.Json.JsonSerializerOptions options";

    private static readonly string[] ConverterReadParameters =
    [
        "ref global::System.Text.Json.Utf8JsonReader reader",
        "global::System.Type typeToConvert",
        JsonSerializerOptionsParameter,
    ];

    public static void Emit(SourceWriter writer, TypeDecl type, string ns)
    {
        if (type.Kind == TypeDeclKind.Enum)
        {
            EmitEnum(writer, type, ns);
        }
        else
        {
            EmitRecord(writer, type, ns);
        }
    }

    /// <summary>Writes a summary from catalog text (escaped) or, when there is none, from a ready XML fallback.</summary>
    private static void Summary(SourceWriter writer, string? text, string? xmlFallback = null)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            writer.Line($"/// <summary>{CSharp.Xml(text!.Trim())}</summary>");
        }
        else if (xmlFallback is not null)
        {
            writer.Line($"/// <summary>{xmlFallback}</summary>");
        }
    }

    private static void EmitEnum(SourceWriter writer, TypeDecl type, string ns)
    {
        var full = $"global::{ns}.{type.Name}";
        Summary(writer, type.Description, $"The values of {CSharp.Xml(type.ComponentName ?? type.Name)}.");
        writer.Line($"[{JsonConverterAttribute}(typeof(global::{ns}.{type.Name}JsonConverter))]");
        writer.Line(GeneratedAttributes.GeneratedCode);
        writer.Open($"public enum {type.Name}");
        foreach (var member in type.Members)
        {
            writer.Line($"/// <summary>JSON value <c>{CSharp.Xml(member.Value)}</c>.</summary>");
            writer.Line(member.Identifier + ",");
        }

        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Maps <see cref=\"{type.Name}\"/> to and from its JSON strings without reflection.</summary>");
        writer.Line(GeneratedAttributes.GeneratedCode);
        writer.Line(GeneratedAttributes.HiddenFromIntelliSense);
        writer.Open($"public sealed class {type.Name}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{full}>");
        writer.Signature($"public override {full} Read", ConverterReadParameters, " =>");
        writer.Indent().Line($"reader.TokenType == global::System.Text.Json.JsonTokenType.String ? FromJsonValue(reader.GetString()!) : throw new global::System.Text.Json.JsonException(\"Expected a string for {type.Name}.\");").Outdent();
        writer.Line();
        writer.Signature("public override void Write", new[] { "global::System.Text.Json.Utf8JsonWriter writer", $"{full} value", JsonSerializerOptionsParameter }, " =>");
        writer.Indent().Line("writer.WriteStringValue(ToJsonValue(value));").Outdent();
        writer.Line();
        writer.Line($"public static {full} Read({TypeCode.JsonElement} element) => FromJsonValue({TypeCode.ToolJson}.ReadString(element));");
        writer.Line();
        writer.Open($"public static string ToJsonValue({full} value) => value switch");
        foreach (var member in type.Members)
        {
            writer.Line($"{full}.{member.Identifier} => {CSharp.String(member.Value)},");
        }

        writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),");
        writer.Close(";");
        writer.Line();
        writer.Open($"public static {full} FromJsonValue(string value) => value switch");
        foreach (var member in type.Members)
        {
            writer.Line($"{CSharp.String(member.Value)} => {full}.{member.Identifier},");
        }

        writer.Line($"_ => throw new global::System.Text.Json.JsonException($\"'{{value}}' is not a {type.Name} value.\"),");
        writer.Close(";");
        writer.Close();
    }

    private static void EmitRecord(SourceWriter writer, TypeDecl type, string ns)
    {
        var full = $"global::{ns}.{type.Name}";
        Summary(writer, type.Description, type.ComponentName is null ? null : $"The <c>{CSharp.Xml(type.ComponentName)}</c> schema of the catalog.");
        writer.Line($"[{JsonConverterAttribute}(typeof(global::{ns}.{type.Name}JsonConverter))]");
        writer.Line(GeneratedAttributes.GeneratedCode);
        writer.Open($"public sealed record {type.Name}");
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            Summary(writer, property.Description, $"JSON property <c>{CSharp.Xml(property.JsonName)}</c>.");
            writer.Line($"public {(property.Required ? "required " : string.Empty)}{PropertyType(property, ns)} {property.Identifier} {{ get; init; }}");
        }

        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Reads and writes <see cref=\"{type.Name}\"/> with the catalog's property names, without reflection.</summary>");
        writer.Line(GeneratedAttributes.GeneratedCode);
        writer.Line(GeneratedAttributes.HiddenFromIntelliSense);
        writer.Open($"public sealed class {type.Name}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{full}>");
        writer.Signature($"public override {full} Read", ConverterReadParameters, " =>");
        writer.Indent().Line($"{TypeCode.ToolJson}.ReadValue(ref reader, Read);").Outdent();
        writer.Line();
        writer.Signature("public override void Write", new[] { "global::System.Text.Json.Utf8JsonWriter writer", $"{full} value", JsonSerializerOptionsParameter }, " =>");
        writer.Indent().Line("Write(writer, value);").Outdent();
        writer.Line();
        writer.Open($"public static {full} Read({TypeCode.JsonElement} element)");

        // Only optional properties read through 'value'; declaring it for an all-required record is warning CS0168.
        if (HasOptionalProperty(type))
        {
            writer.Line($"{TypeCode.JsonElement} value;");
        }

        writer.Open($"return new {full}");
        foreach (var property in type.Properties)
        {
            var name = CSharp.String(property.JsonName);
            writer.Assignment(property.Identifier, BindProperty(property, ns, required: $"element.GetProperty({name})", tryGet: $"element.TryGetProperty({name}, out value)"), ",");
        }

        writer.Close(";");
        writer.Close();
        writer.Line();
        writer.Open($"public static void Write({TypeCode.Utf8JsonWriter} writer, {full} value)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("writer.WriteStartObject();");
        var locals = new NameScope("writer", "value");
        foreach (var property in type.Properties)
        {
            WriteProperty(writer, property, "value." + property.Identifier, ns, locals);
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Close();
    }

    private static bool HasOptionalProperty(TypeDecl type)
    {
        foreach (var property in type.Properties)
        {
            if (!property.Required)
            {
                return true;
            }
        }

        return false;
    }

    public static string PropertyType(PropertyDecl property, string ns) =>
        property.UsesOptional
            ? $"global::Verity.Mcp.Tools.Optional<{TypeCode.Name(property.Type, ns)}>"
            : TypeCode.Name(property.Required ? property.Type : property.Type.AsNullable(true), ns);

    /// <summary>The expression binding one property from a JSON source (a record's element or the tool's arguments).</summary>
    public static string BindProperty(PropertyDecl property, string ns, string required, string tryGet)
    {
        if (property.Required)
        {
            return TypeCode.Read(property.Type, required, ns);
        }

        if (property.UsesOptional)
        {
            return $"{tryGet} ? new global::Verity.Mcp.Tools.Optional<{TypeCode.Name(property.Type, ns)}>({TypeCode.Read(property.Type, "value", ns)}) : default";
        }

        return $"{tryGet} && value.ValueKind != {TypeCode.JsonValueKind}.Null ? {TypeCode.Read(property.Type.AsNullable(false), "value", ns)} : null";
    }

    /// <summary>Writes one property; optional ones only when set.</summary>
    public static void WriteProperty(SourceWriter writer, PropertyDecl property, string access, string ns, NameScope locals)
    {
        var name = $"writer.WritePropertyName({CSharp.String(property.JsonName)});";
        if (property.Required)
        {
            writer.Line(name);
            writer.Line(TypeCode.Write(property.Type, "writer", access, ns, boundName: locals.Reserve(Identifiers.ToCamel(property.JsonName).TrimStart('@') + "Value")));
            return;
        }

        if (property.UsesOptional)
        {
            writer.Open($"if ({access}.HasValue)");
            writer.Line(name);
            writer.Line(TypeCode.Write(property.Type, "writer", access + ".Value", ns, boundName: locals.Reserve(Identifiers.ToCamel(property.JsonName).TrimStart('@') + "Value")));
            writer.Close();
            return;
        }

        var bound = locals.Reserve(Identifiers.ToCamel(property.JsonName).TrimStart('@') + "Value");
        writer.Open($"if ({access} is {{ }} {bound})");
        writer.Line(name);
        writer.Line(TypeCode.WriteNonNull(property.Type.AsNullable(false), "writer", bound, ns, 1));
        writer.Close();
    }
}
