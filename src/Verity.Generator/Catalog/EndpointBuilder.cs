using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>Checks each endpoint object, then names and types the valid ones and writes their schemas.</summary>
internal sealed class EndpointBuilder
{
    private readonly CatalogParser _parser;
    private readonly CatalogNames _names;
    private readonly string _prefix;
    private readonly SchemaChecker _checker;
    private readonly List<Draft> _drafts = new();
    private readonly Dictionary<string, string> _toolNames = new(StringComparer.Ordinal);

    public EndpointBuilder(CatalogParser parser, CatalogNames names, string prefix, SchemaChecker checker)
    {
        _parser = parser;
        _names = names;
        _prefix = prefix;
        _checker = checker;
    }

    private sealed class Draft
    {
        public JObject Node = null!;
        public string Method = null!;
        public string Path = null!;
        public string ToolName = null!;
        public string BaseName = null!;
        public string Summary = null!;
        public string? Description;
        public List<string> Tags = new();
        public List<Parameter> Parameters = new();
        public List<PathPart> PathParts = new();
        public JObject? Body;
        public string? BodyParameter;
        public bool ReadOnly;
        public bool Destructive;
        public bool Idempotent;
        public bool OpenWorld;
        public string? Timeout;
        public JNode? Response;
    }

    private sealed class Parameter
    {
        public string Name = null!;
        public ArgumentLocation Location;
        public bool Required;
        public string? Description;
        public JNode? Schema;
    }

    public void Add(JNode item, List<ToolNameInfo> toolNames)
    {
        if (item is not JObject node)
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, item, "An endpoint", "must be a JSON object");
            return;
        }

        var errorsBefore = _parser.ErrorCount;
        var draft = new Draft { Node = node };
        var method = _parser.RequiredString(node, "method", "The endpoint", "GET, POST, PUT, PATCH or DELETE");
        var path = _parser.RequiredString(node, "path", "The endpoint", "the URL path, e.g. \"/api/agents/{agentId}\"");
        var summary = _parser.RequiredString(node, "summary", "The endpoint", "one line saying what the tool does");
        draft.Description = _parser.OptionalString(node, "description");

        if (method is not null)
        {
            draft.Method = method.ToUpperInvariant();
            if (!CatalogParser.IsKnownMethod(draft.Method))
            {
                _parser.Report(CatalogDiagnostics.UnknownMethod, node.Get("method")!, method);
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
                _parser.Report(CatalogDiagnostics.InvalidValue, response, "\"response\"", "must be an object with a \"schema\"");
            }
        }

        if (method is null || path is null)
        {
            return;
        }

        ReadToolName(node, draft, toolNames);
        if (_parser.ErrorCount == errorsBefore)
        {
            _drafts.Add(draft);
        }
    }

    private Dictionary<string, Parameter> ReadParameters(JObject node, Draft draft)
    {
        var byName = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var value = node.Get("parameters");
        if (value is null)
        {
            return byName;
        }

        if (value is not JArray list)
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, value, "\"parameters\"", "must be an array of parameter objects");
            return byName;
        }

        foreach (var item in list.Items)
        {
            if (item is not JObject parameterNode)
            {
                _parser.Report(CatalogDiagnostics.InvalidValue, item, "A parameter", "must be a JSON object with \"name\" and \"in\"");
                continue;
            }

            var name = _parser.RequiredString(parameterNode, "name", "The parameter", "its wire name");
            var location = _parser.RequiredString(parameterNode, "in", "The parameter", "\"path\", \"query\" or \"header\"");
            var parameter = new Parameter
            {
                Name = name ?? string.Empty,
                Description = _parser.OptionalString(parameterNode, "description"),
                Schema = parameterNode.Get("schema"),
                Required = _parser.OptionalBool(parameterNode, "required") ?? false,
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
                    _parser.Report(CatalogDiagnostics.UnknownParameterLocation, parameterNode.Get("in")!, name ?? "?", location);
                    continue;
            }

            if (name is null)
            {
                continue;
            }

            if (byName.ContainsKey(name))
            {
                _parser.Report(CatalogDiagnostics.DuplicateArgument, parameterNode.Get("name")!, name);
                continue;
            }

            byName[name] = parameter;
            draft.Parameters.Add(parameter);
        }

        return byName;
    }

    private void ReadPath(JNode pathNode, string path, Draft draft, Dictionary<string, Parameter> parameters)
    {
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "must start with '/'");
            return;
        }

        if (path.IndexOfAny(new[] { '?', '#' }) >= 0)
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "must not contain '?' or '#'; declare query parameters with \"in\": \"query\"");
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
                    _parser.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "has a '}' without a '{'");
                    return;
                }

                literal.Append(path[i]);
                continue;
            }

            var close = path.IndexOf('}', i + 1);
            if (close < 0)
            {
                _parser.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "has a '{' without a closing '}'");
                return;
            }

            var name = path.Substring(i + 1, close - i - 1);
            if (name.Length == 0 || name.IndexOf('{') >= 0)
            {
                _parser.Report(CatalogDiagnostics.InvalidValue, pathNode, $"Path '{path}'", "has an empty or nested '{…}' segment");
                return;
            }

            if (literal.Length > 0)
            {
                draft.PathParts.Add(new PathPart(literal.ToString(), null));
                literal.Clear();
            }

            if (!parameters.TryGetValue(name, out var parameter) || parameter.Location != ArgumentLocation.Path)
            {
                _parser.Report(CatalogDiagnostics.UndeclaredPathParameter, pathNode, path, name);
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
                _parser.Report(CatalogDiagnostics.DotSegmentTemplate, pathNode, segment);
            }
        }

        foreach (var parameter in draft.Parameters)
        {
            if (parameter.Location == ArgumentLocation.Path && !used.Contains(parameter.Name))
            {
                _parser.Report(CatalogDiagnostics.UnusedPathParameter, FindParameterNode(draft.Node, parameter.Name) ?? pathNode, parameter.Name, path);
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

    private void ReadTags(JObject node, Draft draft)
    {
        var value = node.Get("tags");
        if (value is null)
        {
            return;
        }

        if (value is not JArray list)
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, value, "\"tags\"", "must be an array of strings");
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
                _parser.Report(CatalogDiagnostics.InvalidValue, item, "A tag", "must be a non-empty string");
            }
        }
    }

    private void ReadBody(JObject node, Draft draft)
    {
        draft.BodyParameter = _parser.OptionalString(node, "bodyParameter");
        var value = node.Get("body");
        if (value is null or JNull)
        {
            return;
        }

        if (value is not JObject body)
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, value, "\"body\"", "must be an object with a \"schema\"");
            return;
        }

        if (draft.Method == "GET")
        {
            _parser.Report(CatalogDiagnostics.BodyOnGet, node.GetProperty("body")!, draft.Path ?? "?");
        }

        _parser.OptionalBool(body, "required");
        var contentType = _parser.OptionalString(body, "contentType");
        if (contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, body.Get("contentType")!, $"Content type '{contentType}'", "is not supported; use \"application/json\"");
        }

        if (body.Get("schema") is { } schema)
        {
            _checker.Check(schema);
        }
        else
        {
            _parser.Report(CatalogDiagnostics.MissingField, body, "\"body\"", "schema", "the JSON Schema of the request body");
        }

        draft.Body = body;
    }

    private void ReadAnnotations(JObject node, Draft draft)
    {
        var (readOnly, destructive, idempotent) = draft.Method switch
        {
            "GET" => (true, false, true),
            "PUT" => (false, true, true),
            "PATCH" => (false, true, false),
            "DELETE" => (false, true, true),
            _ => (false, false, false),
        };
        var openWorld = true;
        var value = node.Get("annotations");
        if (value is JObject annotations)
        {
            readOnly = _parser.OptionalBool(annotations, "readOnly") ?? readOnly;
            var explicitDestructive = _parser.OptionalBool(annotations, "destructive");
            destructive = explicitDestructive ?? (readOnly ? false : destructive);
            idempotent = _parser.OptionalBool(annotations, "idempotent") ?? idempotent;
            openWorld = _parser.OptionalBool(annotations, "openWorld") ?? openWorld;
        }
        else if (value is not null)
        {
            _parser.Report(CatalogDiagnostics.InvalidValue, value, "\"annotations\"", "must be an object of readOnly / destructive / idempotent / openWorld flags");
        }

        draft.ReadOnly = readOnly;
        draft.Destructive = destructive;
        draft.Idempotent = idempotent;
        draft.OpenWorld = openWorld;
    }

    private void ReadTimeout(JObject node, Draft draft)
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

        _parser.Report(CatalogDiagnostics.InvalidValue, value, "\"timeoutSeconds\"", "must be a number of seconds above 0 and at most 86400");
    }

    private void ReadToolName(JObject node, Draft draft, List<ToolNameInfo> toolNames)
    {
        var explicitName = _parser.OptionalString(node, "tool");
        var baseName = explicitName ?? DeriveToolName(draft.Method, draft.Path);
        var toolName = _prefix + baseName;
        var anchor = (JNode?)node.Get("tool") ?? node.Get("path")!;
        draft.BaseName = baseName;
        draft.ToolName = toolName;
        var endpoint = $"{draft.Method} {draft.Path}";
        if (!CatalogParser.IsValidToolName(toolName))
        {
            var problem = toolName.Length > 64 ? $"is {toolName.Length} characters long" : toolName.Length == 0 ? "is empty" : "has characters other than letters, digits, '_', '.' and '-'";
            _parser.Report(CatalogDiagnostics.InvalidToolName, anchor, toolName, problem);
            return;
        }

        if (_toolNames.TryGetValue(toolName, out var other))
        {
            _parser.Report(CatalogDiagnostics.DuplicateToolName, anchor, toolName, other);
            return;
        }

        _toolNames[toolName] = endpoint;
        toolNames.Add(new ToolNameInfo(toolName, endpoint, _parser.Locate(anchor)));
        if (toolName.Length > CatalogParser.ClientFriendlyToolNameLength)
        {
            _parser.Report(CatalogDiagnostics.LongToolName, anchor, toolName,
                toolName.Length.ToString(CultureInfo.InvariantCulture), CatalogParser.ClientFriendlyToolNameLength.ToString(CultureInfo.InvariantCulture));
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

    public (List<EndpointModel> Endpoints, List<TypeDecl> SharedTypes, List<string> JsonTypes, List<ToolSummary> Tools) Build()
    {
        var typeNames = new NameScope(_names.ToolsClass, _names.ApiClass, _names.JsonContextClass);
        var groupScopes = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var draft in _drafts)
        {
            var tag = draft.Tags.Count > 0 ? draft.Tags[0] : "General";
            if (!groupNames.ContainsKey(tag))
            {
                var group = typeNames.Reserve(_names.ApiIdentifier + Identifiers.ToPascal(tag) + "Tools");
                groupNames[tag] = group;
                groupScopes[group] = new NameScope(group);
            }
        }

        var resolver = new TypeResolver(_parser, typeNames);
        var schemas = new ToolSchemaBuilder(_parser);
        var apiMembers = new NameScope(_names.ApiClass, "Client");
        var endpoints = new List<EndpointModel>(_drafts.Count);
        var tools = new List<ToolSummary>(_drafts.Count);
        var inlineNames = new List<string>();
        foreach (var draft in _drafts)
        {
            var group = groupNames[draft.Tags.Count > 0 ? draft.Tags[0] : "General"];
            var pascal = Identifiers.ToPascal(draft.BaseName);
            var toolClass = groupScopes[group].Reserve(pascal + "Tool");
            var methodName = apiMembers.Reserve(pascal, "Async");
            apiMembers.Reserve("Create" + methodName + "Request");
            var model = BuildEndpoint(draft, group, toolClass, methodName, pascal, resolver, schemas);
            foreach (var type in model.InlineTypes)
            {
                inlineNames.Add(type.Name);
            }

            endpoints.Add(model);
            tools.Add(new ToolSummary(draft.ToolName, group, toolClass));
        }

        var jsonTypes = new List<string>();
        foreach (var type in resolver.SharedTypes)
        {
            jsonTypes.Add(type.Name);
        }

        jsonTypes.AddRange(inlineNames);
        return (endpoints, resolver.SharedTypes, jsonTypes, tools);
    }

    private EndpointModel BuildEndpoint(Draft draft, string group, string toolClass, string methodName, string pascal, TypeResolver resolver, ToolSchemaBuilder schemas)
    {
        var locals = new NameScope("cancellationToken", "request", "arguments", "value", "element", "writer", "client");
        var inline = new List<TypeDecl>();
        var arguments = new List<ArgumentModel>();
        var schemaArguments = new List<ToolSchemaBuilder.Argument>();
        var required = new List<string>();
        foreach (var parameter in draft.Parameters)
        {
            var type = parameter.Schema is null
                ? new TypeRef(TypeKind.String, null, null, false)
                : resolver.Resolve(parameter.Schema, pascal + Identifiers.ToPascal(parameter.Name), inline);
            type = type.AsNullable(type.Nullable || !parameter.Required);
            arguments.Add(new ArgumentModel(parameter.Name, locals.Reserve(Identifiers.ToCamel(parameter.Name)), parameter.Location, parameter.Required, type));
            schemaArguments.Add(new ToolSchemaBuilder.Argument(parameter.Name, parameter.Schema, parameter.Description));
            if (parameter.Required)
            {
                required.Add(parameter.Name);
            }
        }

        var body = BuildBody(draft, pascal, resolver, inline, locals, schemaArguments, required);
        var description = draft.Summary.Trim();
        if (!string.IsNullOrWhiteSpace(draft.Description))
        {
            description += "\n\n" + draft.Description!.Trim();
        }

        var pathParts = new List<PathPart>(draft.PathParts.Count);
        foreach (var part in draft.PathParts)
        {
            pathParts.Add(part);
        }

        var output = schemas.BuildOutput(draft.Response);
        return new EndpointModel(
            _names,
            draft.ToolName,
            draft.Method,
            draft.Path,
            group,
            toolClass,
            methodName,
            description,
            schemas.BuildInput(schemaArguments, required),
            output?.Json,
            output?.WrapsResult ?? false,
            draft.ReadOnly,
            draft.Destructive,
            draft.Idempotent,
            draft.OpenWorld,
            draft.Timeout,
            draft.Tags.ToEquatableArray(),
            pathParts.ToEquatableArray(),
            arguments.ToEquatableArray(),
            body,
            inline.ToEquatableArray());
    }

    private BodyModel? BuildBody(Draft draft, string pascal, TypeResolver resolver, List<TypeDecl> inline, NameScope locals, List<ToolSchemaBuilder.Argument> schemaArguments, List<string> required)
    {
        if (draft.Body is null)
        {
            return null;
        }

        var body = draft.Body;
        var schema = body.Get("schema");
        var bodyRequired = body.Get("required") is JBool { Value: true };
        var type = resolver.Resolve(schema, pascal + "Body", inline).AsNullable(!bodyRequired);
        var declaration = type.Kind == TypeKind.Record ? resolver.FindDeclaration(type.Name!) : null;
        var bodyDescription = (body.Get("description") as JString)?.Value;
        var argumentName = draft.BodyParameter ?? (declaration is null ? "body" : null);
        if (argumentName is not null)
        {
            if (draft.Parameters.Exists(p => p.Name == argumentName))
            {
                _parser.Report(CatalogDiagnostics.FlattenedBodyCollision, draft.Node.GetProperty("body")!, argumentName);
            }

            schemaArguments.Add(new ToolSchemaBuilder.Argument(argumentName, schema, bodyDescription));
            if (bodyRequired)
            {
                required.Add(argumentName);
            }

            return new BodyModel(locals.Reserve(Identifiers.ToCamel(argumentName)), argumentName, bodyRequired, type, EquatableArray<PropertyDecl>.Empty);
        }

        var objectSchema = ResolveObject(schema);
        var requiredProperties = objectSchema is null ? new HashSet<string>() : TypeResolver.RequiredNames(objectSchema);
        foreach (var property in declaration!.Properties)
        {
            if (draft.Parameters.Exists(p => p.Name == property.JsonName))
            {
                _parser.Report(CatalogDiagnostics.FlattenedBodyCollision, draft.Node.GetProperty("body")!, property.JsonName);
                continue;
            }

            var propertySchema = (objectSchema?.Get("properties") as JObject)?.Get(property.JsonName);
            schemaArguments.Add(new ToolSchemaBuilder.Argument(property.JsonName, propertySchema, null));
            if (bodyRequired && requiredProperties.Contains(property.JsonName))
            {
                required.Add(property.JsonName);
            }
        }

        return new BodyModel(locals.Reserve("body"), null, bodyRequired, type, declaration.Properties);
    }

    private JObject? ResolveObject(JNode? schema)
    {
        for (var hops = 0; hops < 16 && schema is JObject obj && obj.Get("$ref") is JString reference; hops++)
        {
            schema = _parser.ResolveReference(reference.Value)?.Node;
        }

        return schema as JObject;
    }
}
