// The download budget: what a browser fetches to decode and verify tokens
// with `import { decode, verify } from "jwt-edge"` and no bundler, the entry
// (index.js, error.js), the wasm-bindgen glue and the .wasm, each gzipped on its
// own (level 9) as a server sends it. Sizes are deterministic for a toolchain,
// so this guards against regressions; bench/size.mjs reports them beside the
// peers' (docs/benchmarks.md).
//
// THE TARGET IS NOT MET. The target is 20 KB; the smallest build reached is
// 42,348 bytes (the .wasm 38,542, the glue 3,087, the entry 719), from 74,092
// before this work (docs/benchmarks.md, "What was tried", says where the rest
// goes). So this asserts the budget reached, with a little room for toolchain
// drift (42.5 KiB = 43,520 bytes), to catch regressions until the target is met.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

const TARGET = 20 * 1024;
const BUDGET = 42.5 * 1024;

const pkg = new URL("../../pkg/", import.meta.url);
const files = ["jwt_edge_bg.wasm", "jwt_edge.js", "index.js", "error.js"];

test(`decode + verify in a browser downloads at most ${BUDGET} bytes gzipped (the target is ${TARGET})`, () => {
  const sizes = files.map((name) => ({ name, gzip: gzipSync(readFileSync(new URL(name, pkg)), { level: 9 }).length }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  const detail = sizes.map(({ name, gzip }) => `${name} ${gzip}`).join(", ");
  assert.ok(total <= BUDGET, `${total} bytes gzipped (${detail}) is over the budget of ${BUDGET}`);
});

test("the browser entry imports nothing beyond those files", () => {
  // If the entry grew another import, the budget above would miss it.
  const imports = (name) =>
    [...readFileSync(new URL(name, pkg), "utf8").matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((match) => match[1]);
  assert.deepEqual(imports("index.js").sort(), ["./error.js", "./jwt_edge.js"]);
  assert.deepEqual(imports("error.js"), []);
  assert.deepEqual(imports("jwt_edge.js"), []);
  // The .wasm is the one index.js fetches.
  assert.match(readFileSync(new URL("index.js", pkg), "utf8"), /new URL\("\.\/jwt_edge_bg\.wasm", import\.meta\.url\)/);
});
