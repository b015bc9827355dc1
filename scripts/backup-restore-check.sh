#!/usr/bin/env bash
# Runs the backup/restore round trip (host/src/tools/backup-restore-check.ts); uses DATABASE_URL's
# server when set, else a temporary embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx --conditions=development host/src/tools/backup-restore-check.ts
