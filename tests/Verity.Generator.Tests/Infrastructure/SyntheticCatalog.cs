using System.Globalization;
using System.Text;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>
/// Builds large, varied, valid catalogs in code (no file to keep in step with the format): every method, path,
/// query and header parameters of every type and constraint, flattened and single-argument bodies, inline and
/// shared enums and records (one of them cyclic), response schemas, tags, annotations and timeouts.
/// Shared by the generator tests and the generator benchmarks, so both measure the same shapes.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] Tags = ["accounts", "billing", "calls", "agents", "contacts", "reports", "numbers", "webhooks"];

    /// <summary>The text of a catalog with <paramref name="endpointCount"/> endpoints; the same count gives the same text.</summary>
    public static string Create(int endpointCount)
    {
        var json = new StringBuilder(endpointCount * 1600);
        json.Append("""
            {
              // Synthetic catalog for scale tests and benchmarks.
              "api": { "name": "Synthetic", "version": "1.0", "baseUrl": "https://synthetic.example" },
              "toolPrefix": "syn_",
              "namespace": "Synthetic.Tools",
              "components": {
                "schemas": {
                  "Status": { "type": "string", "enum": ["active", "paused", "archived", "in_progress"], "description": "Lifecycle state." },
                  "Money": {
                    "type": "object",
                    "required": ["amount", "currency"],
                    "properties": {
                      "amount": { "type": "integer", "format": "int64", "minimum": 0 },
                      "currency": { "type": "string", "pattern": "^[A-Z]{3}$" }
                    }
                  },
                  "Address": {
                    "type": "object",
                    "required": ["line1"],
                    "properties": {
                      "line1": { "type": "string", "minLength": 1, "maxLength": 200 },
                      "city": { "type": ["string", "null"] },
                      "country": { "type": "string", "enum": ["US", "GB", "DE", "TR"] }
                    }
                  },
                  "Node": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                      "id": { "type": "string" },
                      "parent": { "$ref": "#/components/schemas/Node" },
                      "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } }
                    }
                  },
                  "Resource": {
                    "type": "object",
                    "required": ["id", "status"],
                    "properties": {
                      "id": { "type": "string", "format": "uuid" },
                      "status": { "$ref": "#/components/schemas/Status" },
                      "price": { "$ref": "#/components/schemas/Money" },
                      "createdAt": { "type": "string", "format": "date-time" },
                      "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true },
                      "metadata": { "type": "object", "additionalProperties": { "type": "string" } }
                    }
                  },
                  "ResourcePage": {
                    "type": "object",
                    "required": ["data"],
                    "properties": {
                      "data": { "type": "array", "items": { "$ref": "#/components/schemas/Resource" } },
                      "nextCursor": { "type": ["string", "null"] }
                    }
                  }
                }
              },
              "endpoints": [
            """);
        for (var i = 0; i < endpointCount; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append('\n');
            AppendEndpoint(json, i);
        }

        json.Append("\n  ]\n}\n");
        return json.ToString();
    }

    /// <summary>The summary endpoint <paramref name="index"/> carries; unique in the text, so tests can edit one endpoint.</summary>
    public static string Summary(int index) => string.Create(CultureInfo.InvariantCulture, $"Synthetic operation #{index}.");

    private static void AppendEndpoint(StringBuilder json, int i)
    {
        var method = Methods[i % Methods.Length];
        var resource = string.Create(CultureInfo.InvariantCulture, $"r{i / Methods.Length}");
        var hasId = method != "POST" || i % 2 == 0;
        var path = hasId ? $"/api/{resource}/items/{{itemId}}" : $"/api/{resource}/items";
        var tag = Tags[i % Tags.Length];
        json.Append(CultureInfo.InvariantCulture, $$"""
                {
                  "method": "{{method}}",
                  "path": "{{path}}",
                  "description": "Line one of the description.\nLine two with \"quotes\", a backslash \\ and a tab\t.",
                  "tags": ["{{tag}}", "synthetic"],
                  "parameters": [
            """);
        var parameters = new List<string>();
        if (hasId)
        {
            parameters.Add("""{ "name": "itemId", "in": "path", "required": true, "description": "Item id.", "schema": { "type": "string", "minLength": 1, "maxLength": 64 } }""");
        }

        // Rotate through parameter shapes so every 8 endpoints cover all of them.
        switch (i % 8)
        {
            case 0:
                parameters.Add("""{ "name": "limit", "in": "query", "schema": { "type": "integer", "format": "int32", "minimum": 1, "maximum": 100, "default": 20 } }""");
                parameters.Add("""{ "name": "cursor", "in": "query", "schema": { "type": ["string", "null"] } }""");
                break;
            case 1:
                parameters.Add("""{ "name": "status", "in": "query", "schema": { "$ref": "#/components/schemas/Status" } }""");
                parameters.Add("""{ "name": "since", "in": "query", "schema": { "type": "string", "format": "date-time" } }""");
                break;
            case 2:
                parameters.Add("""{ "name": "ids", "in": "query", "schema": { "type": "array", "items": { "type": "integer" }, "minItems": 1, "maxItems": 50 } }""");
                parameters.Add("""{ "name": "X-Request-Id", "in": "header", "schema": { "type": "string", "format": "uuid" } }""");
                break;
            case 3:
                parameters.Add("""{ "name": "ratio", "in": "query", "required": true, "schema": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "multipleOf": 0.05 } }""");
                parameters.Add("""{ "name": "verbose", "in": "query", "schema": { "type": ["boolean", "null"] } }""");
                break;
            case 4:
                parameters.Add("""{ "name": "sort", "in": "query", "schema": { "type": "string", "enum": ["name", "-name", "created_at", "-created_at"] } }""");
                break;
            case 5:
                parameters.Add("""{ "name": "email", "in": "query", "schema": { "type": "string", "format": "email", "pattern": "^[^@]+@[^@]+$" } }""");
                parameters.Add("""{ "name": "kinds", "in": "query", "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Status" } } }""");
                break;
            case 6:
                parameters.Add("""{ "name": "filter", "in": "query", "schema": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } }""");
                break;
            default:
                break;
        }

        json.AppendJoin(",\n", parameters);
        json.Append("],\n");
        if (method is "POST" or "PUT" or "PATCH")
        {
            AppendBody(json, i);
        }

        if (i % 3 == 0)
        {
            json.Append("""  "response": { "schema": { "$ref": "#/components/schemas/ResourcePage" } },""").Append('\n');
        }
        else if (i % 3 == 1)
        {
            json.Append("""  "response": { "schema": { "$ref": "#/components/schemas/Resource" } },""").Append('\n');
        }

        if (i % 7 == 0)
        {
            json.Append("""  "annotations": { "openWorld": false, "idempotent": true },""").Append('\n');
        }

        if (i % 11 == 0)
        {
            json.Append("""  "timeoutSeconds": 12.5,""").Append('\n');
        }

        if (method is "POST" or "PUT" or "PATCH" && i % 4 == 1)
        {
            json.Append("""  "bodyParameter": "resource",""").Append('\n');
        }

        // Every endpoint ends on a field that is always present, so the commas above never trail.
        json.Append(CultureInfo.InvariantCulture, $"  \"summary\": \"{Summary(i)}\" }}");
    }

    private static void AppendBody(StringBuilder json, int i)
    {
        switch (i % 4)
        {
            case 0:
                // Flattened inline object with nested records, enums, arrays and a nullable field.
                json.Append("""
                      "body": {
                        "required": true,
                        "contentType": "application/json",
                        "schema": {
                          "type": "object",
                          "required": ["name", "price"],
                          "properties": {
                            "name": { "type": "string", "minLength": 1, "maxLength": 120 },
                            "price": { "$ref": "#/components/schemas/Money" },
                            "status": { "$ref": "#/components/schemas/Status" },
                            "priority": { "type": "string", "enum": ["low", "normal", "high"] },
                            "note": { "type": ["string", "null"] },
                            "address": { "$ref": "#/components/schemas/Address" },
                            "lines": { "type": "array", "items": { "type": "object", "required": ["sku"], "properties": { "sku": { "type": "string" }, "quantity": { "type": "integer", "minimum": 1 } } } },
                            "scheduledAt": { "type": "string", "format": "date-time" }
                          },
                          "additionalProperties": false
                        }
                      },

                    """);
                break;
            case 1:
                // The whole body as one argument.
                json.Append("""
                      "body": { "required": true, "description": "The resource.", "schema": { "$ref": "#/components/schemas/Resource" } },

                    """);
                break;
            case 2:
                // An optional flattened body of a shared record (PATCH-like partial update).
                json.Append("""
                      "body": { "required": false, "schema": { "$ref": "#/components/schemas/Address" } },

                    """);
                break;
            default:
                // An array body, passed as one named argument.
                json.Append("""
                      "body": { "required": true, "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Node" }, "maxItems": 10 } },

                    """);
                break;
        }
    }
}
