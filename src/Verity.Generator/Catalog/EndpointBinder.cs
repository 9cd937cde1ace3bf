using System;
using System.Collections.Generic;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>
/// The binding step: gives the drafts of one catalog their C# names (groups, tool classes, typed-client methods,
/// arguments), resolves their schemas to C# types, and writes each tool's input and output schema.
/// </summary>
internal sealed class EndpointBinder
{
    private readonly CatalogContext _context;
    private readonly CatalogNames _names;

    public EndpointBinder(CatalogContext context, CatalogNames names)
    {
        _context = context;
        _names = names;
    }

    public (List<EndpointModel> Endpoints, List<TypeDecl> SharedTypes, List<string> JsonTypes, List<ToolSummary> Tools) Bind(List<EndpointDraft> drafts)
    {
        var typeNames = new NameScope(_names.ToolsClass, _names.ApiClass, _names.JsonContextClass);
        var groupScopes = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var tag = draft.Tags.Count > 0 ? draft.Tags[0] : "General";
            if (!groupNames.ContainsKey(tag))
            {
                var group = typeNames.Reserve(_names.ApiIdentifier + Identifiers.ToPascal(tag) + "Tools");
                groupNames[tag] = group;
                groupScopes[group] = new NameScope(group);
            }
        }

        var resolver = new TypeResolver(_context, typeNames);
        var schemas = new ToolSchemaBuilder(_context);
        var apiMembers = new NameScope(_names.ApiClass, "Client", "Redactor");
        var endpoints = new List<EndpointModel>(drafts.Count);
        var tools = new List<ToolSummary>(drafts.Count);
        var inlineNames = new List<string>();
        foreach (var draft in drafts)
        {
            var group = groupNames[draft.Tags.Count > 0 ? draft.Tags[0] : "General"];
            var pascal = Identifiers.ToPascal(draft.BaseName);
            var toolClass = groupScopes[group].Reserve(pascal + "Tool");
            var methodName = apiMembers.Reserve(pascal, "Async", "RawAsync");
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

    private EndpointModel BuildEndpoint(EndpointDraft draft, string group, string toolClass, string methodName, string pascal, TypeResolver resolver, ToolSchemaBuilder schemas)
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
            arguments.Add(new ArgumentModel(parameter.Name, locals.Reserve(Identifiers.ToCamel(parameter.Name)), parameter.Location, parameter.Required, type, parameter.Description));
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
        var responseType = draft.Response is null ? null : resolver.Resolve(draft.Response, pascal + "Response", inline);
        return new EndpointModel
        {
            Names = _names,
            ToolName = draft.ToolName,
            Method = draft.Method,
            Path = draft.Path,
            GroupClass = group,
            ToolClass = toolClass,
            MethodName = methodName,
            Description = description,
            InputSchemaJson = schemas.BuildInput(schemaArguments, required),
            OutputSchemaJson = output?.Json,
            OutputWrapsResult = output?.WrapsResult ?? false,
            ResponseType = responseType,
            ReadOnly = draft.ReadOnly,
            Destructive = draft.Destructive,
            Idempotent = draft.Idempotent,
            OpenWorld = draft.OpenWorld,
            TimeoutSeconds = draft.Timeout,
            Tags = draft.Tags.ToEquatableArray(),
            PathParts = pathParts.ToEquatableArray(),
            Arguments = arguments.ToEquatableArray(),
            Body = body,
            InlineTypes = inline.ToEquatableArray(),
        };
    }

    private BodyModel? BuildBody(EndpointDraft draft, string pascal, TypeResolver resolver, List<TypeDecl> inline, NameScope locals, List<ToolSchemaBuilder.Argument> schemaArguments, List<string> required)
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
                _context.Report(CatalogDiagnostics.FlattenedBodyCollision, draft.Node.GetProperty("body")!, argumentName);
            }

            schemaArguments.Add(new ToolSchemaBuilder.Argument(argumentName, schema, bodyDescription));
            if (bodyRequired)
            {
                required.Add(argumentName);
            }

            return new BodyModel(locals.Reserve(Identifiers.ToCamel(argumentName)), argumentName, bodyRequired, type, EquatableArray<PropertyDecl>.Empty, bodyDescription);
        }

        var objectSchema = ResolveObject(schema);
        var requiredProperties = objectSchema is null ? new HashSet<string>() : TypeResolver.RequiredNames(objectSchema);
        foreach (var property in declaration!.Properties)
        {
            if (draft.Parameters.Exists(p => p.Name == property.JsonName))
            {
                _context.Report(CatalogDiagnostics.FlattenedBodyCollision, draft.Node.GetProperty("body")!, property.JsonName);
                continue;
            }

            var propertySchema = (objectSchema?.Get("properties") as JObject)?.Get(property.JsonName);
            schemaArguments.Add(new ToolSchemaBuilder.Argument(property.JsonName, propertySchema, null));
            if (bodyRequired && requiredProperties.Contains(property.JsonName))
            {
                required.Add(property.JsonName);
            }
        }

        return new BodyModel(locals.Reserve("body"), null, bodyRequired, type, declaration.Properties, bodyDescription);
    }

    private JObject? ResolveObject(JNode? schema)
    {
        for (var hops = 0; hops < 16 && schema is JObject obj && obj.Get("$ref") is JString reference; hops++)
        {
            schema = _context.ResolveReference(reference.Value)?.Node;
        }

        return schema as JObject;
    }
}
