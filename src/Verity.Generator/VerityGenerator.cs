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
/// Turns every <c>*.catalog.json</c> AdditionalFiles item into strongly typed MCP tools.
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
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".catalog.json", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
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

        var endpoints = parsed
            .SelectMany(static (result, _) => result.Endpoints)
            .WithTrackingName(Steps.Endpoints);
        context.RegisterSourceOutput(endpoints, static (spc, endpoint) =>
            AddSource(spc, endpoint.Names.FileName, () => EndpointEmitter.HintName(endpoint), () => EndpointEmitter.Emit(endpoint)));

        var sharedTypes = parsed
            .SelectMany(static (result, _) => result.SharedTypes)
            .WithTrackingName(Steps.SharedTypes);
        context.RegisterSourceOutput(sharedTypes, static (spc, type) =>
            AddSource(spc, type.Names.FileName, () => CatalogEmitter.TypeHintName(type), () => CatalogEmitter.EmitSharedType(type)));

        var catalogs = parsed
            .Where(static result => result.Catalog is not null)
            .Select(static (result, _) => result.Catalog!)
            .WithTrackingName(Steps.Catalogs);
        context.RegisterSourceOutput(catalogs, static (spc, catalog) =>
        {
            AddSource(spc, catalog.Names.FileName, () => CatalogEmitter.ToolsHintName(catalog), () => CatalogEmitter.EmitTools(catalog));
            AddSource(spc, catalog.Names.FileName, () => CatalogEmitter.ApiHintName(catalog), () => CatalogEmitter.EmitApi(catalog));
            AddSource(spc, catalog.Names.FileName, () => CatalogEmitter.JsonContextHintName(catalog), () => CatalogEmitter.EmitJsonContext(catalog));
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
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        return new CatalogInput(text.Path, content, Blank(ns), Blank(prefix), Blank(rootNamespace));
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
