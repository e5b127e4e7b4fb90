#!/usr/bin/env bash
# Installs what building Boucle needs, if missing: the wasm32 target, wasm-bindgen, and
# wasm-opt (npm binaryen@132: Debian's binaryen 108 emits bundles browsers reject).
# With --test, also what the tests need: Chromium, the end-to-end npm packages,
# PostgreSQL and cargo-nextest. Idempotent: a second run does nothing.
source "$(dirname "$0")/env.sh"

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
  # Not --locked: the locked build asks for a dependency version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$BOUCLE_CACHE/tools"
fi

if ! command -v npm >/dev/null; then
  log "installing Node.js and npm from Debian's packages (for wasm-opt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x "$WASM_OPT" ]; then
  log "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  mkdir -p "$BOUCLE_CACHE/tools/binaryen"
  (cd "$BOUCLE_CACHE/tools/binaryen" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION")
fi

if [ "${1:-}" = "--test" ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! command -v cargo-nextest >/dev/null; then
    log "installing cargo-nextest"
    cargo install cargo-nextest --locked --root "$BOUCLE_CACHE/tools"
  fi
  if [ ! -d "$ROOT/end2end/node_modules/playwright-core" ]; then
    log "installing the end-to-end test packages"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
