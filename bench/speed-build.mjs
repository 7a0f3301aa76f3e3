// The WebAssembly build that a runtime's package entry loads, as the
// benchmarks reach it directly: its wasm-bindgen glue (a module whose `initSync`
// instantiates it) and its .wasm, worked out from pkg-template/entries.mjs and
// scripts/build-profiles.mjs. Calling the glue's `verify` and `sign` bypasses
// whatever the entry adds in JavaScript: the synchronous pure-Rust path.
import { entries, runtimes } from "../pkg-template/entries.mjs";
import { profiles } from "../scripts/build-profiles.mjs";

/**
 * The glue's and the .wasm's file names (in the package) of the build that
 * `runtime` (a key of `runtimes`: `node-import`, `workerd`) loads for the
 * package's main entry.
 */
export function speedBuildFiles(runtime) {
  const main = entries.find(({ path }) => path === ".");
  const profile = profiles[main.builds[runtimes[runtime].loads]];
  return { glue: `${profile.name}.js`, wasm: profile.wasm };
}
