#!/usr/bin/env bash
# `make setup` (which `make dev`, `make test` and the build targets run first):
# installs what the project needs and is missing, on Debian or Ubuntu with Rust
# (rustup) and Node. It says once what it installs and why, then installs it;
# when nothing is missing it prints nothing.
#
#   scripts/setup.sh          what the builds and tests need
#   scripts/setup.sh bench    that, and what `make bench` needs too
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
WORKER_BUILD_VERSION=0.8.7
GECKODRIVER_VERSION=0.37.1
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p}' Cargo.lock)

whats=() whys=() hows=()
need() {
  whats+=("$1") whys+=("$2") hows+=("$3")
}

# Debian packages: installed as root; otherwise the command to run is the error.
apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
  else
    echo "not root: run  sudo apt-get install $*  and then make setup again" >&2
    exit 1
  fi
}

installed_targets=$(rustup target list --installed)
for target in wasm32-unknown-unknown thumbv7em-none-eabi; do
  grep -qx "$target" <<<"$installed_targets" ||
    need "Rust target $target" "the WebAssembly builds and the check that the core builds without std" "rustup target add $target"
done
installed_components=$(rustup component list --installed)
for component in clippy rustfmt; do
  grep -q "^$component" <<<"$installed_components" || need "Rust component $component" "make lint" "rustup component add $component"
done
wasm-pack --version 2>/dev/null | grep -qx "wasm-pack $WASM_PACK_VERSION" ||
  need "wasm-pack $WASM_PACK_VERSION (cargo install)" "runs the WebAssembly tests in Node and Chromium (make test-wasm)" \
    "cargo install wasm-pack --version $WASM_PACK_VERSION"
# Not --locked: the crates.io index can lag behind wasm-bindgen-cli's lock file.
wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION" ||
  need "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install)" "writes the JavaScript bindings of every WebAssembly build; must match Cargo.lock's wasm-bindgen" \
    "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION"
worker-build --version 2>/dev/null | grep -qx "\(worker-build \)\?$WORKER_BUILD_VERSION" ||
  need "worker-build $WORKER_BUILD_VERSION (cargo install)" "builds the Cloudflare Worker (make worker)" \
    "cargo install worker-build --version $WORKER_BUILD_VERSION"
[ node_modules/.installed -nt package-lock.json ] && [ node_modules/.installed -nt package.json ] ||
  need "the npm packages of package-lock.json (npm ci)" "wasm-opt (binaryen), esbuild, wrangler, Vite, playwright-core, the type and package checkers, and Deno and Bun (the package's tests in them)" \
    "npm ci --no-audit --no-fund && touch node_modules/.installed"
command -v chromium >/dev/null && command -v chromedriver >/dev/null ||
  need "chromium and chromium-driver (apt)" "the browser tests (Debian's Chromium; no browser is downloaded)" "apt_install chromium chromium-driver"
command -v firefox-esr >/dev/null ||
  need "firefox-esr (apt)" "the WebAssembly tests in Firefox too (make test-wasm; Debian's Firefox ESR)" "apt_install firefox-esr"
geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION\b" ||
  need "geckodriver $GECKODRIVER_VERSION (cargo install)" "drives Firefox for the WebAssembly tests (no driver is downloaded)" \
    "cargo install geckodriver --version $GECKODRIVER_VERSION"
if [ "${1:-}" = bench ]; then
  command -v wrk >/dev/null || need "wrk (apt)" "the load generator of make bench" "apt_install wrk"
fi

[ "${#whats[@]}" -eq 0 ] && exit 0
echo "make setup: installing what is missing (run \`make setup\` to do only this):"
for index in "${!whats[@]}"; do
  echo "  - ${whats[$index]}: ${whys[$index]}"
done
for index in "${!whats[@]}"; do
  echo "+ ${hows[$index]}"
  eval "${hows[$index]}"
done
