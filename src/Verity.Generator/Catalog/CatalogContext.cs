using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>
/// What every step reading one catalog shares: the diagnostics found so far, located in the catalog file, and the
/// registry of <c>components.schemas</c> that <c>$ref</c>s resolve against.
/// </summary>
internal sealed class CatalogContext
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly LineMap _lines;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, JNode> _components = new(StringComparer.Ordinal);

    public CatalogContext(string path, string text) => _lines = new LineMap(path, text);

    /// <summary>Errors reported so far: a step compares it before and after reading a part to know whether the part is usable.</summary>
    public int ErrorCount { get; private set; }

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public IEnumerable<JNode> Components => _components.Values;

    public void Report(DiagnosticDescriptor descriptor, JNode node, params string[] arguments) =>
        Report(descriptor, _lines.Locate(node), arguments);

    public void Report(DiagnosticDescriptor descriptor, JProperty property, params string[] arguments) =>
        Report(descriptor, _lines.Locate(property), arguments);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }

        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), location));
    }

    public LocationInfo Locate(JNode node) => _lines.Locate(node);

    public LocationInfo Locate(int start, int end) => _lines.Locate(start, end);

    public void AddComponent(string name, JNode schema) => _components[name] = schema;

    /// <summary>The component a <c>#/components/schemas/Name</c> reference points at, or null.</summary>
    public (string Name, JNode Node)? ResolveReference(string reference)
    {
        if (!reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = ToolSchemaBuilder.UnescapePointer(reference.Substring(ComponentPrefix.Length));
        return _components.TryGetValue(name, out var node) ? (name, node) : null;
    }
}
