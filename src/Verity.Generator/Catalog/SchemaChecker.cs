using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Verity.Generator.Json;
using Verity.Mcp.Tools;

namespace Verity.Generator.Catalog;

/// <summary>Reports unsupported keywords, unresolvable <c>$ref</c>s, bad types and bad patterns in one schema tree.</summary>
internal sealed class SchemaChecker
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "type", "description", "enum", "const", "default", "format", "pattern", "minLength", "maxLength",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "items", "minItems", "maxItems",
        "uniqueItems", "properties", "required", "additionalProperties", "$ref", "oneOf", "anyOf", "allOf",
        "minProperties", "maxProperties",

        // Annotations: carried to the assistant, nothing to check.
        "title", "examples", "deprecated", "readOnly", "writeOnly", "$comment",
    };

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "array", "object", "null",
    };

    // Catalogs repeat the same few patterns; compiling each once per process keeps a 1,000-endpoint run fast.
    private static readonly ConcurrentDictionary<string, string> PatternProblems = new(StringComparer.Ordinal);

    private readonly CatalogContext _context;

    public SchemaChecker(CatalogContext context)
    {
        _context = context;
    }

    public void Check(JNode schema, int depth = 0)
    {
        if (depth > 64 || schema is not JObject obj)
        {
            if (schema is not (JObject or JBool))
            {
                _context.Report(CatalogDiagnostics.InvalidValue, schema, "A schema", "must be a JSON object (or true/false)");
            }

            return;
        }

        foreach (var property in obj.Properties)
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "$ref":
                    if (value is not JString reference || _context.ResolveReference(reference.Value) is null)
                    {
                        _context.Report(CatalogDiagnostics.UnresolvedReference, value, value is JString s ? s.Value : value.Kind);
                    }

                    break;
                case "type":
                    CheckType(value);
                    break;
                case "pattern":
                    CheckPattern(value);
                    break;
                case "properties":
                    if (value is JObject properties)
                    {
                        foreach (var member in properties.Properties)
                        {
                            Check(member.Value, depth + 1);
                        }
                    }
                    else
                    {
                        _context.Report(CatalogDiagnostics.InvalidValue, value, "\"properties\"", "must be an object of schemas");
                    }

                    break;
                case "items":
                    Check(value, depth + 1);
                    break;
                case "additionalProperties":
                    Check(value, depth + 1);
                    break;
                case "oneOf":
                case "anyOf":
                case "allOf":
                    if (value is JArray branches)
                    {
                        foreach (var branch in branches.Items)
                        {
                            Check(branch, depth + 1);
                        }
                    }
                    else
                    {
                        _context.Report(CatalogDiagnostics.InvalidValue, value, $"\"{property.Name}\"", "must be an array of schemas");
                    }

                    break;
                case "required":
                    if (value is not JArray names || !AllStrings(names))
                    {
                        _context.Report(CatalogDiagnostics.InvalidValue, value, "\"required\"", "must be an array of property names");
                    }

                    break;
                case "description":
                case "format":
                case "title":
                case "$comment":
                    Expect(value is JString, value, property.Name, "must be a string");
                    break;
                case "minLength":
                case "maxLength":
                case "minItems":
                case "maxItems":
                case "minProperties":
                case "maxProperties":
                    Expect(value is JNumber count && IsNonNegativeInteger(count), value, property.Name, "must be a whole number of 0 or more");
                    break;
                case "minimum":
                case "maximum":
                case "exclusiveMinimum":
                case "exclusiveMaximum":
                    Expect(value is JNumber, value, property.Name, "must be a number");
                    break;
                case "multipleOf":
                    Expect(value is JNumber step && IsPositive(step), value, property.Name, "must be a number above 0");
                    break;
                case "enum":
                    Expect(value is JArray { Items.Count: > 0 }, value, property.Name, "must be a non-empty array of the allowed values");
                    break;
                case "examples":
                    Expect(value is JArray, value, property.Name, "must be an array of example values");
                    break;
                case "uniqueItems":
                case "deprecated":
                case "readOnly":
                case "writeOnly":
                    Expect(value is JBool, value, property.Name, "must be true or false");
                    break;
                default:
                    if (!Supported.Contains(property.Name) && !property.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        _context.Report(CatalogDiagnostics.UnsupportedKeyword, property, property.Name);
                    }

                    break;
            }
        }
    }

    // A keyword of the wrong JSON type would be copied as is into the tool's inputSchema, which MCP clients then
    // reject or misread: report it here, where the catalog can be fixed.
    private void Expect(bool valid, JNode value, string keyword, string rule)
    {
        if (!valid)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, $"\"{keyword}\"", rule);
        }
    }

    private static bool AllStrings(JArray array)
    {
        foreach (var item in array.Items)
        {
            if (item is not JString)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNonNegativeInteger(JNumber number) =>
        double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && value >= 0 && value <= int.MaxValue && Math.Floor(value) == value;

    private static bool IsPositive(JNumber number) =>
        double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && !double.IsInfinity(value);

    private void CheckType(JNode value)
    {
        if (value is JString single)
        {
            CheckTypeName(single);
        }
        else if (value is JArray list && list.Items.Count > 0)
        {
            foreach (var item in list.Items)
            {
                if (item is JString name)
                {
                    CheckTypeName(name);
                }
                else
                {
                    _context.Report(CatalogDiagnostics.InvalidValue, item, "\"type\"", "must list type names as strings");
                }
            }
        }
        else
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"type\"", "must be a type name or an array of type names");
        }
    }

    private void CheckTypeName(JString name)
    {
        if (!Types.Contains(name.Value))
        {
            _context.Report(CatalogDiagnostics.InvalidValue, name, $"Type '{name.Value}'", "is not a JSON Schema type; use string, integer, number, boolean, array, object or null");
        }
    }

    private void CheckPattern(JNode value)
    {
        if (value is not JString pattern)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"pattern\"", "must be a string");
            return;
        }

        var problem = PatternProblems.GetOrAdd(pattern.Value, static source =>
        {
            // The same reading as the runtime's: JavaScript's meaning, so .NET-only syntax such as (?i) or \z is refused.
            return EcmaScriptPattern.TryCreate(source, Regex.InfiniteMatchTimeout, out var reason) is null ? reason : string.Empty;
        });
        if (problem.Length > 0)
        {
            _context.Report(CatalogDiagnostics.InvalidPattern, value, pattern.Value, problem);
        }
    }
}
