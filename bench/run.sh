#!/usr/bin/env bash
# Runs the benchmarks that exist for the interactive app, each against its own Release build on a
# loopback port with a fresh sample database: committee papers, the CSV import, circuits (fan-out,
# memory per viewer, disconnected circuits). The cross-instance relay needs PostgreSQL: bench/relay.sh.
#   bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(date -u +%F)"
bash papers.sh
bash import.sh
bash circuits.sh
