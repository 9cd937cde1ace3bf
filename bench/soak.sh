#!/usr/bin/env bash
# Soak: 10,000 tool calls (by default) with random faults through the stdio server against the dev stack.
# Reports faults injected, duplicate non-idempotent sends, secrets in any output, crashes and the server's memory.
# Usage: bash bench/soak.sh [--calls N] [--seed N]   (VERITY_MCP_HOST_BINARY=path drives that binary, e.g. Native AOT)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
host="${VERITY_MCP_HOST_BINARY:-}"
if [ -z "$host" ]; then
  dotnet build src/Verity.Mcp.Host -c Release -o "$out/host" --nologo -v q >/dev/null
  host="$out/host/verity-mcp"
fi
dotnet run --project bench/Verity.Soak -c Release -- --host "$host" "$@"
