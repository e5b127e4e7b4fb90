#!/usr/bin/env bash
# Runs the end-to-end journeys: starts the built `boucle` (scripts/build.sh) on a free
# loopback port with a fresh SQLite database, waits until it answers, runs the
# journeys in headless Chromium, and stops the server whatever happens.
source "$(dirname "$0")/../scripts/env.sh"
cd "$ROOT/end2end"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
data_dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p screenshots
log_file="$data_dir/server.log"
BOUCLE_ADDR="127.0.0.1:$port" BOUCLE_DATA_DIR="$data_dir" BOUCLE_SITE_ROOT="$SITE_ROOT" \
  "$CARGO_TARGET_DIR/debug/boucle" >"$log_file" 2>&1 &
server_pid=$!
cleanup() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$data_dir"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log_file"; echo "boucle exited before answering" >&2; exit 1; }
  sleep 0.2
done
status=0
BOUCLE_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 tests/ || status=$?
if [ "$status" -ne 0 ]; then echo "--- server log ---"; tail -50 "$log_file"; fi
exit "$status"
