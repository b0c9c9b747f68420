#!/usr/bin/env bash
# Times a 10,000-row CSV import of the risk register through the app's own import service (the one
# the import page calls, after its preview), as the administrator, on a fresh sample database, in a
# Release build, with the process's memory growth. Aim: under 3 s and under 150 MB extra.
#   bash bench/import.sh            # ROWS=8000 bash bench/import.sh for another size
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project ImportBench -v quiet -- "${ROWS:-10000}"
