using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Verity.Generator;

internal enum InputKind
{
    None,
    Catalog,
    OpenApi,
}

/// <summary>
/// Which AdditionalFiles the generator reads, and as what: the item metadata <c>VerityFormat</c> (<c>catalog</c> or
/// <c>openapi</c>) decides when set, so a document keeps the name it was published under; otherwise the name does:
/// <c>*.catalog.json</c> is a catalog, <c>*.openapi.json</c> / <c>*.openapi.yaml</c> / <c>*.openapi.yml</c> an OpenAPI document.
/// </summary>
internal static class InputKinds
{
    public static InputKind Of(string path, AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_metadata.AdditionalFiles.VerityFormat", out var format) && !string.IsNullOrWhiteSpace(format))
        {
            return format.Trim().ToLowerInvariant() switch
            {
                "openapi" => InputKind.OpenApi,
                "catalog" => InputKind.Catalog,
                _ => InputKind.None,
            };
        }

        if (path.EndsWith(".catalog.json", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Catalog;
        }

        return path.EndsWith(".openapi.json", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".openapi.yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".openapi.yml", StringComparison.OrdinalIgnoreCase)
            ? InputKind.OpenApi
            : InputKind.None;
    }
}
