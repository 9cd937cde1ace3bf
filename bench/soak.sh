#!/usr/bin/env bash
# Soak: 10,000 tool calls (by default) with random faults through the stdio server against the dev stack.
# Reports faults injected, duplicate non-idempotent sends, secrets in any output, crashes, the server's resident
# memory and its managed heap after a full GC (dotnet-gcdump, installed into a temporary folder) at warm-up and end.
# Usage: bash bench/soak.sh [--calls N] [--seed N] [--warm-up N]   (VERITY_MCP_HOST_BINARY=path drives that binary, e.g. Native AOT)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
host="${VERITY_MCP_HOST_BINARY:-}"
if [ -z "$host" ]; then
  dotnet build src/Verity.Mcp.Host -c Release -o "$out/host" --nologo -v q >/dev/null
  host="$out/host/verity-mcp"
fi
gcdump=()
if dotnet tool install dotnet-gcdump --version 10.0.750501 --tool-path "$out/tools" >/dev/null 2>&1; then
  gcdump=(--gcdump "$out/tools/dotnet-gcdump")
else
  echo "dotnet-gcdump could not be installed: managed heap figures are left out." >&2
fi
dotnet run --project bench/Verity.Soak -c Release -- --host "$host" "${gcdump[@]}" "$@"
