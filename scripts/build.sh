#!/usr/bin/env bash
# Builds Boucle: the browser bundle (islands, wasm32, size-optimised) into target/site/pkg,
# then the server. Usage: scripts/build.sh [--release] [--wasm-only]
# (--wasm-only: the tests build the server binary themselves, with their own features.)
source "$(dirname "$0")/env.sh"
cd "$ROOT"
profile_flag=()
wasm_only=false
for arg in "$@"; do
  case "$arg" in
    --release) profile_flag=(--release) ;;
    --wasm-only) wasm_only=true ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

log "building the browser bundle (wasm32, profile wasm-release)"
cargo build --lib -p app --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features hydrate
mkdir -p "$SITE_ROOT/pkg"
wasm-bindgen --target web --no-typescript --out-name app --out-dir "$SITE_ROOT/pkg" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/app.wasm"
# Smaller for phones on slow networks: about a third off before gzip.
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$SITE_ROOT/pkg/app_bg.wasm" -o "$SITE_ROOT/pkg/app_bg.wasm"
# Served precompressed (tower-http picks the .gz when the browser accepts gzip).
gzip -9 -k -f "$SITE_ROOT/pkg/app_bg.wasm" "$SITE_ROOT/pkg/app.js"

$wasm_only && exit 0
log "building the server"
cargo build -p server --bin boucle "${profile_flag[@]}"
