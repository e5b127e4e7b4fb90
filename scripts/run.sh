#!/usr/bin/env bash
# Runs Boucle on SQLite (./data/boucle.db) with the demo data, and prints its address.
# Usage: scripts/run.sh [--release] [boucle flags, e.g. --addr 0.0.0.0:3000]
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mode=debug
if [ "${1:-}" = "--release" ]; then mode=release; shift; fi
"$ROOT/scripts/setup.sh"
if [ "$mode" = release ]; then "$ROOT/scripts/build.sh" --release; else "$ROOT/scripts/build.sh"; fi
export BOUCLE_SITE_ROOT="$SITE_ROOT"
exec "$CARGO_TARGET_DIR/$mode/boucle" "$@"
