using System;
using System.Collections.Generic;
using Verity.Generator.Catalog;
using Verity.Generator.Json;

namespace Verity.Generator.OpenApi;

/// <summary>
/// Translates one OpenAPI operation into a catalog endpoint: its tool name, text, parameters, JSON request body,
/// JSON 2xx response and <c>x-mcp</c> options. An operation that cannot be called as a tool (a required part that
/// cannot be mapped) is left out with VMCP021; an optional part that cannot be mapped is left out with VMCP022.
/// </summary>
internal sealed class OperationTranslator
{
    private static readonly string[] OptionKeys = { "name", "exclude", "readOnly", "destructive", "idempotent", "openWorld", "bodyParameter", "timeoutSeconds" };
    private static readonly string[] Hints = { "readOnly", "destructive", "idempotent", "openWorld" };

    private readonly CatalogContext _context;
    private readonly FieldReader _fields;
    private readonly OpenApiReferences _references;
    private readonly OpenApiSchemas _schemas;
    private readonly OpenApiToolNames _names;
    private readonly bool _includeDeprecated;

    public OperationTranslator(CatalogContext context, FieldReader fields, OpenApiReferences references, OpenApiSchemas schemas, OpenApiToolNames names, bool includeDeprecated)
    {
        _context = context;
        _fields = fields;
        _references = references;
        _schemas = schemas;
        _names = names;
        _includeDeprecated = includeDeprecated;
    }

    /// <summary>
    /// Whether the operation is meant to be a tool: not excluded by <c>x-mcp</c>, and not deprecated unless deprecated
    /// operations are asked for (or <c>"exclude": false</c> keeps this one).
    /// </summary>
    public static bool IsWanted(OperationSite site, bool includeDeprecated)
    {
        var exclude = (site.Operation.Get("x-mcp") as JObject)?.Get("exclude") as JBool;
        if (exclude is not null)
        {
            return !exclude.Value;
        }

        return includeDeprecated || site.Operation.Get("deprecated") is not JBool { Value: true };
    }

    public JObject? Translate(OperationSite site)
    {
        var options = ReadOptions(site);
        if (options is not null)
        {
            _fields.OptionalBool(options, "exclude");
        }

        if (!IsWanted(site, _includeDeprecated))
        {
            return null;
        }

        if (site.HttpMethod is "OPTIONS" or "TRACE")
        {
            return LeftOut(site.Method, site, $"tools do not send {site.HttpMethod} requests; exclude it with \"x-mcp\": {{ \"exclude\": true }}");
        }

        var endpoint = new Nodes(site.Operation)
            .Add("method", Nodes.String(site.Method, site.HttpMethod))
            .Add(site.Path, "path", Nodes.String(site.Path, site.Path.Name));
        if (!AddParameters(site, endpoint, out var parameterNames) || !AddBody(site, options, endpoint, parameterNames))
        {
            return null;
        }

        AddToolName(site, options, endpoint);
        AddText(site, endpoint);
        endpoint.Add("response", Response(site));
        AddOptions(options, endpoint);
        return endpoint.Build();
    }

    private JObject? ReadOptions(OperationSite site)
    {
        var value = site.Operation.Get("x-mcp");
        if (value is null)
        {
            return null;
        }

        if (value is not JObject options)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"x-mcp\"", "must be an object (name, exclude, readOnly, destructive, idempotent, openWorld, bodyParameter, timeoutSeconds)");
            return null;
        }

        foreach (var property in options.Properties)
        {
            if (Array.IndexOf(OptionKeys, property.Name) < 0)
            {
                _context.Report(CatalogDiagnostics.PartLeftOut, property, $"The x-mcp option '{property.Name}'", site.Display,
                    "it is not one of " + string.Join(", ", OptionKeys));
            }
        }

        return options;
    }

    private bool AddParameters(OperationSite site, Nodes endpoint, out HashSet<string> names)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        var declared = new List<JObject>();
        var keys = new List<string>();
        foreach (var list in new[] { site.Item.Get("parameters"), site.Operation.Get("parameters") })
        {
            if (list is not JArray items)
            {
                continue;
            }

            foreach (var item in items.Items)
            {
                var (parameter, broken) = _references.Resolve(item);
                if (parameter is null || parameter.Get("name") is not JString name || parameter.Get("in") is not JString location)
                {
                    LeftOut(item, site, "a parameter " + (parameter is null ? OpenApiTranslator.Broken(broken) : "has no \"name\" or \"in\""));
                    return false;
                }

                // An operation's parameter replaces the path item's of the same name and location.
                var key = location.Value + "\n" + name.Value;
                var index = keys.IndexOf(key);
                if (index >= 0)
                {
                    declared[index] = parameter;
                }
                else
                {
                    keys.Add(key);
                    declared.Add(parameter);
                }
            }
        }

        var template = PathParameters(site.Path.Name);
        var translated = new List<JNode>(declared.Count);
        foreach (var parameter in declared)
        {
            var result = Parameter(site, parameter, template, names);
            if (result.LeaveOperationOut)
            {
                return false;
            }

            if (result.Node is not null)
            {
                translated.Add(result.Node);
            }
        }

        foreach (var name in template)
        {
            if (!names.Contains(name))
            {
                LeftOut(site.Path, site, $"its path uses {{{name}}} but declares no path parameter '{name}'");
                return false;
            }
        }

        if (translated.Count > 0)
        {
            endpoint.Add("parameters", Nodes.Array(site.Operation, translated));
        }

        return true;
    }

    private (JObject? Node, bool LeaveOperationOut) Parameter(OperationSite site, JObject parameter, HashSet<string> template, HashSet<string> names)
    {
        var name = ((JString)parameter.Get("name")!).Value;
        var location = ((JString)parameter.Get("in")!).Value;
        var required = location == "path" || parameter.Get("required") is JBool { Value: true };
        string? problem = null;
        var schema = Schema(parameter);
        switch (location)
        {
            case "cookie":
                _context.Report(CatalogDiagnostics.PartLeftOut, parameter.Get("in")!, $"Cookie parameter '{name}'", site.Display,
                    "tools send no cookies" + (required ? " (it is required, so calls may be refused)" : string.Empty));
                return (null, false);
            case "header" when name.Equals("Accept", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase):
                // OpenAPI says these header parameters are ignored: the pipeline sets them.
                return (null, false);
            case "path" when !template.Contains(name):
                _context.Report(CatalogDiagnostics.PartLeftOut, parameter.Get("name")!, $"Path parameter '{name}'", site.Display, "the path has no {" + name + "}");
                return (null, false);
            case "path" or "query" or "header":
                break;
            default:
                problem = $"its location \"{location}\" is not path, query, header or cookie";
                break;
        }

        var description = parameter.Get("description") as JString;
        if (problem is null && schema is null)
        {
            if (JsonMedia(parameter.Get("content")).Media is not null)
            {
                // A value serialized as JSON (e.g. ?filter={"a":1}): one string argument holding the JSON text.
                schema = new Nodes(parameter).Add("type", "string").Build();
                description = Nodes.String((JNode?)description ?? parameter, Sentence(description, "The value as JSON text."));
            }
            else
            {
                problem = parameter.Get("content") is null ? "it has no \"schema\"" : "it is described by \"content\" of a type other than JSON";
            }
        }

        var converted = schema is null ? null : _schemas.Convert(schema, SchemaDirection.Input);
        if (problem is null && location == "query" && JoinedArrayDelimiter(parameter, converted!) is { } delimiter)
        {
            (converted, description) = JoinedArray(parameter, converted!, description, delimiter);
        }

        problem ??= StyleProblem(parameter, location, converted!);
        if (problem is null && !names.Add(name))
        {
            problem = "another parameter has the same name";
        }

        if (problem is not null)
        {
            if (required)
            {
                LeftOut(parameter, site, $"its parameter '{name}' cannot be mapped: {problem}");
                return (null, true);
            }

            _context.Report(CatalogDiagnostics.PartLeftOut, parameter, $"Parameter '{name}'", site.Display, problem);
            return (null, false);
        }

        var node = new Nodes(parameter)
            .Add("name", parameter.Get("name"))
            .Add("in", parameter.Get("in"))
            .Add("required", required ? Nodes.Bool(parameter, true) : null)
            .Add("description", description)
            .Add("schema", converted)
            .Build();
        return (node, false);
    }

    /// <summary>
    /// The delimiter of a query array sent as one value (<c>explode: false</c> with style form: ',';
    /// <c>spaceDelimited</c>: ' '; <c>pipeDelimited</c>: '|'), or null when the array is sent as repeated keys.
    /// </summary>
    private string? JoinedArrayDelimiter(JObject parameter, JNode schema)
    {
        var resolved = _schemas.Follow(schema);
        if (resolved is null || TypeResolver.SingleType(resolved) != "array")
        {
            return null;
        }

        return (parameter.Get("style") as JString)?.Value switch
        {
            null or "form" => parameter.Get("explode") is JBool { Value: false } ? "," : null,
            "spaceDelimited" => " ",
            "pipeDelimited" => "|",
            _ => null,
        };
    }

    /// <summary>
    /// A joined array becomes one string argument: the assistant writes the values joined (<c>a,b</c>) and the value
    /// is sent as it is, which is the serialization the document asks for. The description says how to join them.
    /// </summary>
    private (JNode Schema, JString Description) JoinedArray(JObject parameter, JNode schema, JString? description, string delimiter)
    {
        var items = _schemas.Follow(_schemas.Follow(schema)!.Get("items"));
        var allowed = items?.Get("enum") is JArray values && values.Items.TrueForAll(static v => v is JString)
            ? " Allowed values: " + string.Join(", ", values.Items.ConvertAll(static v => ((JString)v).Value)) + "."
            : string.Empty;
        var shown = delimiter == " " ? "spaces" : $"'{delimiter}'";
        var note = $"Several values joined with {shown} (e.g. a{delimiter}b).{allowed}";
        return (new Nodes(schema).Add("type", "string").Build(), Nodes.String((JNode?)description ?? parameter, Sentence(description, note)));
    }

    /// <summary>The parameter's description with a sentence added (or the sentence alone).</summary>
    private static string Sentence(JString? description, string sentence)
    {
        var text = description?.Value.TrimEnd() ?? string.Empty;
        return text.Length == 0 ? sentence : text + (text.EndsWith(".", StringComparison.Ordinal) ? " " : ". ") + sentence;
    }

    /// <summary>
    /// Tool arguments are JSON values sent the default way: a query array as repeated keys (form, exploded), any
    /// scalar as itself. Other serializations (comma or space joined arrays, deepObject, label, matrix) cannot be
    /// produced from one argument.
    /// </summary>
    private string? StyleProblem(JObject parameter, string location, JNode schema)
    {
        var style = (parameter.Get("style") as JString)?.Value;
        var explode = (parameter.Get("explode") as JBool)?.Value;
        var resolved = _schemas.Follow(schema);
        var kind = resolved is null ? null : TypeResolver.SingleType(resolved);
        var structured = kind is "array" or "object";
        switch (location)
        {
            case "query":
                if (kind == "object")
                {
                    return $"an object query parameter (style {style ?? "form"}) has no single-value form";
                }

                if (kind == "array" && ((style is not null && style != "form") || explode == false))
                {
                    return $"arrays are sent as repeated keys (style form, explode true), not style {style ?? "form"} with explode {(explode ?? true ? "true" : "false")}";
                }

                return null;
            case "path":
                return structured ? "an array or object in the path has no single-value form" : style is null or "simple" ? null : $"style {style} is not supported in the path";
            default:
                return structured ? "an array or object header has no single-value form" : null;
        }
    }

    private bool AddBody(OperationSite site, JObject? options, Nodes endpoint, HashSet<string> parameterNames)
    {
        var value = site.Operation.Get("requestBody");
        if (value is null)
        {
            return true;
        }

        var (body, broken) = _references.Resolve(value);
        if (body is null)
        {
            LeftOut(value, site, "its request body " + OpenApiTranslator.Broken(broken));
            return false;
        }

        var required = body.Get("required") is JBool { Value: true };
        var (mediaType, media) = JsonMedia(body.Get("content"));
        string? problem = null;
        if (site.HttpMethod is "GET" or "HEAD")
        {
            problem = $"a {site.HttpMethod} request carries no body";
        }
        else if (media is null)
        {
            problem = "tools send JSON bodies only, and it has no application/json content" + ContentTypes(body.Get("content"));
        }

        if (problem is not null)
        {
            if (required)
            {
                LeftOut(value, site, "its request body cannot be mapped: " + problem);
                return false;
            }

            _context.Report(CatalogDiagnostics.PartLeftOut, value, "The request body", site.Display, problem);
            return true;
        }

        var schema = Schema(media!) is { } given ? _schemas.Convert(given, SchemaDirection.Input) : new Nodes(media!).Build();
        endpoint.Add("body", new Nodes(body)
            .Add("required", Nodes.Bool(body, required))
            .Add("contentType", mediaType)
            .Add("schema", schema)
            .Add("description", body.Get("description") as JString)
            .Build());
        var explicitName = options?.Get("bodyParameter");
        if (explicitName is not null)
        {
            endpoint.Add("bodyParameter", explicitName);
        }
        else if (parameterNames.Contains("body"))
        {
            endpoint.Add("bodyParameter", "requestBody");
        }
        else if (FlattenedNamesCollide(schema, parameterNames))
        {
            // Flattening would make two arguments of one name: keep the body whole instead of failing the build.
            endpoint.Add("bodyParameter", "body");
        }

        return true;
    }

    private bool FlattenedNamesCollide(JNode schema, HashSet<string> parameterNames)
    {
        if (parameterNames.Count == 0 || _schemas.Follow(schema)?.Get("properties") is not JObject properties)
        {
            return false;
        }

        foreach (var property in properties.Properties)
        {
            if (parameterNames.Contains(property.Name))
            {
                return true;
            }
        }

        return false;
    }

    private JObject? Response(OperationSite site)
    {
        if (site.Operation.Get("responses") is not JObject responses)
        {
            return null;
        }

        // 200 before 201 before … before 2XX, whatever the document's order.
        var candidates = new List<JProperty>();
        foreach (var response in responses.Properties)
        {
            if (response.Name.Length == 3 && response.Name[0] == '2')
            {
                candidates.Add(response);
            }
        }

        candidates.Sort(static (a, b) => string.CompareOrdinal(a.Name.ToUpperInvariant(), b.Name.ToUpperInvariant()));
        foreach (var candidate in candidates)
        {
            var (response, _) = _references.Resolve(candidate.Value);
            var (_, media) = JsonMedia(response?.Get("content"));
            if (media is not null && Schema(media) is { } schema)
            {
                return new Nodes(media).Add("schema", _schemas.Convert(schema, SchemaDirection.Output)).Build();
            }
        }

        return null;
    }

    private void AddToolName(OperationSite site, JObject? options, Nodes endpoint)
    {
        if (options?.Get("name") is { } explicitName)
        {
            endpoint.Add("tool", explicitName);
            return;
        }

        var operationId = site.Operation.Get("operationId") as JString;
        var (name, shortened) = _names.Derive(operationId?.Value, site.HttpMethod, site.Path.Name);
        var anchor = (JNode?)operationId ?? Nodes.String(site.Method, site.Method.Name);
        if (shortened is not null)
        {
            _context.Report(CatalogDiagnostics.ToolNameShortened, anchor, shortened,
                (_names.PrefixLength + shortened.Length).ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        }

        endpoint.Add("tool", Nodes.String(anchor, name));
    }

    private static void AddText(OperationSite site, Nodes endpoint)
    {
        var operation = site.Operation;
        var summary = (operation.Get("summary") as JString)?.Value.Trim();
        var description = (operation.Get("description") as JString)?.Value.Trim();
        if (string.IsNullOrEmpty(summary))
        {
            // The first sentence becomes the summary; the rest stays the description.
            summary = string.IsNullOrEmpty(description) ? null : FirstLine(description!);
            if (summary is not null)
            {
                description = description!.Substring(summary.Length).Trim();
            }
        }

        if (string.IsNullOrEmpty(summary))
        {
            summary = (operation.Get("operationId") as JString)?.Value ?? site.Display;
        }

        endpoint.Add("summary", Nodes.String(operation.Get("summary") ?? operation, summary!));
        if (!string.IsNullOrEmpty(description))
        {
            endpoint.Add("description", Nodes.String(operation.Get("description")!, description!));
        }

        if (operation.Get("tags") is JArray tags)
        {
            var list = tags.Items.FindAll(static tag => tag is JString { Value.Length: > 0 });
            if (list.Count > 0)
            {
                endpoint.Add("tags", Nodes.Array(tags, list));
            }
        }
    }

    private static void AddOptions(JObject? options, Nodes endpoint)
    {
        if (options is null)
        {
            return;
        }

        var annotations = new Nodes(options);
        var any = false;
        foreach (var hint in Hints)
        {
            if (options.Get(hint) is { } value)
            {
                annotations.Add(hint, value);
                any = true;
            }
        }

        if (any)
        {
            endpoint.Add("annotations", annotations.Build());
        }

        endpoint.Add("timeoutSeconds", options.Get("timeoutSeconds"));
    }

    /// <summary>The JSON media type of a content map: <c>application/json</c>, its parameters, or any <c>+json</c> type.</summary>
    private static (string? Type, JObject? Media) JsonMedia(JNode? content)
    {
        if (content is not JObject types)
        {
            return (null, null);
        }

        foreach (var type in types.Properties)
        {
            var name = type.Name.Trim().ToLowerInvariant();
            var bare = name.Split(';')[0].Trim();
            if ((bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal)) && type.Value is JObject media)
            {
                return (bare, media);
            }
        }

        return (null, null);
    }

    private static string ContentTypes(JNode? content)
    {
        if (content is not JObject types || types.Properties.Count == 0)
        {
            return string.Empty;
        }

        var names = new List<string>();
        foreach (var type in types.Properties)
        {
            names.Add(type.Name);
        }

        return " (it has " + string.Join(", ", names) + ")";
    }

    /// <summary>The <c>schema</c> of a parameter or media type; <c>"schema": null</c>, seen in published documents, counts as none.</summary>
    private static JNode? Schema(JObject owner) => owner.Get("schema") is { } schema and not JNull ? schema : null;

    private static HashSet<string> PathParameters(string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var open = path.IndexOf('{'); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            if (close > open + 1)
            {
                names.Add(path.Substring(open + 1, close - open - 1));
            }
        }

        return names;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var line = (end < 0 ? text : text.Substring(0, end)).Trim();
        var sentence = line.IndexOf(". ", StringComparison.Ordinal);
        return sentence > 0 ? line.Substring(0, sentence + 1) : line;
    }

    private JObject? LeftOut(JNode at, OperationSite site, string reason)
    {
        _context.Report(CatalogDiagnostics.OperationLeftOut, at, site.Display, reason);
        return null;
    }

    private JObject? LeftOut(JProperty at, OperationSite site, string reason)
    {
        _context.Report(CatalogDiagnostics.OperationLeftOut, at, site.Display, reason);
        return null;
    }
}
