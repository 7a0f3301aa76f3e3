# jwt-edge: `make dev` and `make test` set up everything they need on a fresh
# Debian/Ubuntu machine with Rust and Node, and are quick the second time.

SHELL := bash
# --norc: Debian's bash runs /etc/bash.bashrc and ~/.bashrc even for `bash -c`
# when it guesses it was started by sshd (SSH_CLIENT set, or stdin a socket, and
# no parent shell), and those files fail under -u (`PS1: unbound variable`).
.SHELLFLAGS := --norc -eu -o pipefail -c
.DEFAULT_GOAL := test

# wasm-opt comes from the npm package binaryen (Debian's is too old for current
# wasm-bindgen output); scripts/build-wasm.mjs finds it through PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export WRANGLER_SEND_METRICS := false
# wrangler dev does not fetch sample Request.cf values from Cloudflare: the
# worker never reads request.cf, and offline the fetch prints a stack trace.
export CLOUDFLARE_CF_FETCH_ENABLED := false
# wrangler appends every message, debug ones included, to a log file, by default
# under ~/.config/.wrangler/logs; the tests and benchmarks start it dozens of
# times, so their logs stay in the project (and go with `make clean`).
export WRANGLER_LOG_PATH ?= $(CURDIR)/target/wrangler-logs
export CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen's test runner drives the browser of the first driver variable it
# finds, GECKODRIVER before CHROMEDRIVER: only the Firefox run gets it.
GECKODRIVER ?= $(HOME)/.cargo/bin/geckodriver
unexport GECKODRIVER

# The WebAssembly builds (the package's and the benchmarks' floor) are the
# rows of scripts/build-profiles.mjs, built by scripts/build-wasm.mjs; the
# package's entries are the rows of pkg-template/entries.mjs.
WASM_BUILD_SCRIPTS := scripts/build-profiles.mjs scripts/build-wasm.mjs scripts/wasm-binary.mjs $(wildcard scripts/patches/*.mjs)
PKG_SCRIPTS := $(WASM_BUILD_SCRIPTS) scripts/assemble-pkg.mjs $(wildcard scripts/package/*.mjs)

CORE_SOURCES := $(shell find src -name '*.rs') Cargo.toml Cargo.lock
WORKER_SOURCES := $(CORE_SOURCES) $(shell find worker/src -name '*.rs') worker/Cargo.toml

.PHONY: dev test setup pkg site worker lint test-rust test-nostd test-wasm test-js bench clean

## dev: build everything and run the worker and demo page on http://127.0.0.1:8787
dev: setup pkg site worker
	@node scripts/dev.mjs

## test: every check and test suite
test: setup lint test-rust test-nostd test-wasm pkg site worker test-js

## setup: install whatever is missing, saying what and why (idempotent; scripts/setup.sh)
setup:
	@scripts/setup.sh $(SETUP_FOR)

## pkg: assemble the npm package in pkg/
pkg: pkg/package.json
pkg/package.json: $(CORE_SOURCES) $(shell find pkg-template -type f) $(PKG_SCRIPTS) LICENSE-MIT LICENSE-APACHE | setup
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
	cargo clippy --target wasm32-unknown-unknown --features js --lib --tests -- -D warnings
	node scripts/build-wasm.mjs --lint

test-rust:
	cargo test --workspace

# The core builds for a bare-metal target without std: proof that it is no_std.
# (As an rlib: a cdylib cannot link there.)
test-nostd:
	cargo rustc --lib --target thumbv7em-none-eabi --no-default-features --crate-type rlib

test-wasm:
	wasm-pack test --node -- --features js --test node
	wasm-pack test --headless --chrome -- --features js --test web
	GECKODRIVER="$(GECKODRIVER)" wasm-pack test --headless --firefox -- --features js --test web

test-js:
	node --test tests/js/

## bench: jwt-edge beside the libraries users would pick instead, in Node, workerd and
## native Rust, the download size and the cold start; prints Markdown and writes
## docs/benchmarks.md (a few minutes)
bench: SETUP_FOR := bench
bench: setup pkg site worker target/wasm-floor/floor.js target/wasm-floor-verify/floor.js
	mkdir -p target/bench
	node bench/js.mjs --json target/bench/js.json
	node bench/edge.mjs --json target/bench/edge.json
	node bench/native.mjs --runs 3 --json target/bench/native.json
	node bench/size.mjs --json target/bench/size.json
	node bench/cold.mjs --json target/bench/cold.json
	node bench/report.mjs

# The JavaScript benchmarks' floor (bench/wasm-floor): HMAC-SHA2 and base64url
# in WebAssembly and nothing else, built as the package's modules are (the
# profiles `floor` and `floor-verify-only` of scripts/build-profiles.mjs): for
# speed beside the Node cases, and without signing for size beside the download.
FLOOR_SOURCES := $(wildcard bench/wasm-floor/src/*.rs) bench/wasm-floor/Cargo.toml Cargo.lock $(WASM_BUILD_SCRIPTS)
target/wasm-floor/floor.js: $(FLOOR_SOURCES) | setup
	node scripts/build-wasm.mjs floor
target/wasm-floor-verify/floor.js: $(FLOOR_SOURCES) | setup
	node scripts/build-wasm.mjs floor-verify-only

clean:
	rm -rf target pkg node_modules worker/build
