# Sourced by scripts/install-tools, scripts/serve and scripts/test: tool
# versions and PATH. Not meant to be run on its own.
#
# Versions are pinned here and nowhere else, except the wasm-bindgen version,
# which is read from Cargo.lock (Cargo.toml pins it with "=", and Trunk.toml's
# [tools] wasm_bindgen must match it).

ISNAD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ISNAD_ROOT

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ISNAD_ROOT/Cargo.lock")"
CHROMIUM="/usr/bin/chromium"

# npm-installed tools live outside the clone, so fresh clones reuse them.
ISNAD_TOOLS="${ISNAD_TOOLS:-${XDG_DATA_HOME:-$HOME/.local/share}/isnad/tools}"
BINARYEN_DIR="$ISNAD_TOOLS/binaryen-$BINARYEN_VERSION"

# binaryen's wasm-opt first: Debian's is too old for Trunk.
export PATH="$BINARYEN_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must never download a tool: install-tools provides them.
export TRUNK_OFFLINE=true

say() { printf '==> %s\n' "$*"; }
