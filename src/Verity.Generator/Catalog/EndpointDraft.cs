using System.Collections.Generic;
using Verity.Generator.Json;
using Verity.Generator.Model;

namespace Verity.Generator.Catalog;

/// <summary>One endpoint as read and checked from the catalog, before any C# name or type is chosen.</summary>
internal sealed class EndpointDraft
{
    public JObject Node = null!;
    public string Method = null!;
    public string Path = null!;
    public string ToolName = null!;
    public string BaseName = null!;
    public string Summary = null!;
    public string? Description;
    public List<string> Tags = new();
    public List<ParameterDraft> Parameters = new();
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

/// <summary>A path, query or header parameter as read from the catalog.</summary>
internal sealed class ParameterDraft
{
    public string Name = null!;
    public ArgumentLocation Location;
    public bool Required;
    public string? Description;
    public JNode? Schema;
}
