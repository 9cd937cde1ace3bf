using Verity.Generator.Json;

namespace Verity.Generator.Catalog;

/// <summary>Reads a catalog object's plain fields, reporting a missing or mistyped one where it is.</summary>
internal sealed class FieldReader
{
    private readonly CatalogContext _context;

    public FieldReader(CatalogContext context) => _context = context;

    public string? RequiredString(JObject owner, string field, string ownerName, string hint)
    {
        var property = owner.GetProperty(field);
        if (property is null)
        {
            _context.Report(CatalogDiagnostics.MissingField, owner, ownerName, field, hint);
            return null;
        }

        if (property.Value is not JString text || text.Value.Trim().Length == 0)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, property.Value, $"\"{field}\"", "must be a non-empty string");
            return null;
        }

        return text.Value;
    }

    public string? OptionalString(JObject owner, string field)
    {
        var property = owner.GetProperty(field);
        if (property is null || property.Value is JNull)
        {
            return null;
        }

        if (property.Value is JString text)
        {
            return text.Value;
        }

        _context.Report(CatalogDiagnostics.InvalidValue, property.Value, $"\"{field}\"", "must be a string");
        return null;
    }

    public bool? OptionalBool(JObject owner, string field)
    {
        var value = owner.Get(field);
        switch (value)
        {
            case null:
            case JNull:
                return null;
            case JBool flag:
                return flag.Value;
            default:
                _context.Report(CatalogDiagnostics.InvalidValue, value, $"\"{field}\"", "must be true or false");
                return null;
        }
    }

    /// <summary>Reports a field that is absent (missing) or present with the wrong kind of value (invalid).</summary>
    public void ReportMissingOrInvalid(JObject owner, string field, string ownerName, string hint)
    {
        var value = owner.Get(field);
        if (value is null)
        {
            _context.Report(CatalogDiagnostics.MissingField, owner, ownerName, field, hint);
        }
        else
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, $"\"{field}\"", "must be " + hint);
        }
    }
}
