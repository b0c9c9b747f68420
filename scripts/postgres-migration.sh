#!/usr/bin/env bash
# Adds a PostgreSQL migration for the current model: scripts/postgres-migration.sh <Name>
# With --regenerate, replaces the whole PostgreSQL set with one migration of the current model
# (what the merger runs after SQLite migrations of other branches have landed, before any
# PostgreSQL database is in production):  scripts/postgres-migration.sh --regenerate
# No PostgreSQL server is needed: the model is read from the code.
set -euo pipefail
cd "$(dirname "$0")/../Tracker.App"
name=${1:?usage: scripts/postgres-migration.sh <Name> | --regenerate}
if [ "$name" = "--regenerate" ]; then
  rm -rf Data/Migrations/PostgreSql
  name=InitialPostgreSql
fi
dotnet tool restore >/dev/null
Database__Provider=PostgreSQL \
ConnectionStrings__Tracker="${TRACKER_PG_DESIGN:-Host=localhost;Database=tracker_design;Username=tracker}" \
  dotnet ef migrations add "$name" --context PostgreSqlTrackerContext --output-dir Data/Migrations/PostgreSql
