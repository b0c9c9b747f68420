#!/usr/bin/env bash
# Runs every benchmark of the interactive app, each against its own Release build on a loopback port
# with a fresh sample database, and prints the figures (markdown tables) for RESULTS.md:
#   pages.sh     time to interactive in Chromium, prerendered page throughput with and without a writer,
#                at 13 and 1,000 risks
#   circuits.sh  fan-out to circuits and memory per circuit (the circuit load client), when present
#   papers.sh    committee papers (.docx, .xlsx, the meeting pack as PDF)
#   import.sh    the CSV import of 10,000 risks
#   (the cross-instance relay through circuits needs PostgreSQL: bash bench/relay.sh)
#   bash bench/run.sh            # ONLY="pages circuits" bash bench/run.sh for some of them
set -euo pipefail
cd "$(dirname "$0")"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(date -u '+%F %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for bench in ${ONLY:-pages circuits papers import}; do
  if [ -f "$bench.sh" ]; then
    echo; echo "## $bench.sh"
    bash "$bench.sh"
  else
    echo; echo "## $bench.sh: not here yet, skipped"
  fi
done
