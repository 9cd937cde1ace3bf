using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Verity.Generator.Json;
using Verity.Generator.Model;
using Verity.Generator.OpenApi;
using Verity.Generator.Yaml;

namespace Verity.Generator.Catalog;

/// <summary>
/// Reads one catalog into value-equatable models plus diagnostics: the catalog-level fields here, each endpoint
/// through <see cref="EndpointReader"/> (JSON to draft) and <see cref="EndpointBinder"/> (names, types, schemas).
/// Never throws: an unexpected exception becomes a VMCP015 diagnostic. A broken endpoint is left out; the rest of the
/// catalog is still generated.
/// </summary>
internal sealed class CatalogParser
{
    private readonly CatalogInput _input;
    private readonly CatalogContext _context;
    private readonly FieldReader _fields;

    private CatalogParser(CatalogInput input)
    {
        _input = input;
        _context = new CatalogContext(input.Path, input.Text);
        _fields = new FieldReader(_context);
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

    private CatalogParseResult Run(CancellationToken cancellationToken)
    {
        var root = ReadRoot();
        if (root is not null && _input.IsOpenApi)
        {
            root = new OpenApiTranslator(_context, _fields, _input).Translate(root);
        }

        if (root is null)
        {
            return Result(null, new List<EndpointModel>(), new List<SharedTypeModel>(), new List<ToolNameInfo>());
        }

        if (root is not JObject catalog)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, root, "The catalog", "must be a JSON object with \"api\" and \"endpoints\"");
            return Result(null, new List<EndpointModel>(), new List<SharedTypeModel>(), new List<ToolNameInfo>());
        }

        var api = catalog.Get("api") as JObject;
        if (api is null)
        {
            _fields.ReportMissingOrInvalid(catalog, "api", "The catalog", "an object with the API's \"name\"");
        }

        var apiName = api is null ? null : _fields.RequiredString(api, "name", "\"api\"", "the API's display name, e.g. \"Verity\"");
        ReadComponents(catalog);
        var endpointsNode = catalog.Get("endpoints");
        if (endpointsNode is not JArray endpoints)
        {
            _fields.ReportMissingOrInvalid(catalog, "endpoints", "The catalog", "an array of endpoint objects");
            endpoints = new JArray(0, 0, new List<JNode>());
        }
        else if (endpoints.Items.Count == 0)
        {
            _context.Report(CatalogDiagnostics.EmptyEndpoints, endpoints);
        }

        var checker = new SchemaChecker(_context);
        foreach (var component in _context.Components)
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
        var prefix = _input.ToolPrefixOverride ?? _fields.OptionalString(catalog, "toolPrefix") ?? string.Empty;

        var reader = new EndpointReader(_context, _fields, prefix, checker, allowHead: _input.IsOpenApi);
        var toolNames = new List<ToolNameInfo>();
        var drafts = new List<EndpointDraft>(endpoints.Items.Count);
        foreach (var item in endpoints.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.Read(item, toolNames) is { } draft)
            {
                drafts.Add(draft);
            }
        }

        var (endpointModels, sharedTypes, jsonTypes, tools) = new EndpointBinder(_context, names).Bind(drafts);
        var model = new CatalogModel(
            names,
            apiName,
            api is null ? null : _fields.OptionalString(api, "version"),
            api is null ? null : _fields.OptionalString(api, "baseUrl"),
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

    /// <summary>
    /// The file's tree, or null when it cannot be read (reported). A catalog is JSON(C); an OpenAPI document is read as
    /// JSON when it starts with '{' and as YAML otherwise.
    /// </summary>
    private JNode? ReadRoot()
    {
        var text = _input.Text;
        if (_input.IsOpenApi && !StartsWithBrace(text))
        {
            try
            {
                return YamlReader.Parse(text);
            }
            catch (YamlSyntaxException exception)
            {
                var (line, column) = LineAndColumn(exception.Offset);
                _context.Report(CatalogDiagnostics.MalformedYaml, _context.Locate(exception.Offset, exception.Offset + 1),
                    $"{exception.Message} (line {line + 1}, column {column + 1}).");
                return null;
            }
        }

        try
        {
            return JsoncReader.Parse(text);
        }
        catch (JsoncException exception)
        {
            var (line, column) = LineAndColumn(exception.Offset);
            _context.Report(CatalogDiagnostics.MalformedJson, _context.Locate(exception.Offset, exception.Offset + 1),
                $"{exception.Message} (line {line + 1}, column {column + 1}).");
            return null;
        }
    }

    private static bool StartsWithBrace(string text)
    {
        foreach (var c in text)
        {
            if (c == '{')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return false;
            }
        }

        return false;
    }

    private CatalogParseResult Result(CatalogModel? model, List<EndpointModel> endpoints, List<SharedTypeModel> types, List<ToolNameInfo> toolNames) =>
        new(model, endpoints.ToEquatableArray(), types.ToEquatableArray(), toolNames.ToEquatableArray(), _context.Diagnostics);

    private void ReadComponents(JObject catalog)
    {
        if (catalog.Get("components") is not JObject components || components.Get("schemas") is not JObject schemas)
        {
            return;
        }

        foreach (var property in schemas.Properties)
        {
            _context.AddComponent(property.Name, property.Value);
        }
    }

    private string ReadNamespace(JObject catalog, string apiIdentifier)
    {
        var text = _input.NamespaceOverride ?? _fields.OptionalString(catalog, "namespace")
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

    private (int Line, int Column) LineAndColumn(int offset)
    {
        var location = _context.Locate(offset, offset);
        return (location.StartLine, location.StartColumn);
    }

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
