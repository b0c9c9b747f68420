#!/usr/bin/env bash
# Cross-instance fan-out through circuits (issue 15): two instances of the app (Release) on one fresh
# PostgreSQL database seeded with the sample data, ports $PORT_A and $PORT_B on loopback (each viewer
# talks to one instance, as sticky sessions keep a browser on one). N viewers on the risk register,
# half on each instance (bench/CircuitLoad, the protocol-level circuit client); the administrator saves
# R1's title $CHANGES times on instance A through RiskService (the bench-only endpoint). Each viewer
# records when the render batch showing each change arrives; the relay's share is B's first viewer
# against A's first, per save.
#   bash bench/relay.sh                      # 50 viewers (25 + 25), 200 changes
#   VIEWERS=200 bash bench/relay.sh
# Needs a PostgreSQL role that may create databases: TRACKER_TEST_POSTGRES (as the tests; .ci/run's default).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-5463}
PORT_B=${PORT_B:-5464}
VIEWERS=${VIEWERS:-50}
CHANGES=${CHANGES:-200}
PATHS=${PATHS:-"/risks"}
admin=${TRACKER_TEST_POSTGRES:-Host=localhost;Username=tracker_test;Password=tracker_test;Database=postgres}
user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin"); pass=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$admin")
db=tracker_bench_relay
cs="${admin/Database=postgres/Database=$db}"
work=$(mktemp -d /tmp/tracker-relay.XXXXXX)
pids=()
stop_apps() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_apps; rm -rf "$work"' EXIT

start_apps() {
  stop_apps
  PGPASSWORD=$pass psql -q -h localhost -U "$user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  for port in $PORT_A $PORT_B; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken: PORT_A=... PORT_B=... bash bench/relay.sh"; exit 1; fi
    # Both start at once: one migrates and seeds (advisory lock), the other waits and finds it done.
    env ASPNETCORE_ENVIRONMENT=Development Database__Provider=PostgreSQL ConnectionStrings__Tracker="$cs" \
      Demo__Password=Bromley-Demo-2026 Logging__LogLevel__Default=Warning Reminders__Enabled=false \
      SignIn__AccountPermitLimit=1000000 SignIn__AddressPermitLimit=1000000 Bench__Endpoints=true \
      dotnet Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "http://127.0.0.1:$port" \
      --contentRoot "$(pwd)/Tracker.App" >"$work/app-$port.log" 2>&1 &
    pids+=($!)
  done
  for port in $PORT_A $PORT_B; do
    for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "instance :$port did not start"; tail -20 "$work/app-$port.log"; exit 1; }
  done
}

if [ -z "${SKIP_BUILD:-}" ]; then   # SKIP_BUILD=1 while another benchmark is using the same build
  dotnet build Tracker.App -c Release -v quiet -nologo >/dev/null
  dotnet build bench/CircuitLoad -c Release -v quiet -nologo >/dev/null
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), .NET $(dotnet --list-runtimes | awk '/AspNetCore/ {v=$2} END {print v}'), $(PGPASSWORD=$pass psql -tA -h localhost -U "$user" -d postgres -c 'show server_version'), $(date -u '+%F %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| viewers on | viewers | delivered / expected | p50 | p95 | p99 | max | from the save's request |"
echo "|---|---|---|---|---|---|---|---|"
for path in $PATHS; do
  start_apps
  dotnet bench/CircuitLoad/bin/Release/net10.0/CircuitLoad.dll fanout --base "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
    --writer-base "http://127.0.0.1:$PORT_A" --path "$path" --viewers "$VIEWERS" --changes "$CHANGES" --risk 1 \
    | tee "$work/relay.txt" | grep '^#' >&2 || true
  grep '^|' "$work/relay.txt" | sed "s#^| 127.0.0.1:$PORT_A (saving instance)#| \`$path\` on A (saving)#; s#^| 127.0.0.1:$PORT_B (relayed)#| \`$path\` on B (relayed)#"
done
