#!/usr/bin/env bash
# Reproduces the "## Host" figures of docs/benchmarks.md:
#   1. spawn → tools/list answered (median of 20 runs, the hosts taking turns) for the JIT build and the Native AOT binary, each with the
#      Verity catalog and with a synthetic 1,000-endpoint catalog, side by side with two yardsticks built here too:
#      the MCP C# SDK's smallest one-tool stdio server (bench/Reference.SmallestServer) and a trivial program that
#      answers initialize and tools/list by hand (bench/Reference.Trivial), both Native AOT; and the binaries' sizes;
#   2. per-call added latency (p50/p99) of get_agent through verity-mcp over stdio vs a direct HttpClient GET of
#      the same loopback sample API.
# Each variant builds into its own artifacts folder (the compiled catalog differs). Needs clang + zlib1g-dev for AOT.
# Usage: bench/startup.sh [OUT_DIR]   (RUNS=20 CALLS=500 to change the sample sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out="$(realpath -m "${1:-$(mktemp -d)}")"
mkdir -p "$out"
runs="${RUNS:-20}"
calls="${CALLS:-500}"
synthetic="$out/synthetic-1000.catalog.json"
bench/make-synthetic-catalog.sh 1000 "$synthetic" >/dev/null

build_jit() { # name [catalog]
  local extra=()
  [ -n "${2:-}" ] && extra=(-p:VERITY_CATALOG_PATH="$2")
  dotnet build src/Verity.Mcp.Host -c Release "${extra[@]}" --artifacts-path "$out/$1" -v quiet -nologo >&2
  echo "$out/$1/bin/Verity.Mcp.Host/release/verity-mcp.dll"
}

build_aot() { # name [catalog]
  local extra=()
  [ -n "${2:-}" ] && extra=(-p:VERITY_CATALOG_PATH="$2")
  dotnet publish src/Verity.Mcp.Host -c Release -r linux-x64 -p:PublishAot=true "${extra[@]}" \
    --artifacts-path "$out/$1" -o "$out/$1/publish" -v quiet -nologo >&2
  echo "$out/$1/publish/verity-mcp"
}

build_reference() { # project
  dotnet publish "bench/$1" -c Release -r linux-x64 -p:PublishAot=true \
    --artifacts-path "$out/$1" -o "$out/$1/publish" -v quiet -nologo >&2
  find "$out/$1/publish" -maxdepth 1 -type f -executable -not -name '*.dbg' | head -n 1
}

jit_verity="$(build_jit jit-verity)"
jit_1000="$(build_jit jit-1000 "$synthetic")"
aot_verity="$(build_aot aot-verity)"
aot_1000="$(build_aot aot-1000 "$synthetic")"
sdk_smallest="$(build_reference Reference.SmallestServer)"
trivial="$(build_reference Reference.Trivial)"
dotnet build bench/Verity.Benchmarks -c Release --artifacts-path "$out/bench" -v quiet -nologo >&2
runner="$out/bench/bin/Verity.Benchmarks/release/Verity.Benchmarks.dll"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Native AOT binary sizes (bytes, without the .dbg symbols):"
for binary in "$aot_verity" "$aot_1000" "$sdk_smallest" "$trivial"; do
  printf '  %-60s %12s\n' "${binary#"$out/"}" "$(stat -c %s "$binary")"
done
echo
dotnet "$runner" host-startup --runs "$runs" \
  --host "trivial AOT program (floor)=$trivial" --host "SDK smallest server, aot=$sdk_smallest" \
  --host "jit, Verity=$jit_verity" --host "aot, Verity=$aot_verity" \
  --host "jit, 1000 tools=$jit_1000" --host "aot, 1000 tools=$aot_1000"
echo
dotnet "$runner" host-latency --calls "$calls" --host "jit=$jit_verity" --host "aot=$aot_verity"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
