using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Verity.Generator.Catalog;
using Verity.Generator.Emit;
using Verity.Generator.Model;

namespace Verity.Generator;

/// <summary>
/// Turns every <c>*.catalog.json</c> AdditionalFiles item, and every OpenAPI document (<c>*.openapi.json</c>,
/// <c>*.openapi.yaml</c>, <c>*.openapi.yml</c>, or any file with the item metadata <c>VerityFormat=openapi</c>), into
/// strongly typed MCP tools; an OpenAPI document is translated into the catalog it means first (see docs/openapi.md).
/// Pipeline: read (text + options) → parse (equatable models + diagnostics as data) → emit, one file per endpoint
/// plus shared files, so an edit to one endpoint re-emits that endpoint's file only.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VerityGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    public static class Steps
    {
        public const string Input = "Verity.CatalogInput";
        public const string Parse = "Verity.Parse";
        public const string Diagnostics = "Verity.Diagnostics";
        public const string Endpoints = "Verity.Endpoints";
        public const string SharedTypes = "Verity.SharedTypes";
        public const string Catalogs = "Verity.Catalogs";
        public const string ToolNames = "Verity.ToolNames";
        public const string Collisions = "Verity.Collisions";
        public const string CompiledCatalogs = "Verity.CompiledCatalogs";
        public const string SearchIndex = "Verity.SearchIndex";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => InputKinds.Of(pair.Left.Path, pair.Right.GetOptions(pair.Left)) != InputKind.None)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(Steps.Input);

        var parsed = inputs
            .Select(static (input, cancellationToken) => CatalogParser.Parse(input, cancellationToken))
            .WithTrackingName(Steps.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(Steps.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Two catalogs with the same namespace and API name would emit the same files; the first (by path) wins.
        var collisions = parsed
            .Select(static (result, _) => result.Catalog is null ? null : new CatalogKey(result.Catalog.Names.FilePath, result.Catalog.Names.HintPrefix))
            .Collect()
            .Select(static (keys, _) => FindCollisions(keys))
            .WithTrackingName(Steps.Collisions);
        context.RegisterSourceOutput(collisions, static (spc, items) => ReportCollisions(spc, items));

        // Skipped catalogs are filtered before the per-item steps, so each output still reads one named step.
        var kept = parsed.Combine(collisions);

        var endpoints = kept
            .SelectMany(static (pair, _) => IsSkipped(pair.Right, pair.Left) ? EquatableArray<EndpointModel>.Empty : pair.Left.Endpoints)
            .WithTrackingName(Steps.Endpoints);
        context.RegisterSourceOutput(endpoints, static (spc, endpoint) =>
            AddSource(spc, endpoint.Names.FileName, () => EndpointEmitter.HintName(endpoint), () => EndpointEmitter.Emit(endpoint)));

        var sharedTypes = kept
            .SelectMany(static (pair, _) => IsSkipped(pair.Right, pair.Left) ? EquatableArray<SharedTypeModel>.Empty : pair.Left.SharedTypes)
            .WithTrackingName(Steps.SharedTypes);
        context.RegisterSourceOutput(sharedTypes, static (spc, type) =>
            AddSource(spc, type.Names.FileName, () => CatalogEmitter.TypeHintName(type), () => CatalogEmitter.EmitSharedType(type)));

        var catalogs = kept
            .Where(static pair => pair.Left.Catalog is not null && !IsSkipped(pair.Right, pair.Left))
            .Select(static (pair, _) => pair.Left.Catalog!)
            .WithTrackingName(Steps.Catalogs);
        context.RegisterSourceOutput(catalogs, static (spc, catalog) =>
        {
            AddSource(spc, catalog.Names.FileName, () => CatalogEmitter.ToolsHintName(catalog), () => CatalogEmitter.EmitTools(catalog));
            AddSource(spc, catalog.Names.FileName, () => CatalogEmitter.ApiHintName(catalog), () => CatalogEmitter.EmitApi(catalog));
            AddSource(spc, catalog.Names.FileName, () => CatalogEmitter.JsonContextHintName(catalog), () => CatalogEmitter.EmitJsonContext(catalog));
        });

        // Built from the endpoint models, so an edit that changes no tool (a comment, whitespace) leaves the index cached.
        var searchIndexes = kept
            .Where(static pair => pair.Left.Catalog is not null && !IsSkipped(pair.Right, pair.Left))
            .Select(static (pair, _) => SearchIndexBuilder.Build(pair.Left.Catalog!.Names, pair.Left.Endpoints))
            .WithTrackingName(Steps.SearchIndex);
        context.RegisterSourceOutput(searchIndexes, static (spc, index) =>
            AddSource(spc, index.Names.FileName, () => SearchIndexEmitter.HintName(index), () => SearchIndexEmitter.Emit(index)));

        // Only the names of each tools class: editing an endpoint leaves this file alone.
        var entries = catalogs
            .Select(static (catalog, _) => new CatalogEntryModel(catalog.Names.FilePath, catalog.Names.Namespace, catalog.Names.ToolsClass))
            .Collect()
            .Select(static (items, _) => SortByPath(items))
            .WithTrackingName(Steps.CompiledCatalogs);
        context.RegisterSourceOutput(entries, static (spc, items) =>
        {
            if (items.Count > 0)
            {
                AddSource(spc, items[0].FilePath, static () => CatalogEmitter.CompiledCatalogsHintName, () => CatalogEmitter.EmitCompiledCatalogs(items));
            }
        });

        var toolNames = parsed
            .Select(static (result, _) => result.ToolNames)
            .Collect()
            .WithTrackingName(Steps.ToolNames);
        context.RegisterSourceOutput(toolNames, static (spc, all) => ReportDuplicatesAcrossCatalogs(spc, all));
    }

    private static CatalogInput ReadInput(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(text);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.VerityNamespace", out var ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.VerityToolPrefix", out var prefix);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.VerityApiName", out var apiName);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.VerityIncludeDeprecated", out var includeDeprecated);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        return new CatalogInput(text.Path, content, Blank(ns), Blank(prefix), Blank(rootNamespace))
        {
            IsOpenApi = InputKinds.Of(text.Path, fileOptions) == InputKind.OpenApi,
            ApiNameOverride = Blank(apiName),
            IncludeDeprecated = string.Equals(Blank(includeDeprecated), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static EquatableArray<CatalogEntryModel> SortByPath(ImmutableArray<CatalogEntryModel> items)
    {
        var sorted = new List<CatalogEntryModel>(items);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        return sorted.ToEquatableArray();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static void AddSource(SourceProductionContext context, string catalogFile, Func<string> hintName, Func<string> emit)
    {
        try
        {
            context.AddSource(hintName(), SourceText.From(emit(), System.Text.Encoding.UTF8));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                CatalogDiagnostics.GeneratorFailure,
                Location.None,
                exception.GetType().Name,
                $"{exception.Message} (catalog {catalogFile})"));
        }
    }

    /// <summary>A skipped catalog (key) and the catalog that keeps the names (<see cref="CatalogKey.FilePath"/> of First).</summary>
    private sealed record Collision(CatalogKey Skipped, string First);

    private static EquatableArray<Collision> FindCollisions(ImmutableArray<CatalogKey?> keys)
    {
        if (keys.Length < 2)
        {
            return EquatableArray<Collision>.Empty;
        }

        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = new List<CatalogKey>();
        foreach (var key in keys)
        {
            if (key is not null)
            {
                ordered.Add(key);
            }
        }

        ordered.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        var collisions = new List<Collision>();
        foreach (var key in ordered)
        {
            if (first.TryGetValue(key.HintPrefix, out var winner))
            {
                collisions.Add(new Collision(key, winner));
            }
            else
            {
                first[key.HintPrefix] = key.FilePath;
            }
        }

        return collisions.ToEquatableArray();
    }

    private static bool IsSkipped(EquatableArray<Collision> collisions, CatalogParseResult result)
    {
        if (result.Catalog is null)
        {
            return false;
        }

        foreach (var collision in collisions)
        {
            if (collision.Skipped.FilePath == result.Catalog.Names.FilePath)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReportCollisions(SourceProductionContext context, EquatableArray<Collision> collisions)
    {
        foreach (var collision in collisions)
        {
            var separator = collision.Skipped.HintPrefix.LastIndexOf('.');
            context.ReportDiagnostic(Diagnostic.Create(
                CatalogDiagnostics.CollidingCatalogs,
                Location.Create(collision.Skipped.FilePath, default, default),
                collision.Skipped.HintPrefix.Substring(separator + 1),
                collision.Skipped.HintPrefix.Substring(0, Math.Max(separator, 0)),
                collision.First));
        }
    }

    private static void ReportDuplicatesAcrossCatalogs(SourceProductionContext context, ImmutableArray<EquatableArray<ToolNameInfo>> catalogs)
    {
        if (catalogs.Length < 2)
        {
            return;
        }

        var seen = new Dictionary<string, ToolNameInfo>(StringComparer.Ordinal);
        foreach (var names in catalogs)
        {
            var local = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (!local.Add(name.ToolName))
                {
                    continue;
                }

                if (seen.TryGetValue(name.ToolName, out var first))
                {
                    var where = first.Location is null ? first.Endpoint : $"{first.Endpoint} in {first.Location.FilePath}";
                    context.ReportDiagnostic(Diagnostic.Create(
                        CatalogDiagnostics.DuplicateToolName,
                        name.Location?.ToLocation() ?? Location.None,
                        name.ToolName,
                        where));
                }
                else
                {
                    seen[name.ToolName] = name;
                }
            }
        }
    }
}
