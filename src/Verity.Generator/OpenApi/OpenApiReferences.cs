using System;
using Verity.Generator.Catalog;
using Verity.Generator.Json;

namespace Verity.Generator.OpenApi;

/// <summary>
/// Follows <c>$ref</c>s to parameters, request bodies, responses and path items within the document
/// (<c>#/components/parameters/Name</c> and any other local JSON pointer). References to other files are not followed.
/// </summary>
internal sealed class OpenApiReferences
{
    private const int MaxHops = 16;

    private readonly JObject _document;

    public OpenApiReferences(JObject document)
    {
        _document = document;
    }

    /// <summary>The object the node is or refers to; else null and the reference that could not be followed (null when the node is no object).</summary>
    public (JObject? Node, string? Broken) Resolve(JNode? node)
    {
        for (var hops = 0; hops < MaxHops; hops++)
        {
            if (node is not JObject obj)
            {
                return (null, null);
            }

            if (obj.Get("$ref") is not JString reference)
            {
                return (obj, null);
            }

            var target = Pointer(reference.Value);
            if (target is null)
            {
                return (null, reference.Value);
            }

            node = target;
        }

        return (null, "(a $ref chain longer than 16)");
    }

    private JNode? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JNode? current = _document;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var segment = ToolSchemaBuilder.UnescapePointer(Uri.UnescapeDataString(raw));
            current = current switch
            {
                JObject obj => obj.Get(segment),
                JArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Items.Count => array.Items[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
