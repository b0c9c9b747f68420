#!/usr/bin/env bash
# Pages of the interactive app: time to interactive in Chromium and prerendered page throughput, with
# and without a writer, at the sample data's 13 risks and again at 1,000 (generated through the import
# service). Builds Release, starts the app (unchanged, plus bench/BenchHook through DOTNET_STARTUP_HOOKS
# for the writer and the generator) on a loopback port with a fresh sample database, runs pages.mjs,
# stops the app. Prints markdown tables; copy them into RESULTS.md.
#   bash bench/pages.sh                 # LOADS=20 SECONDS_PER_PAGE=10 RISKS="13 1000" PORT=5402
set -euo pipefail
cd "$(dirname "$0")"
port=${PORT:-5402}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
[ -d node_modules/autocannon ] && [ -d node_modules/playwright-core ] || npm ci --silent --no-audit --no-fund
dotnet build ../Tracker.App -c Release -v quiet -nologo >/dev/null
dotnet build BenchHook -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Development \
DOTNET_STARTUP_HOOKS="$(pwd)/BenchHook/bin/Release/net10.0/BenchHook.dll" \
ConnectionStrings__Tracker="Data Source=$data/tracker.db" DataFolder="$data" \
Logging__LogLevel__Default=Warning SignIn__AccountPermitLimit=1000 SignIn__AddressPermitLimit=1000 \
  dotnet ../Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "$base" --contentRoot "$(cd ../Tracker.App && pwd)" >"$data/app.log" 2>&1 &
app=$!
trap 'status=$?; [ $status -ne 0 ] && tail -40 "$data/app.log" >&2; kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 90); do curl -fs "$base/health" >/dev/null && break; sleep 1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), $(chromium --version 2>/dev/null | head -1), $(date -u '+%F %H:%M') UTC"
for risks in ${RISKS:-13 1000}; do
  if [ "$risks" -gt 13 ]; then echo; echo "generator: $(curl -fs -X POST "$base/_bench/risks?total=$risks")"; fi
  # A few requests of each page first, so the figures are of a warmed-up (JIT-compiled) app.
  node pages.mjs --base "$base" --pid $app --loads 2 --seconds 2 --only throughput >/dev/null
  node pages.mjs --base "$base" --pid $app --loads "${LOADS:-20}" --seconds "${SECONDS_PER_PAGE:-10}" --label "$risks risks" \
    --pages "/,/risks,/risks?page=2,/actions/report?year=2020&quarter=4"
done
