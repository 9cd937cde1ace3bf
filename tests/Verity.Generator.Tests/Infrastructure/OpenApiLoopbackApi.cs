using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers as an OpenAPI document says: the request is matched to the document's
/// operation (method and path template), and answered with the operation's first 2xx response, its JSON body made
/// from the response schema (read here with System.Text.Json, independently of the generator). Records requests.
/// </summary>
internal sealed class OpenApiLoopbackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly JsonObject _document;
    private readonly List<(Regex Pattern, int Parameters, JsonObject Item)> _paths = new();

    private OpenApiLoopbackApi(WebApplication app, JsonObject document)
    {
        _app = app;
        _document = document;
        foreach (var (template, item) in (JsonObject)document["paths"]!)
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?\}", "[^/]+") + "$";
            _paths.Add((new Regex(pattern, RegexOptions.CultureInvariant), template.Count(c => c == '{'), (JsonObject)item!));
        }

        // The most literal template wins: /repos/{owner}/{repo}/issues before /repos/{owner}/{repo}/{anything}.
        _paths.Sort((a, b) => a.Parameters.CompareTo(b.Parameters));
    }

    public string Url { get; private set; } = string.Empty;

    public ConcurrentQueue<(string Method, string PathAndQuery, string Body)> Requests { get; } = new();

    public static async Task<OpenApiLoopbackApi> StartAsync(string documentJson)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new OpenApiLoopbackApi(app, (JsonObject)JsonNode.Parse(documentJson)!);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return api;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue((context.Request.Method, context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget, body));

        var operation = _paths.Where(p => p.Pattern.IsMatch(path)).Select(p => p.Item[context.Request.Method.ToLowerInvariant()]).FirstOrDefault(o => o is not null) as JsonObject;
        if (operation is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var success = ((JsonObject)operation["responses"]!).Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).First();
        var response = Resolve(success.Value)!.AsObject();
        context.Response.StatusCode = int.TryParse(success.Key, out var status) ? status : 200;
        var schema = response["content"]?["application/json"]?["schema"];
        if (schema is null || status == 204)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Sample(schema, 0)?.ToJsonString() ?? "null", context.RequestAborted);
    }

    /// <summary>A value the schema accepts: every property, one item per array, the first enum value or branch.</summary>
    private JsonNode? Sample(JsonNode? node, int depth)
    {
        var schema = Resolve(node) as JsonObject;
        if (schema is null || depth > 12)
        {
            return null;
        }

        if (schema["allOf"] is JsonArray all)
        {
            var merged = new JsonObject();
            foreach (var part in all)
            {
                if (Sample(part, depth + 1) is JsonObject properties)
                {
                    foreach (var (key, value) in properties.ToList())
                    {
                        merged[key] = value?.DeepClone();
                    }
                }
            }

            return merged;
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray branches)
        {
            return Sample(branches[0], depth + 1);
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : schema["items"] is not null ? "array" : null);
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                var required = schema["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    // Deep optional parts are left out, so recursive schemas end.
                    if (depth < 4 || required.Contains(name))
                    {
                        result[name] = Sample(property, depth + 1);
                    }
                }

                return result;
            case "array":
                var item = Sample(schema["items"], depth + 1);
                return item is null ? new JsonArray() : new JsonArray(item);
            case "integer":
                return JsonValue.Create(schema["minimum"]?.GetValue<long>() ?? 1L);
            case "number":
                return JsonValue.Create(1.5);
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return JsonValue.Create(schema["format"]?.GetValue<string>() switch
                {
                    "date-time" => "2026-11-27T10:00:00Z",
                    "date" => "2026-11-27",
                    "uri" or "url" => "https://example.com/resource",
                    "email" => "octocat@example.com",
                    "uuid" => "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                    _ => "text",
                });
            default:
                return new JsonObject();
        }
    }

    private JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 16 && node is JsonObject obj && obj["$ref"] is JsonValue reference; hops++)
        {
            node = reference.GetValue<string>()[2..].Split('/').Aggregate((JsonNode?)_document, (current, segment) => current?[segment.Replace("~1", "/").Replace("~0", "~")]);
        }

        return node;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
