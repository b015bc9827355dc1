#!/usr/bin/env bash
# Runs `npm start` the way a user does on a fresh machine (no DATABASE_URL: embedded PostgreSQL in a
# fresh DATA_DIR), waits for /health and /ready, stops it with SIGTERM and checks the exit code.
# Then starts it again on the same data and reports how long the restart took to become ready, and
# once more, stopped as Ctrl+C in a terminal would (no errors, PostgreSQL stopped last).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${DATABASE_URL:-}" ]]; then echo "smoke-start: unset DATABASE_URL first" >&2; exit 2; fi

data_dir="$(mktemp -d /tmp/campus-smoke-XXXXXX)"
chmod 755 "$data_dir"
port="${SMOKE_PORT:-39123}"
log="$data_dir/server.log"
if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "smoke-start: something already answers on port $port; set SMOKE_PORT" >&2
  exit 2
fi
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

start_and_wait() {
  local limit_s="$1" started now
  started=$(date +%s%N)
  # Its own process group (setsid), as a terminal gives `npm start`, so Ctrl+C can be replayed.
  DATA_DIR="$data_dir/data" PORT="$port" LOG_LEVEL=warn setsid npm start >"$log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "server exited early:"; cat "$log"; exit 1; fi
    now=$(date +%s%N)
    if (( (now - started) / 1000000000 > limit_s )); then echo "not ready within ${limit_s}s:"; cat "$log"; exit 1; fi
    sleep 0.2
  done
  now=$(date +%s%N)
  echo "ready after $(( (now - started) / 1000000 )) ms"
}

stop_server() {
  # npm start runs node as a grandchild; signal the node process itself, as a process manager
  # running `node host/dist/main.js` would, and expect npm to pass on its exit code 0.
  local node_pid
  node_pid="$(pgrep -f "^node host/dist/main.js" | head -1)"
  kill -TERM "$node_pid"
  wait "$pid" && code=0 || code=$?
  if [[ "$code" != 0 ]]; then echo "server exited with $code after SIGTERM:"; cat "$log"; exit 1; fi
  echo "stopped cleanly"
}

echo "first start (initialises the database):"
start_and_wait 90
curl -fsS "http://127.0.0.1:$port/health"; echo
stop_server
interrupt_server() {
  # Ctrl+C in a terminal: SIGINT to the whole foreground process group (npm, node and, unless it
  # has its own group, the embedded PostgreSQL). The app drains, the database stops last and quietly.
  kill -INT -- "-$pid"
  wait "$pid" || true
  if grep -qiE '"level":"(error|fatal)"|^\s+at |Error:' "$log"; then
    echo "errors or stack traces after Ctrl+C:"; cat "$log"; exit 1
  fi
  if pgrep -f "postgres -D $data_dir/data" >/dev/null; then echo "PostgreSQL still running after Ctrl+C"; exit 1; fi
  echo "Ctrl+C stopped it quietly, the database last"
}

echo "restart:"
start_and_wait 30
stop_server
echo "restart, then Ctrl+C:"
start_and_wait 30
interrupt_server
