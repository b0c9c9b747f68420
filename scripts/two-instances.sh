#!/usr/bin/env bash
# Two tracker instances on one PostgreSQL database behind nginx on loopback, to prove the
# several-instances setup: http://127.0.0.1:8080 (nginx) -> 127.0.0.1:5401 and :5402.
# Needs Debian's nginx and postgresql (installed here if missing, as root) and a PostgreSQL role
# that may create databases: TRACKER_TEST_POSTGRES (as for the tests; .ci/run's default below).
#   scripts/two-instances.sh          # start, check, leave running until Ctrl+C
#   scripts/two-instances.sh --check  # start, check, stop (exit 1 if a check failed)
set -euo pipefail
cd "$(dirname "$0")/.."
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq nginx >/dev/null; nginx=/usr/sbin/nginx; }
admin=${TRACKER_TEST_POSTGRES:-Host=localhost;Username=tracker_test;Password=tracker_test;Database=postgres}
user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin"); pass=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$admin")
db=tracker_two_instances_$$
PGPASSWORD=$pass psql -q -h localhost -U "$user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
cs="${admin/Database=postgres/Database=$db}"
work=$(mktemp -d)
dotnet build Tracker.App -c Release -v quiet -nologo >/dev/null
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PGPASSWORD=$pass psql -q -h localhost -U "$user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
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
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  include $(pwd)/deploy/nginx-tracker.conf;
  access_log $work/nginx-access.log tracker_upstream;
}
CONF
$nginx -c "$work/nginx.conf"
sleep 1
base=http://127.0.0.1:8080
failed=0
check() { if [ "$2" = yes ]; then echo "ok: $1"; else echo "FAILED: $1"; failed=1; fi; }
echo "nginx on $base: /health/ready -> $(curl -s -o /dev/null -w '%{http_code}' $base/health/ready)"

# Both instances serve: browsers without a route cookie are spread over them (the relay names the instance).
instances=$(for _ in $(seq 1 20); do curl -s $base/health; echo; done | sed -n 's/.*instance \([0-9a-f]*\).*/\1/p' | sort | uniq -c)
echo "20 new clients through nginx, by instance:"; echo "$instances"
check "both instances serve" "$([ "$(wc -l <<<"$instances")" = 2 ] && echo yes || echo no)"

# One signed-in client, as a browser: sign in, load a page, negotiate the circuit, upgrade its WebSocket.
jar=$work/cookies
token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
signin=$(curl -s -o /dev/null -w '%{http_code} -> %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "_handler=login" --data-urlencode "Input.Email=member@example.org" \
  --data-urlencode "Input.Password=${DEMO_PASSWORD:-Bromley-Demo-2026}" "$base/account/login")
echo "sign-in (member) through nginx: HTTP $signin"
check "sign-in redirects back through nginx" "$([[ $signin == "302 -> $base/"* ]] && echo yes || echo no)"
route=$(awk '$6 == "tracker_route" {print $7}' "$jar")
page=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/risks")
check "signed in: /risks answers 200 (got $page)" "$([ "$page" = 200 ] && echo yes || echo no)"
negotiate=$(curl -s -b "$jar" -X POST -H 'Content-Length: 0' "$base/_blazor/negotiate?negotiateVersion=1")
echo "POST /_blazor/negotiate: $negotiate"
id=$(sed -n 's/.*"connectionToken":"\([^"]*\)".*/\1/p' <<<"$negotiate")
check "negotiate gave a connection token" "$([ -n "$id" ] && echo yes || echo no)"
# curl has no WebSocket client here: it sends the upgrade, prints the status and is stopped after 3 s.
upgrade=$(curl -s -i -N --http1.1 --max-time 3 -b "$jar" -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
  -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "$base/_blazor?id=$id" | tr -d '\r' | head -3 || true)
echo "WebSocket upgrade of /_blazor?id=… through nginx:"; sed 's/^/  /' <<<"$upgrade"
check "the circuit's WebSocket upgrade answers 101" "$(grep -q '^HTTP/1.1 101' <<<"$upgrade" && echo yes || echo no)"
sleep 1
# Sticky: every request of this client (sign-in, page, negotiate, WebSocket) went to one instance.
echo "nginx's log for this client (route $route):"
grep "route=$route " "$work/nginx-access.log" | sed 's/^/  /'
upstreams=$(grep "route=$route " "$work/nginx-access.log" | sed 's/.*upstream=//' | sort -u)
check "all of this client's requests on one instance ($(echo $upstreams))" "$([ -n "$route" ] && [ "$(wc -l <<<"$upstreams")" = 1 ] && echo yes || echo no)"
if [ "${1:-}" = "--check" ]; then exit $failed; fi
echo "Open http://127.0.0.1:8080 (demo accounts, password ${DEMO_PASSWORD:-Bromley-Demo-2026}); Ctrl+C stops everything."
wait
