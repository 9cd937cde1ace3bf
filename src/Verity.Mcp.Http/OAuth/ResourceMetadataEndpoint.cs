using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;
using Verity.Mcp.HttpServer.Configuration;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// Protected Resource Metadata (RFC 9728) at <c>/.well-known/oauth-protected-resource</c> and at the form with the
/// resource's path appended (<c>…/mcp</c>), which is the one RFC 9728 §3.1 derives from the resource URL and the one
/// the 401s name. The resource is the configured public URL as written, whatever Host the request came with.
/// </summary>
internal sealed class ResourceMetadataEndpoint
{
    public const string BasePath = "/.well-known/oauth-protected-resource";
    private readonly byte[] _document;
    private readonly string _suffixedPath;

    public ResourceMetadataEndpoint(HttpServerOptions options)
    {
        _suffixedPath = options.ResourceMetadataPath;
        var metadata = new ProtectedResourceMetadata
        {
            Resource = options.PublicUrlText!,
            AuthorizationServers = [options.FrontendApiUrlText!.TrimEnd('/')],
            ScopesSupported = [options.ReadScope, options.WriteScope],
            BearerMethodsSupported = ["header"],
            ResourceName = $"{Common.Server.CompiledCatalog.ApiName} MCP server",
        };
        _document = JsonSerializer.SerializeToUtf8Bytes(metadata, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProtectedResourceMetadata)));
    }

    public bool Matches(PathString path) =>
        path.Equals(BasePath, StringComparison.OrdinalIgnoreCase) || path.Equals(_suffixedPath, StringComparison.OrdinalIgnoreCase);

    public Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return context.Response.Body.WriteAsync(_document).AsTask();
    }
}
