using System.Collections.Generic;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>
/// Chooses the C# type of a schema and declares the enums and records it needs: component schemas become shared
/// types (once per catalog), inline ones become types named after where they appear.
/// </summary>
internal sealed class TypeResolver
{
    private static readonly string[] RecordMembers = { "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize" };

    private readonly CatalogContext _context;
    private readonly NameScope _typeNames;
    private readonly Dictionary<string, TypeRef> _componentTypes = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDecl> _declarations = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(System.StringComparer.Ordinal);

    public TypeResolver(CatalogContext context, NameScope typeNames)
    {
        _context = context;
        _typeNames = typeNames;
    }

    /// <summary>Shared types in the order they were first used.</summary>
    public List<TypeDecl> SharedTypes { get; } = new();

    public TypeDecl? FindDeclaration(string name) => _declarations.TryGetValue(name, out var decl) ? decl : null;

    public TypeRef Resolve(JNode? schema, string nameHint, List<TypeDecl> sink, int depth = 0)
    {
        if (depth > 32 || schema is not JObject obj)
        {
            return new TypeRef(TypeKind.Json, null, null, false);
        }

        var nullable = IsNullable(obj);
        if (obj.Get("$ref") is JString reference)
        {
            return ResolveComponent(reference.Value, depth).AsNullable(nullable);
        }

        if (obj.Get("oneOf") is not null || obj.Get("anyOf") is not null || obj.Get("allOf") is not null)
        {
            return new TypeRef(TypeKind.Json, null, null, nullable);
        }

        var type = SingleType(obj);
        switch (type)
        {
            case "string":
                if (StringEnumValues(obj) is { } values)
                {
                    return new TypeRef(TypeKind.Enum, DeclareEnum(values, nameHint, Description(obj), sink), null, nullable);
                }

                var format = (obj.Get("format") as JString)?.Value;
                var kind = format == "date-time" ? TypeKind.DateTimeOffset : format == "uuid" ? TypeKind.Guid : TypeKind.String;
                return new TypeRef(kind, null, null, nullable);
            case "integer":
                return new TypeRef((obj.Get("format") as JString)?.Value == "int32" ? TypeKind.Int32 : TypeKind.Int64, null, null, nullable);
            case "number":
                return new TypeRef(TypeKind.Double, null, null, nullable);
            case "boolean":
                return new TypeRef(TypeKind.Boolean, null, null, nullable);
            case "array":
                var item = Resolve(obj.Get("items"), nameHint + "Item", sink, depth + 1);
                return new TypeRef(TypeKind.List, null, item, nullable);
            case "object":
                if (obj.Get("properties") is JObject { Properties.Count: > 0 } properties)
                {
                    var name = _typeNames.Reserve(nameHint, "JsonConverter");
                    DeclareRecord(name, obj, properties, Description(obj), componentName: null, sink, depth);
                    return new TypeRef(TypeKind.Record, name, null, nullable);
                }

                return new TypeRef(TypeKind.Json, null, null, nullable);
            default:
                return new TypeRef(TypeKind.Json, null, null, nullable);
        }
    }

    private TypeRef ResolveComponent(string reference, int depth)
    {
        if (_componentTypes.TryGetValue(reference, out var known))
        {
            return known;
        }

        var component = _context.ResolveReference(reference);
        if (component is null || _resolving.Contains(reference))
        {
            return new TypeRef(TypeKind.Json, null, null, false);
        }

        var (componentName, node) = component.Value;
        var hint = Identifiers.ToPascal(componentName);
        if (node is JObject obj && !IsNullable(obj) && obj.Get("$ref") is null)
        {
            var type = SingleType(obj);
            if (type == "object" && obj.Get("properties") is JObject { Properties.Count: > 0 } properties
                && obj.Get("oneOf") is null && obj.Get("anyOf") is null && obj.Get("allOf") is null)
            {
                var name = _typeNames.Reserve(hint, "JsonConverter");
                var typeRef = new TypeRef(TypeKind.Record, name, null, false);
                _componentTypes[reference] = typeRef;
                DeclareRecord(name, obj, properties, Description(obj), componentName, SharedTypes, depth);
                return typeRef;
            }

            if (type == "string" && StringEnumValues(obj) is { } values && obj.Get("oneOf") is null && obj.Get("anyOf") is null)
            {
                var typeRef = new TypeRef(TypeKind.Enum, DeclareEnum(values, hint, Description(obj), SharedTypes, componentName), null, false);
                _componentTypes[reference] = typeRef;
                return typeRef;
            }
        }

        _resolving.Add(reference);
        var resolved = Resolve(node, hint, SharedTypes, depth + 1);
        _resolving.Remove(reference);
        _componentTypes[reference] = resolved;
        return resolved;
    }

    private string DeclareEnum(List<string> values, string nameHint, string? description, List<TypeDecl> sink, string? componentName = null)
    {
        var name = _typeNames.Reserve(nameHint, "JsonConverter");
        var members = new NameScope("value__");
        var list = new List<EnumMember>(values.Count);
        foreach (var value in values)
        {
            list.Add(new EnumMember(value, members.Reserve(value.Length == 0 ? "Empty" : Identifiers.ToPascal(value))));
        }

        var decl = new TypeDecl(name, TypeDeclKind.Enum, description, componentName, list.ToEquatableArray(), EquatableArray<PropertyDecl>.Empty);
        _declarations[name] = decl;
        sink.Add(decl);
        return name;
    }

    private void DeclareRecord(string name, JObject schema, JObject properties, string? description, string? componentName, List<TypeDecl> sink, int depth)
    {
        var required = RequiredNames(schema);
        var scope = new NameScope(RecordMembers);
        scope.Reserve(name);
        var list = new List<PropertyDecl>(properties.Properties.Count);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);

        // Declared before its properties are resolved, so nested declarations follow it and a cycle ends here.
        var index = sink.Count;
        sink.Add(null!);
        foreach (var property in properties.Properties)
        {
            if (!seen.Add(property.Name))
            {
                continue;
            }

            var identifier = scope.Reserve(Identifiers.ToPascal(property.Name));
            var type = Resolve(property.Value, name + Identifiers.ToPascal(property.Name), sink, depth + 1);
            var isRequired = required.Contains(property.Name);
            list.Add(new PropertyDecl(property.Name, identifier, isRequired ? type : type, isRequired, Description(property.Value as JObject)));
        }

        var decl = new TypeDecl(name, TypeDeclKind.Record, description, componentName, EquatableArray<EnumMember>.Empty, list.ToEquatableArray());
        _declarations[name] = decl;
        sink[index] = decl;
    }

    public static HashSet<string> RequiredNames(JObject schema)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        if (schema.Get("required") is JArray required)
        {
            foreach (var item in required.Items)
            {
                if (item is JString name)
                {
                    names.Add(name.Value);
                }
            }
        }

        return names;
    }

    public static bool IsNullable(JObject schema)
    {
        if (schema.Get("type") is JArray types)
        {
            foreach (var item in types.Items)
            {
                if (item is JString { Value: "null" })
                {
                    return true;
                }
            }
        }

        return schema.Get("type") is JString { Value: "null" };
    }

    /// <summary>The one non-null type of the schema, inferred from its keywords when <c>type</c> is absent.</summary>
    public static string? SingleType(JObject schema)
    {
        string? found = null;
        switch (schema.Get("type"))
        {
            case JString single:
                return single.Value == "null" ? null : single.Value;
            case JArray list:
                foreach (var item in list.Items)
                {
                    if (item is JString name && name.Value != "null")
                    {
                        if (found is not null)
                        {
                            return null;
                        }

                        found = name.Value;
                    }
                }

                return found;
        }

        if (schema.Get("properties") is not null)
        {
            return "object";
        }

        if (schema.Get("items") is not null)
        {
            return "array";
        }

        return StringEnumValues(schema) is not null ? "string" : null;
    }

    private static List<string>? StringEnumValues(JObject schema)
    {
        if (schema.Get("enum") is not JArray values || values.Items.Count == 0)
        {
            return null;
        }

        var list = new List<string>(values.Items.Count);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var value in values.Items)
        {
            switch (value)
            {
                case JString text:
                    if (seen.Add(text.Value))
                    {
                        list.Add(text.Value);
                    }

                    break;
                case JNull:
                    break;
                default:
                    return null;
            }
        }

        return list.Count == 0 ? null : list;
    }

    private static string? Description(JObject? schema) => (schema?.Get("description") as JString)?.Value;
}
