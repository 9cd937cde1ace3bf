using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Verity.Generator.Catalog;

/// <summary>Every catalog problem the generator reports; IDs are stable (see AnalyzerReleases and docs/catalog.md).</summary>
internal static class CatalogDiagnostics
{
    private const string Category = "Verity.Catalog";

    public static readonly DiagnosticDescriptor MalformedJson = Error("VMCP001", "Catalog is not valid JSON",
        "The catalog is not valid JSON: {0} Fix the JSON at this position.");

    public static readonly DiagnosticDescriptor MissingField = Error("VMCP002", "Required catalog field is missing",
        "{0} has no '{1}'; add it ({2})");

    public static readonly DiagnosticDescriptor UnknownMethod = Error("VMCP003", "Unknown HTTP method",
        "Method '{0}' is not supported; use GET, POST, PUT, PATCH or DELETE");

    public static readonly DiagnosticDescriptor UnknownParameterLocation = Error("VMCP004", "Unknown parameter location",
        "Parameter '{0}' has \"in\": \"{1}\"; use \"path\", \"query\" or \"header\"");

    public static readonly DiagnosticDescriptor UndeclaredPathParameter = Error("VMCP005", "Path parameter is not declared",
        "The path '{0}' uses {{{1}}} but no parameter with \"in\": \"path\" is named '{1}'; declare it in \"parameters\"");

    public static readonly DiagnosticDescriptor UnusedPathParameter = Error("VMCP006", "Path parameter is not in the path",
        "Path parameter '{0}' does not appear in the path '{1}'; add {{{0}}} to the path or change its \"in\"");

    public static readonly DiagnosticDescriptor DuplicateToolName = Error("VMCP007", "Duplicate tool name",
        "Tool name '{0}' is already used by {1}; set a unique \"tool\" on this endpoint");

    public static readonly DiagnosticDescriptor InvalidToolName = Error("VMCP008", "Invalid tool name",
        "Tool name '{0}' {1}; tool names (prefix included) must match ^[A-Za-z0-9_.-]{{1,64}}$, so set a shorter or plainer \"tool\"");

    public static readonly DiagnosticDescriptor UnresolvedReference = Error("VMCP009", "Unresolvable $ref",
        "$ref '{0}' cannot be resolved; point it at an entry of components.schemas, e.g. \"#/components/schemas/Name\"");

    public static readonly DiagnosticDescriptor BodyOnGet = Error("VMCP010", "GET endpoint has a body",
        "GET {0} has a body; move its fields into query parameters or use another method");

    public static readonly DiagnosticDescriptor FlattenedBodyCollision = Error("VMCP011", "Body property collides with a parameter",
        "Body property '{0}' has the same name as a parameter of this endpoint; set \"bodyParameter\" (e.g. \"payload\") to pass the body as one argument");

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Warning("VMCP012", "Unsupported schema keyword",
        "Schema keyword '{0}' is not supported: it is kept in the schema but not checked before the call; remove it or use a supported keyword");

    public static readonly DiagnosticDescriptor EmptyEndpoints = Warning("VMCP013", "Catalog has no endpoints",
        "The catalog has no endpoints, so it produces no tools; add endpoint objects to \"endpoints\"");

    public static readonly DiagnosticDescriptor InvalidValue = Error("VMCP014", "Invalid catalog value",
        "{0} {1}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error("VMCP015", "The generator failed",
        "The Verity generator failed on this catalog ({0}: {1}); simplify the catalog around the last edit and report the problem");

    public static readonly DiagnosticDescriptor DuplicateArgument = Error("VMCP016", "Duplicate argument name",
        "Argument '{0}' is declared more than once for this endpoint; rename one of the parameters");

    public static readonly DiagnosticDescriptor InvalidPattern = Error("VMCP017", "Invalid regular expression",
        "pattern '{0}' is not a valid regular expression ({1}); fix the pattern");

    public static readonly DiagnosticDescriptor CollidingCatalogs = Error("VMCP018", "Two catalogs generate the same classes",
        "This catalog generates the {0} classes in namespace {1}, as {2} already does, so it is skipped; give one of them another api.name or namespace (e.g. the VerityNamespace item metadata)");

    public static readonly DiagnosticDescriptor LongToolName = Warning("VMCP019", "Tool name too long for some clients",
        "Tool name '{0}' is {1} characters long; Cursor drops a tool whose server name plus tool name is over 60 characters, so keep tool names (prefix included) to {2} or fewer: set a shorter \"tool\" on this endpoint or a shorter toolPrefix");

    public static readonly DiagnosticDescriptor DotSegmentTemplate = Warning("VMCP020", "Path segment can become a dot segment",
        "The path segment '{0}' joins path parameters with nothing but dots, so values such as '.' and '.' would make it the dot segment '..'; such calls are refused at run time. Give each parameter its own segment or put a literal between them (e.g. '{{a}}-{{b}}')");

    public static readonly DiagnosticDescriptor OperationLeftOut = Warning("VMCP021", "OpenAPI operation left out",
        "{0} is left out: {1}");

    public static readonly DiagnosticDescriptor PartLeftOut = Warning("VMCP022", "Part of an OpenAPI operation left out",
        "{0} of {1} is left out: {2}");

    public static readonly DiagnosticDescriptor ToolNameShortened = Warning("VMCP023", "Tool name shortened",
        "The tool name '{0}' would be {1} characters long with the prefix, over the limit of 64; it is shortened to '{2}'. Set \"x-mcp\": {{ \"name\": \"…\" }} on the operation to choose a name");

    public static readonly DiagnosticDescriptor NotOpenApi = Error("VMCP024", "Not an OpenAPI 3.0 or 3.1 document",
        "This file is read as an OpenAPI document but {0}; give it an \"openapi\": \"3.0.x\" or \"3.1.x\" version and \"paths\", or name it *.catalog.json if it is a catalog");

    public static readonly DiagnosticDescriptor MalformedYaml = Error("VMCP025", "Document is not valid YAML",
        "The document is not valid YAML: {0} Fix the YAML at this position.");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [MalformedJson.Id] = MalformedJson,
        [MissingField.Id] = MissingField,
        [UnknownMethod.Id] = UnknownMethod,
        [UnknownParameterLocation.Id] = UnknownParameterLocation,
        [UndeclaredPathParameter.Id] = UndeclaredPathParameter,
        [UnusedPathParameter.Id] = UnusedPathParameter,
        [DuplicateToolName.Id] = DuplicateToolName,
        [InvalidToolName.Id] = InvalidToolName,
        [UnresolvedReference.Id] = UnresolvedReference,
        [BodyOnGet.Id] = BodyOnGet,
        [FlattenedBodyCollision.Id] = FlattenedBodyCollision,
        [UnsupportedKeyword.Id] = UnsupportedKeyword,
        [EmptyEndpoints.Id] = EmptyEndpoints,
        [InvalidValue.Id] = InvalidValue,
        [GeneratorFailure.Id] = GeneratorFailure,
        [DuplicateArgument.Id] = DuplicateArgument,
        [InvalidPattern.Id] = InvalidPattern,
        [CollidingCatalogs.Id] = CollidingCatalogs,
        [LongToolName.Id] = LongToolName,
        [DotSegmentTemplate.Id] = DotSegmentTemplate,
        [OperationLeftOut.Id] = OperationLeftOut,
        [PartLeftOut.Id] = PartLeftOut,
        [ToolNameShortened.Id] = ToolNameShortened,
        [NotOpenApi.Id] = NotOpenApi,
        [MalformedYaml.Id] = MalformedYaml,
    };

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
