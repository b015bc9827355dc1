#!/usr/bin/env bash
# Writes a consistent backup of the platform database to a file (pg_dump custom format: compressed,
# restorable table by table). Usage: DATABASE_URL=postgres://... scripts/backup.sh [file]
# pg_dump must be at least the server's major version (Debian: apt-get install postgresql-client).
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
out="${1:-campus-$(date -u +%Y%m%dT%H%M%SZ).dump}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$out" "$DATABASE_URL"
echo "backup written to $out ($(du -h "$out" | cut -f1))"
