# jwt-edge: `make dev` and `make test` set up everything they need on a fresh
# Debian/Ubuntu machine with Rust and Node, and are quick the second time.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

# wasm-opt comes from the npm package binaryen (Debian's is too old for current
# wasm-bindgen output); wasm-pack finds it through PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export WRANGLER_SEND_METRICS := false
# wrangler appends every message, debug ones included, to a log file, by default
# under ~/.config/.wrangler/logs; the tests and benchmarks start it dozens of
# times, so their logs stay in the project (and go with `make clean`).
export WRANGLER_LOG_PATH ?= $(CURDIR)/target/wrangler-logs
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM_PACK_VERSION := 0.15.1
WORKER_BUILD_VERSION := 0.8.7
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p}' Cargo.lock)
# The package's WebAssembly: without the standard library (feature `npm`: its
# own panic handler and allocator), with sha2's compact SHA-256/512 (a tenth of
# the unrolled code for about 5% of verify speed). Built twice from the same
# code: for size (opt-level "s", `wasm-opt -Oz`, what browsers download) into
# target/wasm-pack, and for speed into target/wasm-pack-speed, with its own
# cargo target directory so that both stay cached. The speed build is what the
# Node and workerd entries load: opt-level 3, `wasm-opt -O3`, and WebAssembly
# SIMD, which selects sha2's SIMD backend (V8 has had SIMD since Node 16.4;
# browsers keep the build without it, which also runs where SIMD does not),
# and the crate's feature `speed` (the code paths native builds take).
# A third build, for size and without signing (feature `npm-verify`), is the
# module browsers fetch for `jwt-edge/verify`, in its own target directory too.
# $(1): output directory, $(2): extra RUSTFLAGS, $(3): extra wasm-pack options,
# $(4): output name, $(5): crate features ($(COMMA) between two). See
# docs/benchmarks.md.
COMMA := ,
WASM_PACK_BUILD = RUSTFLAGS='--cfg sha2_backend_soft="compact" $(2)' wasm-pack build --target web --release $(3) --out-dir $(1) --out-name $(4) --no-pack . -- --no-default-features --features $(5)
# The features wasm-bindgen's output uses (as in Cargo.toml's wasm-opt options).
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
STAMPS := target/stamps

CORE_SOURCES := $(shell find src -name '*.rs') Cargo.toml Cargo.lock
WORKER_SOURCES := $(CORE_SOURCES) $(shell find worker/src -name '*.rs') worker/Cargo.toml

.PHONY: dev test setup pkg site worker lint test-rust test-nostd test-wasm test-js bench clean

## dev: build everything and run the worker and demo page on http://127.0.0.1:8787
dev: setup pkg site worker
	node scripts/dev.mjs

## test: every check and test suite
test: setup lint test-rust test-nostd test-wasm pkg site worker test-js

## setup: install whatever is missing (idempotent)
setup: $(STAMPS)/rust-targets $(STAMPS)/wasm-pack $(STAMPS)/wasm-bindgen-$(WASM_BINDGEN_VERSION) $(STAMPS)/worker-build node_modules/.installed $(STAMPS)/chromium

$(STAMPS)/rust-targets:
	rustup target add wasm32-unknown-unknown thumbv7em-none-eabi
	rustup component add clippy rustfmt
	mkdir -p $(STAMPS) && touch $@

$(STAMPS)/wasm-pack:
	if ! wasm-pack --version 2>/dev/null | grep -qx 'wasm-pack $(WASM_PACK_VERSION)'; then \
	  cargo install wasm-pack --version $(WASM_PACK_VERSION); \
	fi
	mkdir -p $(STAMPS) && touch $@

# Not --locked: the crates.io index can lag behind wasm-bindgen-cli's lock file.
$(STAMPS)/wasm-bindgen-$(WASM_BINDGEN_VERSION):
	if ! wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)'; then \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	mkdir -p $(STAMPS) && touch $@

$(STAMPS)/worker-build:
	if ! worker-build --version 2>/dev/null | grep -qx '\(worker-build \)\?$(WORKER_BUILD_VERSION)'; then \
	  cargo install worker-build --version $(WORKER_BUILD_VERSION); \
	fi
	mkdir -p $(STAMPS) && touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian packages, installed when one of the commands is missing (as root;
# otherwise the command to run is printed). $(1): commands, $(2): packages.
APT_ENSURE = for command in $(1); do \
	  command -v "$$command" >/dev/null && continue; \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(2); break; \
	  else \
	    echo "$$command is missing: sudo apt-get install $(2)" >&2; exit 1; \
	  fi; \
	done

$(STAMPS)/chromium:
	$(call APT_ENSURE,chromium chromedriver,chromium chromium-driver)
	mkdir -p $(STAMPS) && touch $@

# wrk: the load generator of `make bench` (not needed by the tests).
$(STAMPS)/wrk:
	$(call APT_ENSURE,wrk,wrk)
	mkdir -p $(STAMPS) && touch $@

## pkg: assemble the npm package in pkg/
pkg: pkg/package.json
pkg/package.json: $(CORE_SOURCES) $(wildcard pkg-template/*) scripts/assemble-pkg.mjs LICENSE-MIT LICENSE-APACHE Makefile | setup
	$(call WASM_PACK_BUILD,target/wasm-pack,,,jwt_edge,npm)
	CARGO_TARGET_DIR=target/verify-only \
	  $(call WASM_PACK_BUILD,target/wasm-pack-verify,,,jwt_edge_verify,npm-verify)
	CARGO_TARGET_DIR=target/speed CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
	  $(call WASM_PACK_BUILD,target/wasm-pack-speed,-C target-feature=+simd128,--no-opt,jwt_edge,npm$(COMMA)speed)
	wasm-opt -O3 --enable-simd $(WASM_OPT_FEATURES) --strip-producers --strip-target-features target/wasm-pack-speed/jwt_edge_bg.wasm -o target/wasm-pack-speed/jwt_edge_bg.wasm
	node scripts/assemble-pkg.mjs

## site: the demo page and the package, as the worker serves them
site: target/site/index.html
target/site/index.html: pkg/package.json $(wildcard www/*)
	rm -rf target/site && mkdir -p target/site
	cp -r www/. target/site/
	cp -r pkg target/site/pkg

## worker: build the Cloudflare Worker with worker-build (no downloads: local
## wasm-bindgen, wasm-opt and esbuild)
# wrangler runs `make worker` as its build command; the tests, which build
# first, set SKIP_WORKER_BUILD so that parallel instances never rebuild.
worker:
	@[ -n "$${SKIP_WORKER_BUILD:-}" ] || $(MAKE) --no-print-directory worker/build/index.js
worker/build/index.js: $(WORKER_SOURCES) | setup
	cd worker && WASM_BINDGEN_BIN="$$(command -v wasm-bindgen)" \
	  WASM_OPT_BIN="$(CURDIR)/node_modules/.bin/wasm-opt" \
	  ESBUILD_BIN="$(CURDIR)/node_modules/esbuild/bin/esbuild" \
	  worker-build --release
	touch $@

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p jwt-edge-worker --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features js --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features npm --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features npm,speed --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features npm-verify --lib -- -D warnings
	cargo clippy -p jwt-edge-wasm-floor --target wasm32-unknown-unknown --no-default-features --features npm-runtime -- -D warnings

test-rust:
	cargo test --workspace

# The core builds for a bare-metal target without std: proof that it is no_std.
# (As an rlib: a cdylib cannot link there.)
test-nostd:
	cargo rustc --lib --target thumbv7em-none-eabi --no-default-features --crate-type rlib

test-wasm:
	wasm-pack test --node -- --features js --test node
	wasm-pack test --headless --chrome -- --features js --test web

test-js:
	node --test tests/js/

## bench: jwt-edge beside the libraries users would pick instead, in Node, workerd and
## native Rust, the download size and the cold start; prints Markdown and writes
## docs/benchmarks.md (a few minutes)
bench: setup $(STAMPS)/wrk pkg site worker target/wasm-floor/floor.js target/wasm-floor-verify/floor.js
	mkdir -p target/bench
	node bench/js.mjs --json target/bench/js.json
	node bench/edge.mjs --json target/bench/edge.json
	node bench/native.mjs --runs 3 --json target/bench/native.json
	node bench/size.mjs --json target/bench/size.json
	node bench/cold.mjs --json target/bench/cold.json
	node bench/report.mjs

# The JavaScript benchmarks' floor (bench/wasm-floor): HMAC-SHA2 and base64url
# in WebAssembly and nothing else, built as the package's modules are (their
# runtime, RUSTFLAGS, target directories, optimizations and string glue): for
# speed beside the Node cases, and without signing for size beside the download.
FLOOR_SOURCES := $(wildcard bench/wasm-floor/src/*.rs) bench/wasm-floor/Cargo.toml Cargo.lock scripts/wasm-glue.mjs
# $(1): output directory, $(2): cargo target directory, $(3): extra RUSTFLAGS,
# $(4): cargo options, $(5): wasm-opt options.
FLOOR_BUILD = CARGO_TARGET_DIR=$(2) RUSTFLAGS='--cfg sha2_backend_soft="compact" $(3)' \
	  cargo build --release --target wasm32-unknown-unknown -p jwt-edge-wasm-floor $(4) && \
	wasm-bindgen --target web --out-dir $(1) --out-name floor $(2)/wasm32-unknown-unknown/release/jwt_edge_wasm_floor.wasm && \
	wasm-opt $(5) $(WASM_OPT_FEATURES) --strip-producers --strip-target-features $(1)/floor_bg.wasm -o $(1)/floor_bg.wasm && \
	node scripts/wasm-glue.mjs $(1)/floor.js
target/wasm-floor/floor.js: $(FLOOR_SOURCES) | setup
	CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
	  $(call FLOOR_BUILD,target/wasm-floor,target/speed,-C target-feature=+simd128,--no-default-features --features npm-runtime,-O3 --enable-simd)
target/wasm-floor-verify/floor.js: $(FLOOR_SOURCES) | setup
	$(call FLOOR_BUILD,target/wasm-floor-verify,target/verify-only,,--no-default-features --features npm-runtime$(COMMA)verify-only,-Oz)

clean:
	rm -rf target pkg node_modules worker/build
