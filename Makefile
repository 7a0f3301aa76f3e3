# jwt-edge: `make dev` and `make test` set up everything they need on a fresh
# Debian/Ubuntu machine with Rust and Node, and are quick the second time.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

# wasm-opt comes from the npm package binaryen (Debian's is too old for current
# wasm-bindgen output); wasm-pack finds it through PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export WRANGLER_SEND_METRICS := false
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM_PACK_VERSION := 0.15.1
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p}' Cargo.lock)
WASM_PACK_BUILD := wasm-pack build --target web --release --out-dir target/wasm-pack --out-name jwt_edge --no-pack . -- --no-default-features --features js
STAMPS := target/stamps

.PHONY: dev test setup pkg lint test-rust test-nostd test-wasm test-js clean

## dev: build the package and serve the demo page on http://127.0.0.1:8787
dev: setup pkg
	node scripts/serve-www.mjs

## test: every check and test suite
test: setup lint test-rust test-nostd test-wasm pkg test-js

## setup: install whatever is missing (idempotent)
setup: $(STAMPS)/rust-targets $(STAMPS)/wasm-pack $(STAMPS)/wasm-bindgen-$(WASM_BINDGEN_VERSION) node_modules/.installed $(STAMPS)/chromium

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

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(STAMPS)/chromium:
	if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	  else \
	    echo "Chromium and its driver are missing: sudo apt-get install chromium chromium-driver" >&2; exit 1; \
	  fi; \
	fi
	mkdir -p $(STAMPS) && touch $@

## pkg: assemble the npm package in pkg/
pkg: setup
	$(WASM_PACK_BUILD)
	node scripts/assemble-pkg.mjs

lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features js --lib --tests -- -D warnings

test-rust:
	cargo test

# The core builds for a bare-metal target without std: proof that it is no_std.
# (As an rlib: a cdylib cannot link there.)
test-nostd:
	cargo rustc --lib --target thumbv7em-none-eabi --no-default-features --crate-type rlib

test-wasm:
	wasm-pack test --node -- --features js --test node
	wasm-pack test --headless --chrome -- --features js --test web

test-js:
	node --test tests/js/

clean:
	rm -rf target pkg node_modules
