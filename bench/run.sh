#!/usr/bin/env bash
# Runs every benchmark against a Release build of the app on a loopback port with a fresh sample
# database, then stops it. Prints the figures; copy them into RESULTS.md with the date and machine.
#   bash bench/run.sh            # fan-out at 100 and 1,000 clients, then page throughput
set -euo pipefail
cd "$(dirname "$0")"
port=${PORT:-5400}
data=$(mktemp -d)
npm ci --no-audit --no-fund --loglevel=error >/dev/null
dotnet build ../Tracker.App -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Tracker="Data Source=$data/tracker.db" DataFolder="$data" \
Logging__LogLevel__Default=Warning \
  dotnet ../Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "http://127.0.0.1:$port" --contentRoot "$(cd ../Tracker.App && pwd)" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
node fanout.mjs --base "http://127.0.0.1:$port" --pid "$app" --clients 100 --changes "${CHANGES:-200}" "$@"
node fanout.mjs --base "http://127.0.0.1:$port" --pid "$app" --clients 1000 --changes "${CHANGES:-200}" "$@"
node pages.mjs --base "http://127.0.0.1:$port" --seconds "${SECONDS_PER_PAGE:-10}"
