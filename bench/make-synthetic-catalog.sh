#!/usr/bin/env bash
# Writes a synthetic Verity catalog with N endpoints (default 1000) for the start-up benchmark:
#   bench/make-synthetic-catalog.sh 1000 /tmp/synthetic-1000.catalog.json
# The api name and namespace are those of the Verity catalog, so the figures compare like with like (the host
# serves any catalog through Verity.Mcp.Generated.CompiledCatalogs).
# Endpoints cycle through the shapes real catalogs have: GET list with query parameters, GET by id, POST with a
# flattened body, PATCH, DELETE; tags group them by 25.
set -euo pipefail
count="${1:-1000}"
out="${2:-synthetic-${count}.catalog.json}"
case "$out" in *.catalog.json) ;; *) echo "The file name must end in .catalog.json" >&2; exit 2 ;; esac

{
  printf '{\n  "api": { "name": "Verity", "version": "synthetic-%s", "baseUrl": "https://api.verity.example" },\n' "$count"
  printf '  "namespace": "Verity.Mcp.Host.Tools",\n'
  printf '  "components": { "schemas": {\n'
  printf '    "Item": { "type": "object", "required": ["id", "name"], "properties": { "id": { "type": "string" }, "name": { "type": "string", "maxLength": 120 }, "count": { "type": ["integer", "null"], "minimum": 0 }, "tags": { "type": "array", "items": { "type": "string" } } } }\n'
  printf '  } },\n  "endpoints": [\n'
  for ((i = 1; i <= count; i++)); do
    n=$(printf '%04d' "$i")
    group=$(printf 'group%02d' $(( (i - 1) / 25 + 1 )))
    sep=','; [ "$i" -eq "$count" ] && sep=''
    case $(( i % 5 )) in
      1) printf '    { "method": "GET", "path": "/api/%s/items%s", "tool": "list_items_%s", "summary": "List items of collection %s.", "tags": ["%s"], "parameters": [ { "name": "search", "in": "query", "description": "Text to match.", "schema": { "type": "string", "maxLength": 200 } }, { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } } ], "response": { "schema": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/Item" } } } } } }%s\n' "$group" "$n" "$n" "$n" "$group" "$sep" ;;
      2) printf '    { "method": "GET", "path": "/api/%s/items%s/{itemId}", "tool": "get_item_%s", "summary": "Get one item of collection %s.", "tags": ["%s"], "parameters": [ { "name": "itemId", "in": "path", "required": true, "description": "The item id.", "schema": { "type": "string", "minLength": 1, "maxLength": 64 } } ], "response": { "schema": { "$ref": "#/components/schemas/Item" } } }%s\n' "$group" "$n" "$n" "$n" "$group" "$sep" ;;
      3) printf '    { "method": "POST", "path": "/api/%s/items%s", "tool": "create_item_%s", "summary": "Create an item in collection %s.", "tags": ["%s"], "body": { "required": true, "contentType": "application/json", "schema": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1, "maxLength": 120 }, "count": { "type": "integer", "minimum": 0 }, "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 10 } }, "additionalProperties": false } }, "response": { "schema": { "$ref": "#/components/schemas/Item" } } }%s\n' "$group" "$n" "$n" "$n" "$group" "$sep" ;;
      4) printf '    { "method": "PATCH", "path": "/api/%s/items%s/{itemId}", "tool": "update_item_%s", "summary": "Change an item of collection %s.", "tags": ["%s"], "parameters": [ { "name": "itemId", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 64 } } ], "body": { "required": true, "contentType": "application/json", "schema": { "type": "object", "properties": { "name": { "type": "string", "maxLength": 120 }, "count": { "type": ["integer", "null"], "minimum": 0 } }, "additionalProperties": false } } }%s\n' "$group" "$n" "$n" "$n" "$group" "$sep" ;;
      0) printf '    { "method": "DELETE", "path": "/api/%s/items%s/{itemId}", "tool": "delete_item_%s", "summary": "Delete an item of collection %s.", "tags": ["%s"], "parameters": [ { "name": "itemId", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 64 } } ] }%s\n' "$group" "$n" "$n" "$n" "$group" "$sep" ;;
    esac
  done
  printf '  ]\n}\n'
} > "$out"
echo "$out"
