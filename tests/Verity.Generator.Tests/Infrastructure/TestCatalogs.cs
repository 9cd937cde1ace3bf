namespace Verity.Generator.Tests.Infrastructure;

/// <summary>Catalog texts for tests.</summary>
public static class TestCatalogs
{
    /// <summary>A catalog with the given endpoint objects (JSON text, comma-separated) and components.</summary>
    public static string With(string endpoints, string components = "{}", string extra = "") => $$"""
        {
          "api": { "name": "Sample", "version": "1", "baseUrl": "https://sample.example" },
          {{extra}}
          "components": { "schemas": {{components}} },
          "endpoints": [ {{endpoints}} ]
        }
        """;

    public const string SimpleGet = """
        { "method": "GET", "path": "/things/{id}", "summary": "Get a thing.",
          "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ] }
        """;

    /// <summary>Every schema shape the generator types, with awkward names, cycles and both body styles.</summary>
    public static string EveryType { get; } = With(
        endpoints: """
        {
          "method": "POST", "path": "/api/v1/widgets/{widget-id}/parts/{2fa}", "summary": "Create a part.",
          "description": "Exercises every argument type.",
          "tags": ["widget parts", "admin"],
          "parameters": [
            { "name": "widget-id", "in": "path", "schema": { "type": "integer", "format": "int32", "minimum": 1 } },
            { "name": "2fa", "in": "path", "schema": { "type": "string", "format": "uuid" } },
            { "name": "class", "in": "query", "schema": { "type": "string", "enum": ["a-b", "a_b", "2x", "", "Ünïcode", "class"] } },
            { "name": "since", "in": "query", "schema": { "type": "string", "format": "date-time" } },
            { "name": "ratio", "in": "query", "required": true, "schema": { "type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5 } },
            { "name": "flag", "in": "query", "schema": { "type": ["boolean", "null"] } },
            { "name": "ids", "in": "query", "schema": { "type": "array", "items": { "type": "integer" } } },
            { "name": "kinds", "in": "query", "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Kind" } } },
            { "name": "X-Trace", "in": "header", "schema": { "type": "string", "maxLength": 64 } },
            { "name": "filter", "in": "query", "schema": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } },
            { "name": "café", "in": "query", "schema": { "type": "string" } }
          ],
          "body": {
            "required": true,
            "contentType": "application/json",
            "schema": {
              "type": "object",
              "required": ["name", "node"],
              "properties": {
                "name": { "type": "string", "minLength": 1 },
                "node": { "$ref": "#/components/schemas/Node" },
                "kind": { "$ref": "#/components/schemas/Kind" },
                "size": { "type": ["integer", "null"], "minimum": 0 },
                "dimensions": { "type": "object", "properties": { "w": { "type": "number" }, "h": { "type": "number" } }, "required": ["w"] },
                "labels": { "type": "array", "items": { "type": "object", "properties": { "key": { "type": "string" }, "value": { "type": ["string", "null"] } }, "required": ["key"] } },
                "extra": { "type": "object" },
                "anything": {},
                "when": { "type": "string", "format": "date-time" },
                "Equals": { "type": "string" },
                "matrix": { "type": "array", "items": { "type": "array", "items": { "type": ["number", "null"] } } }
              },
              "additionalProperties": false
            }
          },
          "response": { "schema": { "$ref": "#/components/schemas/Node" } }
        },
        {
          "method": "PUT", "path": "/api/v1/widgets/{id}/tags", "summary": "Replace tags.",
          "bodyParameter": "payload",
          "parameters": [ { "name": "id", "in": "path", "schema": { "type": "string" } } ],
          "body": { "required": false, "schema": { "type": "array", "items": { "type": "string" } } },
          "response": { "schema": { "type": "array", "items": { "type": "string" } } }
        },
        {
          "method": "PATCH", "path": "/api/v1/widgets/{id}", "summary": "Patch a widget.",
          "parameters": [ { "name": "id", "in": "path", "schema": { "type": "string" } } ],
          "body": { "schema": { "$ref": "#/components/schemas/WidgetPatch" } }
        },
        {
          "method": "DELETE", "path": "/api/v1/widgets/{id}", "summary": "Delete a widget.", "tool": "widgets.delete-one",
          "parameters": [ { "name": "id", "in": "path", "schema": { "type": "string" } } ],
          "timeoutSeconds": 2.5
        },
        { "method": "GET", "path": "/api/v1/status", "summary": "Status." }
        """,
        components: """
        {
          "Kind": { "type": "string", "enum": ["small", "large"] },
          "Node": {
            "type": "object",
            "required": ["id"],
            "properties": {
              "id": { "type": "string" },
              "parent": { "$ref": "#/components/schemas/Node" },
              "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } }
            }
          },
          "WidgetPatch": {
            "type": "object",
            "properties": {
              "name": { "type": "string" },
              "note": { "type": ["string", "null"] },
              "kind": { "$ref": "#/components/schemas/Kind" }
            }
          }
        }
        """);
}
