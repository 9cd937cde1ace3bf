using Microsoft.CodeAnalysis;
using ModelContextProtocol.Server;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>Small OpenAPI documents written for the mapping tests, and helpers to run the generator over them.</summary>
internal static class OpenApiTestDocuments
{
    public const string JsonPath = "/repo/api/shop.openapi.json";
    public const string YamlPath = "/repo/api/shop.openapi.yaml";

    /// <summary>An OpenAPI 3.0 document that uses every mapped feature once.</summary>
    public const string Shop = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Shop API", "version": "2.1" },
          "servers": [ { "url": "https://{region}.shop.example/{base}", "variables": { "region": { "default": "eu" }, "base": { "default": "v2" } } } ],
          "paths": {
            "/items/{itemId}": {
              "parameters": [ { "$ref": "#/components/parameters/ItemId" } ],
              "get": {
                "operationId": "items/get-one",
                "summary": "Get an item.",
                "description": "Returns one item with its price.",
                "tags": ["items"],
                "parameters": [
                  { "name": "X-Request-Id", "in": "header", "schema": { "type": "string" } },
                  { "name": "Accept", "in": "header", "schema": { "type": "string" } },
                  { "name": "session", "in": "cookie", "schema": { "type": "string" } }
                ],
                "responses": {
                  "404": { "description": "Not found" },
                  "200": { "$ref": "#/components/responses/ItemFound" }
                }
              },
              "head": {
                "operationId": "items_exists",
                "summary": "Whether an item exists.",
                "responses": { "200": { "description": "Exists" } }
              },
              "put": {
                "operationId": "items_replace",
                "description": "Replaces an item. Everything is overwritten.",
                "requestBody": { "$ref": "#/components/requestBodies/ItemBody" },
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } } }
              },
              "delete": {
                "operationId": "items_delete",
                "summary": "Delete an item.",
                "x-mcp": { "destructive": false, "idempotent": true },
                "responses": { "204": { "description": "Deleted" } }
              }
            },
            "/items": {
              "get": {
                "summary": "List items.",
                "tags": ["items"],
                "parameters": [
                  { "name": "tag", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "fields", "in": "query", "style": "form", "explode": false, "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "exclusiveMinimum": true, "maximum": 100, "nullable": true } }
                ],
                "responses": { "200": { "description": "OK", "content": { "application/json; charset=utf-8": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Item" } } } } } }
              },
              "post": {
                "operationId": "items_create",
                "summary": "Create an item.",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } },
                "responses": { "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } } }
              }
            },
            "/items/{itemId}/photos": {
              "parameters": [ { "$ref": "#/components/parameters/ItemId" } ],
              "post": {
                "operationId": "items_add_photo",
                "summary": "Add a photo.",
                "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object" } } } },
                "responses": { "200": { "description": "OK" } }
              }
            },
            "/orders/{orderId}": {
              "get": {
                "summary": "Get an order.",
                "parameters": [ { "name": "orderId", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "OK" } }
              },
              "patch": {
                "operationId": "orders_update",
                "summary": "Update an order.",
                "parameters": [ { "name": "orderId", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "orderId": { "type": "string" }, "note": { "type": "string" } } } } } },
                "responses": { "200": { "description": "OK" } }
              }
            },
            "/orders": {
              "get": {
                "summary": "List orders.",
                "deprecated": true,
                "responses": { "200": { "description": "OK" } }
              }
            },
            "/legacy": {
              "get": { "operationId": "legacy_hidden", "summary": "Hidden.", "x-mcp": { "exclude": true }, "responses": { "200": { "description": "OK" } } },
              "post": { "operationId": "legacy_kept", "summary": "Kept though deprecated.", "deprecated": true, "x-mcp": { "exclude": false, "name": "legacy_post" }, "responses": { "200": { "description": "OK" } } },
              "options": { "operationId": "legacy_options", "summary": "Options.", "responses": { "200": { "description": "OK" } } }
            },
            "/search": {
              "get": {
                "operationId": "search",
                "summary": "Search.",
                "parameters": [ { "name": "filter", "in": "query", "required": true, "style": "deepObject", "schema": { "type": "object", "properties": { "a": { "type": "string" } } } } ],
                "responses": { "200": { "description": "OK" } }
              }
            }
          },
          "components": {
            "parameters": {
              "ItemId": { "name": "itemId", "in": "path", "required": true, "description": "The item's id.", "schema": { "type": "string", "pattern": "^[a-z0-9]+$" } }
            },
            "requestBodies": {
              "ItemBody": { "description": "The new item.", "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } }
            },
            "responses": {
              "ItemFound": { "description": "The item", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } }
            },
            "schemas": {
              "Item": {
                "type": "object",
                "required": ["id", "name"],
                "discriminator": { "propertyName": "kind" },
                "properties": {
                  "id": { "type": "string", "readOnly": true },
                  "name": { "type": "string", "example": "Lamp" },
                  "secret": { "type": "string", "writeOnly": true },
                  "price": { "type": "number", "nullable": true },
                  "status": { "type": "string", "enum": ["new", "sold"], "nullable": true },
                  "parent": { "allOf": [ { "$ref": "#/components/schemas/Item" } ], "nullable": true, "description": "The item this one belongs to." },
                  "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } }
                }
              },
              "Tag": { "type": "object", "properties": { "label": { "type": "string" } }, "x-internal": true }
            }
          }
        }
        """;

    public static CatalogFile File(string text, string path = JsonPath, Dictionary<string, string>? metadata = null) => new(path, text, metadata);

    public static GeneratorOutput Run(string text, string path = JsonPath, Dictionary<string, string>? metadata = null) =>
        GeneratorHarness.Run([File(text, path, metadata)]);

    public static Dictionary<string, McpServerTool> Tools(string text, string path = JsonPath, Dictionary<string, string>? metadata = null) =>
        GeneratedToolAssembly.CreateTools(File(text, path, metadata)).ToDictionary(tool => tool.ProtocolTool.Name, StringComparer.Ordinal);

    public static List<Diagnostic> Diagnostics(GeneratorOutput output, string id) => output.Diagnostics.Where(d => d.Id == id).ToList();

    /// <summary>Where <paramref name="needle"/> first starts in <paramref name="text"/> (zero-based line and column).</summary>
    public static (int Line, int Column) Position(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
        }

        var line = text[..index].Count(c => c == '\n');
        return (line, index - (text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1));
    }

    public static (int Line, int Column) Start(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (position.Line, position.Character);
    }
}
