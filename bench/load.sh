#!/usr/bin/env bash
# Load: many signed-in users calling get_agent through verity-mcp-http (its Native AOT build, as deployed) and through
# the reference TypeScript server (bench/Reference.TypeScriptHttpServer), side by side against one dev stack, with the
# sample API called directly as the baseline. Prints the table of docs/benchmarks.md ("Remote mode under load").
# Usage: bash bench/load.sh [--users N] [--concurrency 1,16,64] [--seconds S] [--warm-up-seconds S]
#   VERITY_MCP_HTTP_BINARY=path measures that binary instead of publishing one.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
server="${VERITY_MCP_HTTP_BINARY:-}"
if [ -z "$server" ]; then
  if ! dotnet publish src/Verity.Mcp.Http -c Release -r linux-x64 -p:PublishAot=true \
      --artifacts-path "$out/artifacts" -o "$out/http" --nologo >"$out/publish.log" 2>&1; then
    cat "$out/publish.log" >&2
    exit 1
  fi
  server="$out/http/verity-mcp-http"
fi
npm ci --prefix bench/Reference.TypeScriptHttpServer --no-audit --no-fund >/dev/null
dotnet run --project bench/Verity.Load -c Release -- --server "$server" --reference bench/Reference.TypeScriptHttpServer "$@"
