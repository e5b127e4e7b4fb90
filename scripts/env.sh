# Shared settings for Boucle's scripts (sourced, not run).
# Builds and tools live outside the clone so repeated runs on one machine reuse them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BOUCLE_CACHE="${BOUCLE_CACHE:-$HOME/.cache/boucle}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$BOUCLE_CACHE/target}"
export PATH="$BOUCLE_CACHE/tools/bin:$HOME/.cargo/bin:$PATH"
export SITE_ROOT="$ROOT/target/site"
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
WASM_OPT="$BOUCLE_CACHE/tools/binaryen/node_modules/.bin/wasm-opt"
log() { printf '\n==> %s\n' "$*" >&2; }
