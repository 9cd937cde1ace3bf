using System.Collections.Generic;
using Verity.Generator.Json;

namespace Verity.Generator.OpenApi;

/// <summary>
/// Builds the catalog-shaped nodes an OpenAPI document is translated into. Each new node takes the place in the
/// document of the node it comes from, so a diagnostic found later (by the catalog's own checks) points into the
/// OpenAPI file.
/// </summary>
internal sealed class Nodes
{
    private readonly List<JProperty> _properties = new();
    private readonly JNode _at;

    public Nodes(JNode at)
    {
        _at = at;
    }

    public Nodes Add(string name, JNode? value)
    {
        if (value is not null)
        {
            _properties.Add(new JProperty(name, _at.Start, _at.Start, value));
        }

        return this;
    }

    /// <summary>A property placed where <paramref name="source"/>'s name is, for diagnostics that point at a key.</summary>
    public Nodes Add(JProperty source, string name, JNode? value)
    {
        if (value is not null)
        {
            _properties.Add(new JProperty(name, source.NameStart, source.NameEnd, value));
        }

        return this;
    }

    public Nodes Add(string name, string? value) => value is null ? this : Add(name, String(_at, value));

    public JObject Build() => new(_at.Start, _at.End, _properties);

    public static JString String(JNode at, string value) => new(at.Start, at.End, value);

    public static JString String(JProperty at, string value) => new(at.NameStart, at.NameEnd, value);

    public static JBool Bool(JNode at, bool value) => new(at.Start, at.End, value);

    public static JArray Array(JNode at, List<JNode> items) => new(at.Start, at.End, items);
}
