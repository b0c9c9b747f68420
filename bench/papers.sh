#!/usr/bin/env bash
# Times the committee papers over HTTP against a Release build of the app on a loopback port with a
# fresh sample database: the Quarter Four report as .docx (aim under 200 ms) and the June 2019 meeting
# pack as one PDF through LibreOffice (aim under 15 s). Prints the figures; copy them into RESULTS.md.
#   bash bench/papers.sh            # 50 report requests, 5 pack PDFs, 5 pack zips
set -euo pipefail
cd "$(dirname "$0")"
port=${PORT:-5401}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
jar="$data/cookies"
dotnet build ../Tracker.App -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Tracker="Data Source=$data/tracker.db" DataFolder="$data" \
Logging__LogLevel__Default=Warning \
  dotnet ../Tracker.App/bin/Release/net10.0/Tracker.App.dll --urls "$base" --contentRoot "$(cd ../Tracker.App && pwd)" >"$data/app.log" 2>&1 &
app=$!
trap 'status=$?; [ $status -ne 0 ] && tail -40 "$data/app.log" >&2; kill $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 90); do curl -fs "$base/health" >/dev/null && break; sleep 1; done

# Sign in as the member through the app's own form (antiforgery token and all).
token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=member@example.org" --data-urlencode "Input.Password=${DEMO_PASSWORD:-Bromley-Demo-2026}" "$base/account/login"

# The June 2019 meeting: the one with the published pack of 000.
june=$(sqlite3 "$data/tracker.db" "select Id from Meetings where Date = '2019-06-20'" 2>/dev/null || true)
[ -n "$june" ] || june=$(curl -fs -b "$jar" "$base/meetings" | grep -o 'href="/meetings/[0-9]*"' | head -1 | grep -o '[0-9]*')

# Times one URL n times (after one warm-up request); prints min, median, p95 and max in ms and the size.
measure() {
  local label=$1 url=$2 n=$3
  curl -fs -o /dev/null -b "$jar" "$base$url"
  local times=()
  for _ in $(seq 1 "$n"); do
    times+=("$(curl -fs -o "$data/out" -b "$jar" -w '%{time_total}' "$base$url")")
  done
  local size=$(stat -c %s "$data/out")
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$n" -v size="$size" '
    { t[NR] = $1 * 1000 }
    END { printf "%-38s n=%-3d min %8.1f ms  median %8.1f ms  p95 %8.1f ms  max %8.1f ms  %d bytes\n",
          label, n, t[1], t[int((n + 1) / 2)], t[int(n * 0.95 + 0.999)], t[n], size }'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); soffice: $(soffice --version 2>/dev/null | head -1 || echo none)"
measure "Quarter Four report .docx" "/actions/report.docx?year=2020&quarter=4" "${REPORTS:-50}"
measure "Risk register .docx" "/risks/register.docx" "${REPORTS:-50}"
measure "Actions .xlsx" "/actions/export.xlsx?year=2020&quarter=4" "${REPORTS:-50}"
measure "Meeting pack .zip (June 2019)" "/meetings/$june/pack.zip" "${PACKS:-5}"
measure "Meeting pack .pdf (June 2019)" "/meetings/$june/pack.pdf" "${PACKS:-5}"
echo "pack pages: $(pdfinfo "$data/out" 2>/dev/null | awk '/Pages:/ {print $2}')"
