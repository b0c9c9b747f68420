#!/usr/bin/env bash
# Times a 10,000-row CSV import of the risk register through the real app (Release build, fresh
# sample database, loopback), with the server's memory growth, then stops the app.
#   bash bench/import.sh            # ROWS=8000 bash bench/import.sh for another size
set -euo pipefail
cd "$(dirname "$0")"
# A port of its own: other benchmarks may be running on this machine, and a fixed port would time them.
port=${PORT:-$((20000 + RANDOM % 20000))}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use; set PORT" >&2; exit 1; fi
data=$(mktemp -d)
npm ci --no-audit --no-fund --loglevel=error >/dev/null
dotnet build ../Tracker.App -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Tracker="Data Source=$data/tracker.db" DataFolder="$data" \
Logging__LogLevel__Default=Warning \
  dotnet ../Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "http://127.0.0.1:$port" --contentRoot "$(cd ../Tracker.App && pwd)" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; [ -n "${KEEPLOG:-}" ] && cp "$data/app.log" "$KEEPLOG"; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; kill -0 $app || exit 1; sleep 1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
node import.mjs "$@" --base "http://127.0.0.1:$port" --pid "$app" --rows "${ROWS:-10000}"
