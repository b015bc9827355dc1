#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database (create it first), then the
# host can start on it: migrations already recorded are not re-applied.
# Usage: DATABASE_URL=postgres://.../new_db scripts/restore.sh file.dump
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the (empty) database to restore into}"
in="${1:?usage: scripts/restore.sh file.dump}"
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" "$in"
echo "restored $in"
