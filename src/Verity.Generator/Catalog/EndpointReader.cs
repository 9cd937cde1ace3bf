using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>
/// The reading step for endpoints: checks each endpoint object of the catalog and turns a valid one into an
/// <see cref="EndpointDraft"/>, reporting what is wrong where it is. Tool names are final here (they are what
/// duplicates are found by); C# names, types and schemas are the binder's.
/// </summary>
internal sealed class EndpointReader
{
    /// <summary>Longest tool name (prefix included) that leaves room for a server name within Cursor's 60 characters.</summary>
    internal const int ClientFriendlyToolNameLength = 50;

    private static readonly Regex ToolNamePattern = new("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

    private readonly CatalogContext _context;
    private readonly FieldReader _fields;
    private readonly string _prefix;
    private readonly SchemaChecker _checker;
    private readonly Dictionary<string, string> _toolNames = new(StringComparer.Ordinal);
    private readonly bool _allowHead;

    /// <param name="allowHead">HEAD is an OpenAPI document's method; a catalog keeps to the five of its format.</param>
    public EndpointReader(CatalogContext context, FieldReader fields, string prefix, SchemaChecker checker, bool allowHead = false)
    {
        _context = context;
        _fields = fields;
        _prefix = prefix;
        _checker = checker;
        _allowHead = allowHead;
    }

    internal static bool IsValidToolName(string name) => ToolNamePattern.IsMatch(name);

    private bool IsKnownMethod(string method) => Array.IndexOf(Methods, method) >= 0 || (_allowHead && method == "HEAD");

    /// <summary>The endpoint as a draft when it is usable (no error reported while reading it), else null.</summary>
    public EndpointDraft? Read(JNode item, List<ToolNameInfo> toolNames)
    {
        if (item is not JObject node)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, item, "An endpoint", "must be a JSON object");
            return null;
        }

        var errorsBefore = _context.ErrorCount;
        var draft = new EndpointDraft { Node = node };
        var method = _fields.RequiredString(node, "method", "The endpoint", "GET, POST, PUT, PATCH or DELETE");
        var path = _fields.RequiredString(node, "path", "The endpoint", "the URL path, e.g. \"/api/agents/{agentId}\"");
        var summary = _fields.RequiredString(node, "summary", "The endpoint", "one line saying what the tool does");
        draft.Description = _fields.OptionalString(node, "description");

        if (method is not null)
        {
            draft.Method = method.ToUpperInvariant();
            if (!IsKnownMethod(draft.Method))
            {
                _context.Report(CatalogDiagnostics.UnknownMethod, node.Get("method")!, method);
            }
        }

        var parameters = ReadParameters(node, draft);
        if (path is not null)
        {
            draft.Path = path;
            ReadPath(node.Get("path")!, path, draft, parameters);
        }

        draft.Summary = summary ?? string.Empty;
        ReadTags(node, draft);
        ReadBody(node, draft);
        ReadAnnotations(node, draft);
        ReadTimeout(node, draft);
        if (node.Get("response") is { } response)
        {
            if (response is JObject responseObject)
            {
                draft.Response = responseObject.Get("schema");
                if (draft.Response is not null)
                {
                    _checker.Check(draft.Response);
                }
            }
            else
            {
                _context.Report(CatalogDiagnostics.InvalidValue, response, "\"response\"", "must be an object with a \"schema\"");
            }
        }

        if (method is null || path is null)
        {
            return null;
        }

        ReadToolName(node, draft, toolNames);
        return _context.ErrorCount == errorsBefore ? draft : null;
    }

    private Dictionary<string, ParameterDraft> ReadParameters(JObject node, EndpointDraft draft)
    {
        var byName = new Dictionary<string, ParameterDraft>(StringComparer.Ordinal);
        var value = node.Get("parameters");
        if (value is null)
        {
            return byName;
        }

        if (value is not JArray list)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"parameters\"", "must be an array of parameter objects");
            return byName;
        }

        foreach (var item in list.Items)
        {
            if (item is not JObject parameterNode)
            {
                _context.Report(CatalogDiagnostics.InvalidValue, item, "A parameter", "must be a JSON object with \"name\" and \"in\"");
                continue;
            }

            var name = _fields.RequiredString(parameterNode, "name", "The parameter", "its wire name");
            var location = _fields.RequiredString(parameterNode, "in", "The parameter", "\"path\", \"query\" or \"header\"");
            var parameter = new ParameterDraft
            {
                Name = name ?? string.Empty,
                Description = _fields.OptionalString(parameterNode, "description"),
                Schema = parameterNode.Get("schema"),
                Required = _fields.OptionalBool(parameterNode, "required") ?? false,
            };
            if (parameter.Schema is not null)
            {
                _checker.Check(parameter.Schema);
            }

            switch (location)
            {
                case "path":
                    parameter.Location = ArgumentLocation.Path;
                    parameter.Required = true;
                    break;
                case "query":
                    parameter.Location = ArgumentLocation.Query;
                    break;
                case "header":
                    parameter.Location = ArgumentLocation.Header;
                    break;
                case null:
                    continue;
                default:
                    _context.Report(CatalogDiagnostics.UnknownParameterLocation, parameterNode.Get("in")!, name ?? "?", location);
                    continue;
            }

            if (name is null)
            {
                continue;
            }

            if (byName.ContainsKey(name))
            {
                _context.Report(CatalogDiagnostics.DuplicateArgument, parameterNode.Get("name")!, name);
                continue;
            }

            byName[name] = parameter;
            draft.Parameters.Add(parameter);
        }

        return byName;
    }

    private void ReadPath(JNode pathNode, string path, EndpointDraft draft, Dictionary<string, ParameterDraft> parameters)
    {
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            _context.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "must start with '/'");
            return;
        }

        if (path.IndexOfAny(new[] { '?', '#' }) >= 0)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "must not contain '?' or '#'; declare query parameters with \"in\": \"query\"");
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var literal = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '{')
            {
                if (path[i] == '}')
                {
                    _context.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "has a '}' without a '{'");
                    return;
                }

                literal.Append(path[i]);
                continue;
            }

            var close = path.IndexOf('}', i + 1);
            if (close < 0)
            {
                _context.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "has a '{' without a closing '}'");
                return;
            }

            var name = path.Substring(i + 1, close - i - 1);
            if (name.Length == 0 || name.IndexOf('{') >= 0)
            {
                _context.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "has an empty or nested '{…}' segment");
                return;
            }

            if (literal.Length > 0)
            {
                draft.PathParts.Add(new PathPart(literal.ToString(), null));
                literal.Clear();
            }

            if (!parameters.TryGetValue(name, out var parameter) || parameter.Location != ArgumentLocation.Path)
            {
                _context.Report(CatalogDiagnostics.UndeclaredPathParameter, pathNode, path, name);
            }

            used.Add(name);
            draft.PathParts.Add(new PathPart(null, name));
            i = close;
        }

        if (literal.Length > 0)
        {
            draft.PathParts.Add(new PathPart(literal.ToString(), null));
        }

        foreach (var segment in path.Split('/'))
        {
            if (CanBecomeDotSegment(segment))
            {
                _context.Report(CatalogDiagnostics.DotSegmentTemplate, pathNode, segment);
            }
        }

        foreach (var parameter in draft.Parameters)
        {
            if (parameter.Location == ArgumentLocation.Path && !used.Contains(parameter.Name))
            {
                _context.Report(CatalogDiagnostics.UnusedPathParameter, FindParameterNode(draft.Node, parameter.Name) ?? pathNode, parameter.Name, path);
            }
        }
    }

    /// <summary>
    /// <c>{a}{b}</c>, <c>{a}.</c>, <c>.{a}.{b}</c>: a segment of more than one part whose only literal text is dots.
    /// Values that pass one by one can join into <c>..</c> there (the runtime refuses those calls).
    /// </summary>
    private static bool CanBecomeDotSegment(string segment)
    {
        var parameters = 0;
        var dots = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '{')
            {
                var close = segment.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return false;
                }

                parameters++;
                i = close;
            }
            else if (segment[i] == '.')
            {
                dots++;
            }
            else
            {
                return false;
            }
        }

        return parameters > 0 && parameters + dots > 1;
    }

    private static JNode? FindParameterNode(JObject endpoint, string name)
    {
        if (endpoint.Get("parameters") is JArray list)
        {
            foreach (var item in list.Items)
            {
                if (item is JObject parameter && parameter.Get("name") is JString { } text && text.Value == name)
                {
                    return text;
                }
            }
        }

        return null;
    }

    private void ReadTags(JObject node, EndpointDraft draft)
    {
        var value = node.Get("tags");
        if (value is null)
        {
            return;
        }

        if (value is not JArray list)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"tags\"", "must be an array of strings");
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is JString { Value.Length: > 0 } tag)
            {
                draft.Tags.Add(tag.Value);
            }
            else
            {
                _context.Report(CatalogDiagnostics.InvalidValue, item, "A tag", "must be a non-empty string");
            }
        }
    }

    private void ReadBody(JObject node, EndpointDraft draft)
    {
        draft.BodyParameter = _fields.OptionalString(node, "bodyParameter");
        var value = node.Get("body");
        if (value is null or JNull)
        {
            return;
        }

        if (value is not JObject body)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"body\"", "must be an object with a \"schema\"");
            return;
        }

        if (draft.Method == "GET")
        {
            _context.Report(CatalogDiagnostics.BodyOnGet, node.GetProperty("body")!, draft.Path ?? "?");
        }

        _fields.OptionalBool(body, "required");
        var contentType = _fields.OptionalString(body, "contentType");
        if (contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            _context.Report(CatalogDiagnostics.InvalidValue, body.Get("contentType")!, $"Content type '{contentType}'", "is not supported; use \"application/json\"");
        }

        if (body.Get("schema") is { } schema)
        {
            _checker.Check(schema);
        }
        else
        {
            _context.Report(CatalogDiagnostics.MissingField, body, "\"body\"", "schema", "the JSON Schema of the request body");
        }

        draft.Body = body;
    }

    private void ReadAnnotations(JObject node, EndpointDraft draft)
    {
        var (readOnly, destructive, idempotent) = draft.Method switch
        {
            "GET" or "HEAD" => (true, false, true),
            "PUT" => (false, true, true),
            "PATCH" => (false, true, false),
            "DELETE" => (false, true, true),
            _ => (false, false, false),
        };
        var openWorld = true;
        var value = node.Get("annotations");
        if (value is JObject annotations)
        {
            readOnly = _fields.OptionalBool(annotations, "readOnly") ?? readOnly;
            var explicitDestructive = _fields.OptionalBool(annotations, "destructive");
            destructive = explicitDestructive ?? (readOnly ? false : destructive);
            idempotent = _fields.OptionalBool(annotations, "idempotent") ?? idempotent;
            openWorld = _fields.OptionalBool(annotations, "openWorld") ?? openWorld;
        }
        else if (value is not null)
        {
            _context.Report(CatalogDiagnostics.InvalidValue, value, "\"annotations\"", "must be an object of readOnly / destructive / idempotent / openWorld flags");
        }

        draft.ReadOnly = readOnly;
        draft.Destructive = destructive;
        draft.Idempotent = idempotent;
        draft.OpenWorld = openWorld;
    }

    private void ReadTimeout(JObject node, EndpointDraft draft)
    {
        var value = node.Get("timeoutSeconds");
        if (value is null or JNull)
        {
            return;
        }

        if (value is JNumber number && !number.Text.StartsWith("-", StringComparison.Ordinal)
            && double.TryParse(number.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= 86400)
        {
            draft.Timeout = number.Text;
            return;
        }

        _context.Report(CatalogDiagnostics.InvalidValue, value, "\"timeoutSeconds\"", "must be a number of seconds above 0 and at most 86400");
    }

    private void ReadToolName(JObject node, EndpointDraft draft, List<ToolNameInfo> toolNames)
    {
        var explicitName = _fields.OptionalString(node, "tool");
        var baseName = explicitName ?? DeriveToolName(draft.Method, draft.Path);
        var toolName = _prefix + baseName;
        var anchor = (JNode?)node.Get("tool") ?? node.Get("path")!;
        draft.BaseName = baseName;
        draft.ToolName = toolName;
        var endpoint = $"{draft.Method} {draft.Path}";
        if (!IsValidToolName(toolName))
        {
            var problem = toolName.Length > 64 ? $"is {toolName.Length} characters long" : toolName.Length == 0 ? "is empty" : "has characters other than letters, digits, '_', '.' and '-'";
            _context.Report(CatalogDiagnostics.InvalidToolName, anchor, toolName, problem);
            return;
        }

        if (_toolNames.TryGetValue(toolName, out var other))
        {
            _context.Report(CatalogDiagnostics.DuplicateToolName, anchor, toolName, other);
            return;
        }

        _toolNames[toolName] = endpoint;
        toolNames.Add(new ToolNameInfo(toolName, endpoint, _context.Locate(anchor)));
        if (toolName.Length > ClientFriendlyToolNameLength)
        {
            _context.Report(CatalogDiagnostics.LongToolName, anchor, toolName,
                toolName.Length.ToString(CultureInfo.InvariantCulture), ClientFriendlyToolNameLength.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary><c>POST /api/calls/agents/{agentId}/test</c> → <c>post_calls_agents_test</c>.</summary>
    internal static string DeriveToolName(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        var segments = path.Split('/');
        var first = true;
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment.StartsWith("{", StringComparison.Ordinal))
            {
                continue;
            }

            if (first && string.Equals(segment, "api", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            var word = new StringBuilder();
            foreach (var c in segment)
            {
                if (c < 128 && char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                else if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
            }
        }

        return string.Join("_", words);
    }
}
