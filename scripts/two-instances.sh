#!/usr/bin/env bash
# Two tracker instances on one PostgreSQL database behind nginx on loopback, to prove the
# several-instances setup: http://127.0.0.1:8080 (nginx) -> 127.0.0.1:5401 and :5402.
# Needs Debian's nginx and postgresql (installed here if missing, as root) and a PostgreSQL role
# that may create databases: TRACKER_TEST_POSTGRES (as for the tests; .ci/run's default below).
#   scripts/two-instances.sh          # start, check, leave running until Ctrl+C
#   scripts/two-instances.sh --check  # start, check, stop
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq nginx >/dev/null; }
admin=${TRACKER_TEST_POSTGRES:-Host=localhost;Username=tracker_test;Password=tracker_test;Database=postgres}
user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin"); pass=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$admin")
db=tracker_two_instances
PGPASSWORD=$pass psql -q -h localhost -U "$user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
cs="${admin/Database=postgres/Database=$db}"
work=$(mktemp -d)
dotnet build Tracker.App -c Release -v quiet -nologo >/dev/null
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
# Both start at once: one migrates and seeds (advisory lock), the other waits and finds it done.
for port in 5401 5402; do
  ASPNETCORE_ENVIRONMENT=Development Database__Provider=PostgreSQL ConnectionStrings__Tracker="$cs" \
  Demo__Password="${DEMO_PASSWORD:-Bromley-Demo-2026}" Logging__LogLevel__Default=Warning \
    dotnet Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "http://127.0.0.1:$port" \
    --contentRoot "$(pwd)/Tracker.App" >"$work/app-$port.log" 2>&1 &
  pids+=($!)
done
for port in 5401 5402; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
  echo "instance :$port ready: $(curl -s "http://127.0.0.1:$port/health")"
done
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  include $(pwd)/deploy/nginx-tracker.conf;
}
CONF
nginx -c "$work/nginx.conf"
sleep 1
echo "nginx on http://127.0.0.1:8080: /health/ready -> $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/health/ready)"
# The circuit's WebSocket goes through: the upgrade answers 101 (a 401 without sign-in is fine too: it reached the app).
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
  -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "http://127.0.0.1:8080/_blazor?id=x" || true)
echo "WebSocket upgrade through nginx: HTTP $code"
# Sticky: the same client address always reaches the same instance (the relay names the instance).
first=$(curl -s http://127.0.0.1:8080/health | sed -n 's/.*instance \([0-9a-f]*\).*/\1/p')
same=1
for _ in $(seq 1 10); do [ "$(curl -s http://127.0.0.1:8080/health | sed -n 's/.*instance \([0-9a-f]*\).*/\1/p')" = "$first" ] || same=0; done
echo "sticky: 10 requests all on instance $first: $([ $same = 1 ] && echo yes || echo NO)"
if [ "${1:-}" = "--check" ]; then exit 0; fi
echo "Open http://127.0.0.1:8080 (demo accounts, password ${DEMO_PASSWORD:-Bromley-Demo-2026}); Ctrl+C stops everything."
wait
