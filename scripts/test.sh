#!/usr/bin/env bash
# Runs every check and test of Boucle, as CI does: formatting, lints, the wasm build of
# survey-defs, unit and integration tests on SQLite and again on PostgreSQL, and the
# end-to-end journeys in Chromium. Installs what it needs first.
# Usage: scripts/test.sh [--skip-e2e]
source "$(dirname "$0")/env.sh"
cd "$ROOT"
start=$(date +%s)
"$ROOT/scripts/setup.sh" --test

log "formatting"
cargo fmt --all -- --check

log "lints"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings

log "survey-defs builds for wasm32"
cargo build -p survey-defs --target wasm32-unknown-unknown

"$ROOT/scripts/build.sh" --wasm-only

log "tests on SQLite (this also builds target/debug/boucle for the end-to-end run)"
unset BOUCLE_TEST_POSTGRES
cargo nextest run --workspace --no-fail-fast

log "tests on PostgreSQL"
BOUCLE_TEST_POSTGRES="$("$ROOT/scripts/postgres.sh" | tail -n 1)"
case "$BOUCLE_TEST_POSTGRES" in
  postgres://*) export BOUCLE_TEST_POSTGRES ;;
  *) echo "scripts/postgres.sh did not print a postgres:// URL" >&2; exit 1 ;;
esac
# The database-backed tests live in the server crate; the pure crates do not change.
cargo nextest run -p server --no-fail-fast
unset BOUCLE_TEST_POSTGRES

if [ "${1:-}" != "--skip-e2e" ]; then
  log "end-to-end journeys in Chromium"
  "$ROOT/end2end/run.sh"
fi
log "all checks passed in $(( $(date +%s) - start )) s"
