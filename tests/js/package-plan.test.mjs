// The package's layout follows from its tables alone: one more row of
// pkg-template/entries.mjs or scripts/build-profiles.mjs is one more entry,
// runtime or build everywhere it belongs (package.json's exports and files,
// the entry modules, the declarations), with nothing else to edit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { entries, runtimes, sourceEntries } from "../../pkg-template/entries.mjs";
import { profiles } from "../../scripts/build-profiles.mjs";
import { buildCommands } from "../../scripts/build-wasm.mjs";
import { packagePlan } from "../../scripts/package/plan.mjs";

const tables = { runtimes, entries, sourceEntries, profiles };
const leaves = (exported) =>
  typeof exported === "string" ? [exported] : Object.values(exported).flatMap((value) => leaves(value));

test("every file that package.json's exports names is one the package ships", () => {
  const { manifest } = packagePlan(tables);
  for (const [path, exported] of Object.entries(manifest.exports)) {
    for (const file of leaves(exported)) {
      if (file !== "./package.json") assert.ok(manifest.files.includes(file.slice(2)), `${path}: ${file}`);
    }
  }
});

test("one entry row is an export in every runtime, with its modules and declarations", () => {
  // A new entry shaped like jwt-edge/decode: its own module for browsers,
  // the whole API's module (one instance) on servers.
  const readOnly = { crate: "jwt-edge", features: ["npm-decode"], optimize: "size", targetDir: "target/read-only", outDir: "target/wasm-pack-read", name: "jwt_edge_read", wasm: "jwt_edge_read_bg.wasm" };
  const read = { path: "./read", builds: { size: "read-only", speed: "speed" }, values: ["decode"], types: ["DecodedJwt", "JwtHeader", "JwtPayload"], declarations: "." };
  const before = packagePlan(tables);
  const after = packagePlan({ ...tables, entries: [...entries, read], profiles: { ...profiles, "read-only": readOnly } });

  assert.deepEqual(Object.keys(after.manifest.exports), [...Object.keys(before.manifest.exports).slice(0, entries.length), "./read", ...Object.keys(before.manifest.exports).slice(entries.length)]);
  // Its types are the root entry's where it loads each build: the root's
  // speed build (Node, workerd) has more API, so it has declarations per load.
  assert.deepEqual(after.manifest.exports["./read"], {
    workerd: { types: "./read-speed.d.ts", default: "./read-workerd.js" },
    node: {
      import: { types: "./read-speed.d.ts", default: "./read-node.js" },
      require: { types: "./read-speed.d.cts", default: "./read-node.cjs" },
    },
    require: { types: "./read-speed.d.cts", default: "./read-node.cjs" },
    default: { types: "./read.d.ts", default: "./read.js" },
  });
  const added = after.manifest.files.filter((file) => !before.manifest.files.includes(file)).sort();
  assert.deepEqual(added, ["jwt_edge_read_bg.wasm", "read-node.cjs", "read-node.js", "read-speed.d.cts", "read-speed.d.ts", "read-workerd.js", "read.d.cts", "read.d.ts", "read.js"]);
  assert.deepEqual(after.builds.sort(), [...before.builds, "read-only"].sort());

  const module = (file) => after.modules.find((candidate) => candidate.file === file);
  assert.match(module("read.js").source, /import init, \{ decode \} from "\.\/jwt_edge_read\.js";/);
  assert.match(module("read.js").source, /new URL\("\.\/jwt_edge_read_bg\.wasm", import\.meta\.url\)/);
  assert.match(module("read-node.js").source, /export \{ JwtError, decode \} from "\.\/node\.js";/);
  assert.match(module("read-node.cjs").source, /require\("\.\/node\.cjs"\)/);
  const declarations = (file) => after.declarations.find((candidate) => candidate.file === file).source;
  assert.match(declarations("read.d.ts"), /export type \{ DecodedJwt, JwtHeader, JwtPayload \} from "\.\/index\.js";/);
  assert.match(declarations("read.d.cts"), /export \{ JwtError, decode \} from "\.\/index\.cjs";/);
});

test("one runtime row is a condition of every entry, loading the entry's build for it", () => {
  const deno = { ...runtimes["node-import"], about: "Deno", conditions: [["deno"]], suffix: "deno" };
  const after = packagePlan({ ...tables, runtimes: { deno, ...runtimes } });
  for (const entry of entries) {
    const exported = after.manifest.exports[entry.path];
    assert.equal(Object.keys(exported)[0], "deno", entry.path);
    const file = exported.deno.default.slice(2);
    assert.ok(after.manifest.files.includes(file), file);
    assert.ok(after.modules.some((module) => module.file === file), file);
  }
  assert.match(after.modules.find(({ file }) => file === "deno.js").source, /readFileSync\(new URL\("\.\/jwt_edge_fast_bg\.wasm"/);
  assert.match(after.modules.find(({ file }) => file === "verify-deno.js").source, /from "\.\/deno\.js";/);
});

test("one profile row is one build, with the shared optimizations and wasm-opt options", () => {
  const row = { crate: "jwt-edge", features: ["npm-decode"], optimize: "size", targetDir: "target/decode-only", outDir: "target/wasm-pack-decode", name: "jwt_edge_decode", wasm: "jwt_edge_decode_bg.wasm" };
  const [cargo, bindgen, wasmOpt] = buildCommands(row);
  assert.deepEqual(cargo.args.slice(-3), ["--no-default-features", "--features", "npm-decode"]);
  assert.equal(cargo.env.CARGO_TARGET_DIR, "target/decode-only");
  assert.deepEqual(bindgen.args.slice(-2), ["--out-name", "jwt_edge_decode"]);
  assert.deepEqual(wasmOpt.args.slice(0, 4), ["target/wasm-pack-decode/jwt_edge_decode_bg.wasm", "-o", "target/wasm-pack-decode/jwt_edge_decode_bg.wasm", "-Oz"]);
  // Every build, the package's and the floor's, gets the same wasm-opt options after its level.
  const options = (name) => buildCommands(profiles[name])[2].args.slice(4);
  for (const name of Object.keys(profiles)) {
    assert.ok(options(name).includes("--strip-producers"), name);
    assert.deepEqual(options(name).filter((option) => option !== "--enable-simd"), options("size"), name);
  }
});

test("a table that cannot be built fails loudly", () => {
  const broken = (change) => () => packagePlan({ ...tables, ...change });
  // A build that does not exist.
  assert.throws(broken({ entries: [{ ...entries[0], builds: { size: "nope", speed: "speed" } }] }), /no build profile nope/);
  // A later entry sharing a module with one that does not export what it needs.
  assert.throws(broken({ entries: [entries[1], entries[0]] }), /sign, Signer(, \w+)* not in \.\/verify/);
  // Two things in one file.
  assert.throws(broken({ entries: [...entries, { ...entries[1], path: "./node" }] }), /both/);
});
