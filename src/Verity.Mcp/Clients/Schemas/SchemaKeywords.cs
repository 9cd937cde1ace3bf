namespace Verity.Mcp.Clients.Schemas;

/// <summary>Where JSON Schema 2020-12 keeps subschemas, and which instance type each validation keyword constrains.</summary>
internal static class SchemaKeywords
{
    /// <summary>Keywords whose value is one subschema.</summary>
    public static IReadOnlyList<string> SingleSubschemas { get; } =
        ["items", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames", "not", "if", "then", "else", "contentSchema"];

    /// <summary>Keywords whose value maps names to subschemas.</summary>
    public static IReadOnlyList<string> SubschemaMaps { get; } = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

    /// <summary>Keywords whose value is an array of subschemas (<c>items</c> too, in drafts before 2020-12).</summary>
    public static IReadOnlyList<string> SubschemaArrays { get; } = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    /// <summary>Keywords that describe a value without constraining it.</summary>
    public static bool IsAnnotation(string keyword) =>
        keyword is "description" or "title" or "default" or "examples" or "deprecated" or "readOnly" or "writeOnly" or "$comment";

    /// <summary>The instance type a keyword constrains (<c>number</c> stands for integers too), or null when it applies to any type.</summary>
    public static string? ConstrainedType(string keyword) => keyword switch
    {
        "minLength" or "maxLength" or "pattern" or "contentEncoding" or "contentMediaType" or "contentSchema" => "string",
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => "number",
        "items" or "prefixItems" or "minItems" or "maxItems" or "uniqueItems" or "contains" or "minContains" or "maxContains"
            or "unevaluatedItems" => "array",
        "properties" or "required" or "additionalProperties" or "patternProperties" or "propertyNames" or "minProperties"
            or "maxProperties" or "dependentRequired" or "dependentSchemas" or "unevaluatedProperties" => "object",
        _ => null,
    };

    /// <summary>The instance type a <c>format</c> value describes.</summary>
    public static string FormatType(string format) => format switch
    {
        "int32" or "int64" => "integer",
        "float" or "double" => "number",
        _ => "string",
    };
}
