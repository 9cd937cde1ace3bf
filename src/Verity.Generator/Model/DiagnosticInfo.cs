using Microsoft.CodeAnalysis;
using Verity.Generator.Catalog;

namespace Verity.Generator.Model;

/// <summary>A diagnostic as plain data: which rule, the message arguments and where.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = CatalogDiagnostics.Get(Id);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
