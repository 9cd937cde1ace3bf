using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>
/// Reads one catalog into value-equatable models plus diagnostics. Never throws: an unexpected exception becomes
/// a VMCP015 diagnostic. A broken endpoint is left out; the rest of the catalog is still generated.
/// </summary>
internal sealed partial class CatalogParser
{
    /// <summary>Longest tool name (prefix included) that leaves room for a server name within Cursor's 60 characters.</summary>
    internal const int ClientFriendlyToolNameLength = 50;

    private static readonly Regex ToolNamePattern = new("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

    private readonly CatalogInput _input;
    private readonly LineMap _lines;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, JNode> _components = new(StringComparer.Ordinal);
    private int _errorCount;

    private CatalogParser(CatalogInput input)
    {
        _input = input;
        _lines = new LineMap(input.Path, input.Text);
    }

    public static CatalogParseResult Parse(CatalogInput input, CancellationToken cancellationToken)
    {
        try
        {
            return new CatalogParser(input).Run(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return Failure(input.Path, exception);
        }
    }

    public static CatalogParseResult Failure(string path, Exception exception)
    {
        var location = new LocationInfo(path, 0, 0, 0, 0, 0, 0);
        var diagnostic = new DiagnosticInfo(CatalogDiagnostics.GeneratorFailure.Id, new[] { exception.GetType().Name, exception.Message }.ToEquatableArray(), location);
        return new CatalogParseResult(null, EquatableArray<EndpointModel>.Empty, EquatableArray<SharedTypeModel>.Empty, EquatableArray<ToolNameInfo>.Empty, new[] { diagnostic }.ToEquatableArray());
    }

    internal void Report(DiagnosticDescriptor descriptor, JNode node, params string[] arguments) =>
        Report(descriptor, _lines.Locate(node), arguments);

    internal void Report(DiagnosticDescriptor descriptor, JProperty property, params string[] arguments) =>
        Report(descriptor, _lines.Locate(property), arguments);

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _errorCount++;
        }

        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), location));
    }

    /// <summary>The component a <c>#/components/schemas/Name</c> reference points at, or null.</summary>
    internal (string Name, JNode Node)? ResolveReference(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = ToolSchemaBuilder.UnescapePointer(reference.Substring(prefix.Length));
        return _components.TryGetValue(name, out var node) ? (name, node) : null;
    }

    private CatalogParseResult Run(CancellationToken cancellationToken)
    {
        JNode root;
        try
        {
            root = JsoncReader.Parse(_input.Text);
        }
        catch (JsoncException exception)
        {
            var (line, column) = LineAndColumn(exception.Offset);
            Report(CatalogDiagnostics.MalformedJson, _lines.Locate(exception.Offset, exception.Offset + 1),
                $"{exception.Message} (line {line + 1}, column {column + 1}).");
            return Result(null, new List<EndpointModel>(), new List<SharedTypeModel>(), new List<ToolNameInfo>());
        }

        if (root is not JObject catalog)
        {
            Report(CatalogDiagnostics.InvalidValue, root, "The catalog", "must be a JSON object with \"api\" and \"endpoints\"");
            return Result(null, new List<EndpointModel>(), new List<SharedTypeModel>(), new List<ToolNameInfo>());
        }

        var api = catalog.Get("api") as JObject;
        if (api is null)
        {
            ReportMissingOrInvalid(catalog, "api", "The catalog", "an object with the API's \"name\"");
        }

        var apiName = api is null ? null : RequiredString(api, "name", "\"api\"", "the API's display name, e.g. \"Verity\"");
        ReadComponents(catalog);
        var endpointsNode = catalog.Get("endpoints");
        if (endpointsNode is not JArray endpoints)
        {
            ReportMissingOrInvalid(catalog, "endpoints", "The catalog", "an array of endpoint objects");
            endpoints = new JArray(0, 0, new List<JNode>());
        }
        else if (endpoints.Items.Count == 0)
        {
            Report(CatalogDiagnostics.EmptyEndpoints, endpoints);
        }

        var checker = new SchemaChecker(this);
        foreach (var component in _components.Values)
        {
            checker.Check(component);
        }

        if (apiName is null)
        {
            return Result(null, new List<EndpointModel>(), new List<SharedTypeModel>(), new List<ToolNameInfo>());
        }

        var apiIdentifier = Identifiers.ToPascal(apiName);
        var ns = ReadNamespace(catalog, apiIdentifier);
        var names = new CatalogNames(
            _input.Path,
            FileName(_input.Path),
            ns,
            apiIdentifier,
            ns + "." + apiIdentifier,
            apiIdentifier + "Tools",
            apiIdentifier + "Api",
            apiIdentifier + "JsonContext");
        var prefix = _input.ToolPrefixOverride ?? OptionalString(catalog, "toolPrefix") ?? string.Empty;

        var builder = new EndpointBuilder(this, names, prefix, checker);
        var toolNames = new List<ToolNameInfo>();
        foreach (var item in endpoints.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.Add(item, toolNames);
        }

        var (endpointModels, sharedTypes, jsonTypes, tools) = builder.Build();
        var model = new CatalogModel(
            names,
            apiName,
            api is null ? null : OptionalString(api, "version"),
            api is null ? null : OptionalString(api, "baseUrl"),
            Sha256(_input.Text),
            tools.ToEquatableArray(),
            jsonTypes.ToEquatableArray());
        var shared = new List<SharedTypeModel>(sharedTypes.Count);
        foreach (var type in sharedTypes)
        {
            shared.Add(new SharedTypeModel(names, type));
        }

        return Result(model, endpointModels, shared, toolNames);
    }

    private CatalogParseResult Result(CatalogModel? model, List<EndpointModel> endpoints, List<SharedTypeModel> types, List<ToolNameInfo> toolNames) =>
        new(model, endpoints.ToEquatableArray(), types.ToEquatableArray(), toolNames.ToEquatableArray(), _diagnostics.ToEquatableArray());

    private void ReadComponents(JObject catalog)
    {
        if (catalog.Get("components") is not JObject components || components.Get("schemas") is not JObject schemas)
        {
            return;
        }

        foreach (var property in schemas.Properties)
        {
            _components[property.Name] = property.Value;
        }
    }

    private string ReadNamespace(JObject catalog, string apiIdentifier)
    {
        var text = _input.NamespaceOverride ?? OptionalString(catalog, "namespace")
            ?? (string.IsNullOrWhiteSpace(_input.RootNamespace) ? apiIdentifier : _input.RootNamespace + ".Tools");
        var parts = text!.Split('.');
        var result = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('.');
            }

            var identifier = Identifiers.ToPascal(part);
            result.Append(part == identifier || IsPlainIdentifier(part) ? part : identifier);
        }

        return result.Length == 0 ? apiIdentifier : result.ToString();
    }

    private static bool IsPlainIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_') || text[0] >= 128)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c >= 128 || !(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(text) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;
    }

    internal string? RequiredString(JObject owner, string field, string ownerName, string hint)
    {
        var property = owner.GetProperty(field);
        if (property is null)
        {
            Report(CatalogDiagnostics.MissingField, owner, ownerName, field, hint);
            return null;
        }

        if (property.Value is not JString text || text.Value.Trim().Length == 0)
        {
            Report(CatalogDiagnostics.InvalidValue, property.Value, $"\"{field}\"", "must be a non-empty string");
            return null;
        }

        return text.Value;
    }

    internal string? OptionalString(JObject owner, string field)
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

        Report(CatalogDiagnostics.InvalidValue, property.Value, $"\"{field}\"", "must be a string");
        return null;
    }

    internal bool? OptionalBool(JObject owner, string field)
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
                Report(CatalogDiagnostics.InvalidValue, value, $"\"{field}\"", "must be true or false");
                return null;
        }
    }

    private void ReportMissingOrInvalid(JObject owner, string field, string ownerName, string hint)
    {
        var value = owner.Get(field);
        if (value is null)
        {
            Report(CatalogDiagnostics.MissingField, owner, ownerName, field, hint);
        }
        else
        {
            Report(CatalogDiagnostics.InvalidValue, value, $"\"{field}\"", "must be " + hint);
        }
    }

    internal int ErrorCount => _errorCount;

    internal LocationInfo Locate(JNode node) => _lines.Locate(node);

    private (int Line, int Column) LineAndColumn(int offset)
    {
        var location = _lines.Locate(offset, offset);
        return (location.StartLine, location.StartColumn);
    }

    internal static bool IsValidToolName(string name) => ToolNamePattern.IsMatch(name);

    internal static bool IsKnownMethod(string method) => Array.IndexOf(Methods, method) >= 0;

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static string Sha256(string text)
    {
        // Hashed in chunks: the UTF-8 copy of a large catalog in one piece lands on the large object heap, and each
        // such allocation brings the next full (gen 2) collection closer.
        using var sha = SHA256.Create();
        var encoder = Encoding.UTF8.GetEncoder();
        const int CharsPerChunk = 4096;
        var chars = new char[CharsPerChunk];
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(CharsPerChunk)];
        for (var start = 0; start < text.Length; start += CharsPerChunk)
        {
            var count = Math.Min(CharsPerChunk, text.Length - start);
            text.CopyTo(start, chars, 0, count);
            var written = encoder.GetBytes(chars, 0, count, bytes, 0, flush: start + count == text.Length);
            sha.TransformBlock(bytes, 0, written, null, 0);
        }

        sha.TransformFinalBlock(bytes, 0, 0);
        var hash = sha.Hash;
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
