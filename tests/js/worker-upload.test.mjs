// The worker's upload budget: the module and its JavaScript as `make worker`
// builds them into worker/build for `wrangler deploy`, each file gzipped
// (level 9). Sizes are deterministic for a toolchain, so this guards against
// regressions; bench/edge.mjs reports the same figures (docs/benchmarks.md,
// under Edge).
//
// The upload was 266,967 bytes gzipped until the worker stopped parsing its
// own origin with the `url` crate, whose IDNA and Unicode normalization tables
// were a third of the module; it was 182,977 then. Signing access tokens with
// a private key (EdDSA and ES256) and verifying them with the published keys
// links the core's Ed25519 and P-256 ECDSA code (ed25519-dalek, p256) and its
// JWK parsing: 243,664 bytes (index.js 6,581, index_bg.wasm 237,083), far
// below Workers' free-plan limit of 3 MB gzipped. (The worker takes the core's
// `es256` feature: all of `ecdsa`, with P-384 and P-521, made it 276,845.)
// Accepting the access tokens of trusted identity providers (TRUSTED_ISSUERS),
// most of which sign with RSA, links the core's RSA verification (the `rsa`
// feature: `rsa` and `crypto-bigint`, 266,970 with that alone) and the fetching
// and caching of their key sets: 295,843 bytes (index.js 6,974, index_bg.wasm
// 288,869), a tenth of Workers' free-plan limit of 3 MB gzipped.
// The budget leaves a little room for toolchain drift.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { functionNames } from "../../scripts/wasm-binary.mjs";

const build = new URL("../../worker/build/", import.meta.url);
const files = ["index.js", "index_bg.wasm"];
const BUDGET = 293 * 1024;

test(`the worker uploads at most ${BUDGET} bytes gzipped`, () => {
  const sizes = files.map((name) => ({ name, gzip: gzipSync(readFileSync(new URL(name, build)), { level: 9 }).length }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  const detail = sizes.map(({ name, gzip }) => `${name} ${gzip}`).join(", ");
  assert.ok(total <= BUDGET, `${total} bytes gzipped (${detail}) is over the budget of ${BUDGET}`);
});

test("the worker's module carries no URL parser and no IDNA tables", () => {
  // worker-build keeps the name section (function names in stack traces), so
  // the crates linked in can be read from it (from the binary: Node cannot
  // compile this module, which uses the exception handling workerd supports).
  const names = functionNames(readFileSync(new URL("index_bg.wasm", build)));
  assert.ok(
    names.some((name) => name.startsWith("jwt_edge_worker::")),
    "the name section does not name the worker's own functions",
  );
  // A crate's path starts a name or follows `<`, `&`, a space...; never `::`.
  const crate = /(?:^|[^\w:])(url|idna|icu_normalizer)(?:\[[0-9a-f]+\])?::/;
  const linked = names.filter((name) => crate.test(name));
  assert.deepEqual(linked.slice(0, 5), [], `${linked.length} functions of url, idna or icu_normalizer`);
});

test("the worker's module carries the Ed25519 and P-256 code it signs with, RSA for trusted issuers, and no P-384 or P-521", () => {
  const names = functionNames(readFileSync(new URL("index_bg.wasm", build)));
  const linked = (crate) => names.filter((name) => new RegExp(`(?:^|[^\\w:])${crate}(?:\\[[0-9a-f]+\\])?::`).test(name));
  for (const crate of ["ed25519_dalek", "p256", "rsa"]) assert.notDeepEqual(linked(crate), [], `no function of ${crate}`);
  for (const crate of ["p384", "p521"]) assert.deepEqual(linked(crate).slice(0, 5), [], `functions of ${crate}`);
});
