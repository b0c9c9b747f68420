#!/usr/bin/env bash
# Cross-instance relay latency: two Release instances of the app on one fresh PostgreSQL database
# (loopback ports 5401 and 5402), then bench/relay.mjs. Needs a PostgreSQL server and a role that
# may create databases: TRACKER_TEST_POSTGRES as for the tests (.ci/run's default shown below).
#   bash bench/relay.sh [--clients 50 --changes 200]
set -euo pipefail
cd "$(dirname "$0")"
admin=${TRACKER_TEST_POSTGRES:-Host=localhost;Username=tracker_test;Password=tracker_test;Database=postgres}
db=tracker_relay_bench_$$
psql_admin() { PGPASSWORD=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$admin") psql -q -h localhost \
  -U "$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin")" -d postgres -c "$1"; }
psql_admin "CREATE DATABASE $db"
cs="${admin/Database=postgres/Database=$db}"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
dotnet build ../Tracker.App -c Release -v quiet -nologo >/dev/null
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"; }
trap cleanup EXIT
for port in 5401 5402; do
  ASPNETCORE_ENVIRONMENT=Development Database__Provider=PostgreSQL ConnectionStrings__Tracker="$cs" \
  Logging__LogLevel__Default=Warning \
    dotnet ../Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "http://127.0.0.1:$port" --contentRoot "$(cd ../Tracker.App && pwd)" >"/tmp/relay-bench-$port.log" 2>&1 &
  pids+=($!)
done
for port in 5401 5402; do
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), PostgreSQL $(psql --version | awk '{print $3}')"
node relay.mjs --a http://127.0.0.1:5401 --b http://127.0.0.1:5402 "$@"
