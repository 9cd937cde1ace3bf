using System;
using System.Collections.Generic;
using Verity.Generator.Catalog;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.OpenApi;

/// <summary>
/// Translates an OpenAPI 3.0 or 3.1 document into the catalog it means (same node types, positions kept in the
/// document), so the catalog's reader, binder and emitter do the rest: one path from either input to the tools.
/// The document level is here (version, info, servers, components, root <c>x-mcp</c> options); each operation is
/// <see cref="OperationTranslator"/>'s. What cannot be mapped is a warning where it is, and is left out.
/// </summary>
internal sealed class OpenApiTranslator
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly CatalogContext _context;
    private readonly FieldReader _fields;
    private readonly CatalogInput _input;

    public OpenApiTranslator(CatalogContext context, FieldReader fields, CatalogInput input)
    {
        _context = context;
        _fields = fields;
        _input = input;
    }

    /// <summary>The catalog the document means, or null when it is no OpenAPI 3.0/3.1 document (reported).</summary>
    public JObject? Translate(JNode root)
    {
        if (root is not JObject document)
        {
            _context.Report(CatalogDiagnostics.NotOpenApi, root, "it is not an object of \"openapi\", \"info\" and \"paths\"");
            return null;
        }

        if (!CheckVersion(document))
        {
            return null;
        }

        var options = document.Get("x-mcp") as JObject;
        if (document.Get("x-mcp") is { } badOptions and not JObject)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, badOptions, "\"x-mcp\"", "must be an object of options (name, toolPrefix, namespace, includeDeprecated)");
        }

        var info = document.Get("info") as JObject;
        var title = options is null ? null : _fields.OptionalString(options, "name");
        title ??= _input.ApiNameOverride ?? (info is null ? null : _fields.OptionalString(info, "title"));
        if (string.IsNullOrWhiteSpace(title))
        {
            title = "Api";
        }

        var prefix = _input.ToolPrefixOverride ?? (options is null ? null : _fields.OptionalString(options, "toolPrefix")) ?? string.Empty;
        var includeDeprecated = _input.IncludeDeprecated || (options is not null && _fields.OptionalBool(options, "includeDeprecated") == true);

        var schemas = new OpenApiSchemas((document.Get("components") as JObject)?.Get("schemas") as JObject);
        var components = new List<JProperty>(schemas.Components.Count);
        foreach (var component in schemas.Components)
        {
            components.Add(new JProperty(component.Key, component.Value.Start, component.Value.Start, component.Value));
        }

        var endpoints = ReadPaths(document, schemas, new OpenApiToolNames(prefix), includeDeprecated);
        var api = new Nodes(info ?? (JNode)document)
            .Add("name", title)
            .Add("version", info?.Get("version") is { } version ? Text(version) : null)
            .Add("baseUrl", BaseUrl(document))
            .Build();
        return new Nodes(document)
            .Add("api", api)
            .Add("toolPrefix", prefix)
            .Add("namespace", options is null ? null : _fields.OptionalString(options, "namespace"))
            .Add("components", new Nodes(document).Add("schemas", new JObject(document.Start, document.Start, components)).Build())
            .Add("endpoints", endpoints)
            .Build();
    }

    private bool CheckVersion(JObject document)
    {
        var version = document.Get("openapi");
        if (version is null)
        {
            _context.Report(CatalogDiagnostics.NotOpenApi, document,
                document.Get("swagger") is null ? "it has no \"openapi\" version" : "it is a Swagger 2.0 document (convert it to OpenAPI 3 first)");
            return false;
        }

        var text = Text(version);
        if (text is null || !(text.StartsWith("3.0", StringComparison.Ordinal) || text.StartsWith("3.1", StringComparison.Ordinal)))
        {
            _context.Report(CatalogDiagnostics.NotOpenApi, version, $"its version is {text ?? version.Kind}, not 3.0 or 3.1");
            return false;
        }

        if (document.Get("paths") is { } paths and not JObject)
        {
            _context.Report(CatalogDiagnostics.NotOpenApi, paths, "its \"paths\" is not an object");
            return false;
        }

        return true;
    }

    private JArray ReadPaths(JObject document, OpenApiSchemas schemas, OpenApiToolNames names, bool includeDeprecated)
    {
        var endpoints = new List<JNode>();
        if (document.Get("paths") is not JObject paths)
        {
            return Nodes.Array(document, endpoints);
        }

        var operations = new List<OperationSite>();
        foreach (var path in paths.Properties)
        {
            var (item, broken) = new OpenApiReferences(document).Resolve(path.Value);
            if (item is null)
            {
                _context.Report(CatalogDiagnostics.OperationLeftOut, path.Value, path.Name, $"its path item {Broken(broken)}");
                continue;
            }

            foreach (var entry in item.Properties)
            {
                var method = entry.Name.ToLowerInvariant();
                if (Array.IndexOf(Methods, method) < 0)
                {
                    continue;
                }

                if (entry.Value is not JObject operation)
                {
                    _context.Report(CatalogDiagnostics.InvalidValue, entry.Value, $"\"{entry.Name}\"", "must be an operation object");
                    continue;
                }

                var site = new OperationSite(path, item, entry, operation, method.ToUpperInvariant());
                operations.Add(site);
                if (operation.Get("operationId") is not JString && OperationTranslator.IsWanted(site, includeDeprecated))
                {
                    names.Count(method.ToUpperInvariant(), path.Name);
                }
            }
        }

        var translator = new OperationTranslator(_context, _fields, new OpenApiReferences(document), schemas, names, includeDeprecated);
        foreach (var site in operations)
        {
            if (translator.Translate(site) is { } endpoint)
            {
                endpoints.Add(endpoint);
            }
        }

        return Nodes.Array(paths, endpoints);
    }

    /// <summary><c>servers[0].url</c> with each <c>{variable}</c> replaced by its default; null when there is none or it is relative.</summary>
    private JString? BaseUrl(JObject document)
    {
        if (document.Get("servers") is not JArray { Items.Count: > 0 } servers || servers.Items[0] is not JObject server
            || server.Get("url") is not JString url)
        {
            return null;
        }

        var text = url.Value;
        var variables = server.Get("variables") as JObject;
        for (var open = text.IndexOf('{'); open >= 0; open = text.IndexOf('{'))
        {
            var close = text.IndexOf('}', open);
            var name = close < 0 ? text.Substring(open + 1) : text.Substring(open + 1, close - open - 1);
            if (close < 0 || variables?.Get(name) is not JObject variable || variable.Get("default") is not JString value)
            {
                _context.Report(CatalogDiagnostics.PartLeftOut, url, $"The server URL '{url.Value}'", "the document",
                    $"its variable '{name}' has no default; set the base URL in the host's configuration");
                return null;
            }

            text = text.Substring(0, open) + value.Value + text.Substring(close + 1);
        }

        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            _context.Report(CatalogDiagnostics.PartLeftOut, url, $"The server URL '{url.Value}'", "the document",
                "it is not an absolute http(s) URL; set the base URL in the host's configuration");
            return null;
        }

        return Nodes.String(url, text);
    }

    internal static string Broken(string? reference) => reference is null ? "is not an object" : $"has a $ref '{reference}' that cannot be resolved in this document";

    /// <summary>A scalar's text: YAML may read <c>openapi: 3.1</c> or <c>version: 2</c> as a number.</summary>
    internal static string? Text(JNode node) => node switch
    {
        JString text => text.Value,
        JNumber number => number.Text,
        _ => null,
    };
}

/// <summary>One operation and where it is: its path (key), path item and method (key).</summary>
internal sealed record OperationSite(JProperty Path, JObject Item, JProperty Method, JObject Operation, string HttpMethod)
{
    public string Display => HttpMethod + " " + Path.Name;
}
