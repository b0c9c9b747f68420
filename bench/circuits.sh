#!/usr/bin/env bash
# Circuit benchmarks of the interactive app (issue 14), through bench/CircuitLoad, a protocol-level
# Blazor Server client: Release build, each measurement on a fresh sample database (SQLite) and a
# fresh app on 127.0.0.1:$PORT started with Bench__Endpoints=true (the bench-only save and memory
# endpoints) and the sign-in limits raised.
#   bash bench/circuits.sh                       # validation, fan-out at 50 and 200, memory at 200
#   VIEWERS="50 200 1000" MEMORY_VIEWERS=1000 bash bench/circuits.sh   # on a quiet machine
#   CIRCUITS_ONLY=validate|fanout|memory|retention bash bench/circuits.sh
#   GAP_MS=1000 CHANGES=60 VIEWERS=1000 CIRCUITS_ONLY=fanout bash bench/circuits.sh   # one save a second, not flat out
#     (each fan-out starts with WARMUP=80 saves, 10 a second, that are not measured: a fresh app runs unoptimised code)
#   RISKS=1000 CIRCUITS_ONLY="fanout memory" bash bench/circuits.sh   # cost growth: the register at 1,000 risks
#     (generated through the import service by bench/BenchHook's POST /_bench/risks after each start)
#   APP_ENV="DOTNET_gcServer=0" CIRCUITS_ONLY=fanout bash bench/circuits.sh   # the app (not the load client) with these settings
#   GCDUMP_DIR=/tmp/dumps GCDUMP_TOOL=~/.dotnet/tools/dotnet-gcdump CIRCUITS_ONLY=memory bash bench/circuits.sh   # + a heap dump per page
# 1. validation: one client circuit and Debian's Chromium on the same pages, their circuit messages compared
# 2. fan-out: N viewers on /risks and on /risks/1; the administrator saves 200 changes to R1's title
#    through RiskService (POST /bench/risks/1/title); latency from the commit to each viewer's render batch
# 3. memory per viewer: managed heap after a forced collection and resident memory, before and after
#    N circuits on /risks, / (dashboard) and /risks/review (the chair, and members), divided by N; then the same circuits
#    dropped without a goodbye (kept for a reconnect), and (retention) after the app's retention period
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-5461}
VIEWERS=${VIEWERS:-"50 200"}
FANOUT_PATHS=${FANOUT_PATHS:-"/risks /risks/1"}   # e.g. FANOUT_PATHS=/risks VIEWERS=1000
MEMORY_VIEWERS=${MEMORY_VIEWERS:-200}
CHANGES=${CHANGES:-200}
CIRCUITS_ONLY=${CIRCUITS_ONLY:-}
APP_ENV=${APP_ENV:-}
RISKS=${RISKS:-13}
RISK=1
work=$(mktemp -d /tmp/tracker-circuits.XXXXXX)
app_pid=
stop_app() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi
}
trap 'stop_app; rm -rf "$work"' EXIT

# start_app [VAR=value ...]: a fresh database and a fresh app process.
start_app() {
  stop_app
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken by another process: PORT=... bash bench/circuits.sh"; exit 1; fi
  rm -rf "$work/data"; mkdir -p "$work/data"
  env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Tracker="Data Source=$work/data/tracker.db" \
    DataFolder="$work/data" Demo__Password=Bromley-Demo-2026 Logging__LogLevel__Default=Warning \
    SignIn__AccountPermitLimit=1000000 SignIn__AddressPermitLimit=1000000 Bench__Endpoints=true Reminders__Enabled=false \
    ${hook:+DOTNET_STARTUP_HOOKS="$hook"} "$@" \
    dotnet Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "http://127.0.0.1:$PORT" \
    --contentRoot "$(pwd)/Tracker.App" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "the app did not start:"; tail -20 "$work/app.log"; exit 1; }
  if [ -n "$hook" ]; then echo "# generator: $(curl -fs -X POST "http://127.0.0.1:$PORT/_bench/risks?total=$RISKS")" >&2; fi
}
load() { dotnet bench/CircuitLoad/bin/Release/net10.0/CircuitLoad.dll "$1" --base "http://127.0.0.1:$PORT" "${@:2}"; }
want() { [ -z "$CIRCUITS_ONLY" ] || [[ " $CIRCUITS_ONLY " == *" $1 "* ]]; }

dotnet build Tracker.App -c Release -v quiet -nologo >/dev/null
dotnet build bench/CircuitLoad -c Release -v quiet -nologo >/dev/null
hook=
if [ "$RISKS" -gt 13 ]; then
  dotnet build bench/BenchHook -c Release -v quiet -nologo >/dev/null
  hook="$(pwd)/bench/BenchHook/bin/Release/net10.0/BenchHook.dll"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), .NET $(dotnet --list-runtimes | awk '/AspNetCore/ {v=$2} END {print v}'), $(date -u '+%F %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), register of $RISKS risks"

if want validate; then
  echo; echo "## Validation: the load client against Chromium (same page, same circuit messages)"
  start_app
  for path in /risks /risks/$RISK; do
    load trace --path "$path" --risk $RISK >"$work/client.txt"
    load browser --path "$path" --risk $RISK >"$work/browser.txt"
    sizes() { grep 'JS.RenderBatch' "$1" | sed 's/.*bytes=//' | tr '\n' ' '; }
    echo "$path client : $(grep -c 'JS.RenderBatch' "$work/client.txt") render batches, bytes: $(sizes "$work/client.txt")"
    echo "$path browser: $(grep -c 'JS.RenderBatch' "$work/browser.txt") render batches, bytes: $(sizes "$work/browser.txt")"
    grep '^# token' "$work/client.txt" | sed "s|^|$path client : |"; grep '^# token' "$work/browser.txt" | sed "s|^|$path browser: |"
    # Every message in both directions, counted by kind (JS interop calls by identifier).
    if diff <(sed 's/id=[0-9]*//' "$work/client.txt" | grep -v '^[#-]' | sort | uniq -c) \
            <(sed 's/id=[0-9]*//' "$work/browser.txt" | grep -v '^[#-]' | sort | uniq -c) >"$work/diff.txt"; then
      echo "$path: the same messages, kind by kind ($(grep -vc '^[#-]' "$work/client.txt") in all)"
    else
      echo "$path: messages differ (< client, > browser):"; cat "$work/diff.txt"
    fi
  done
fi

if want fanout; then
  echo; echo "## Fan-out: $CHANGES saves of R1's title, latency from the commit to each viewer's render batch (ms)"
  echo "| page | viewers | delivered / expected | p50 | p95 | p99 | max | from the save's request |"
  echo "|---|---|---|---|---|---|---|---|"
  for n in $VIEWERS; do
    for path in $FANOUT_PATHS; do
      start_app $APP_ENV
      load fanout --path "$path" --viewers "$n" --changes "$CHANGES" --risk $RISK --server-pid "$app_pid" ${GAP_MS:+--gap-ms "$GAP_MS"} ${WARMUP:+--warmup "$WARMUP"} | tee "$work/fanout.txt" | grep '^#' >&2 || true
      grep '^|' "$work/fanout.txt" | sed "s#^| 127.0.0.1:$PORT (saving instance)#| \`$path\`#"
    done
  done
fi

if want memory; then
  echo; echo "## Memory per viewer: $MEMORY_VIEWERS circuits; managed heap after a forced full collection, resident memory (server GC unless said)"
  echo "| page (account) | circuits | heap before → after | heap per circuit | resident before → after | resident per circuit | followers of \`risks\` |"
  echo "|---|---|---|---|---|---|---|"
  # The chair leads the review (with the recording form); members read it on their own screens.
  for spec in /risks:member /:member /risks/review:chair /risks/review:member; do
    start_app
    load memory --path "${spec%%:*}" --account "${spec##*:}" --viewers "$MEMORY_VIEWERS" --server-pid "$app_pid" ${GCDUMP_DIR:+--gcdump "$GCDUMP_DIR"} | tee "$work/memory.txt" | grep '^#' >&2 || true
    grep '^|' "$work/memory.txt"
  done
  start_app DOTNET_gcServer=0
  load memory --path /risks --account member --viewers "$MEMORY_VIEWERS" | grep '^|' | sed 's#^| /risks (member)#| `/risks` (member), workstation GC#' | head -1
fi

if want retention; then
  echo; echo "## Disconnected circuits: $MEMORY_VIEWERS viewers on /risks drop their connections; the app's retention (3 min, at most 100)"
  start_app
  load memory --path /risks --account member --viewers "$MEMORY_VIEWERS" --retention-wait 200 | grep '^[|#]'
fi
