// Builds the WebAssembly profiles of scripts/build-profiles.mjs, each the same
// way: cargo, wasm-bindgen (`--target web`), wasm-opt, then the post-build
// patches of scripts/patches/ on the glue and the .wasm.
//
//   node scripts/build-wasm.mjs NAME...   builds the named profiles
//   node scripts/build-wasm.mjs --lint    runs clippy on every profile's crate and features
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { optimizations, profiles, rustflags, wasmOptOptions } from "./build-profiles.mjs";
import * as encodeIntoStrings from "./patches/encode-into-strings.mjs";
import * as importNamesWithoutHashes from "./patches/import-names-without-hashes.mjs";

const root = new URL("..", import.meta.url).pathname;
// wasm-opt is the npm package binaryen's (Debian's is too old for current
// wasm-bindgen output); wasm-bindgen is the one `make setup` installs.
const path = [join(root, "node_modules/.bin"), join(process.env.HOME ?? "", ".cargo/bin"), process.env.PATH].join(":");

/** The post-build patches, in the order they are applied to every build. */
export const patches = [encodeIntoStrings, importNamesWithoutHashes];

/** The commands that build `profile` (program, arguments, environment), before the patches. */
export function buildCommands(profile) {
  const optimization = optimizations[profile.optimize];
  if (!optimization) throw new Error(`unknown optimization ${profile.optimize}`);
  const artifact = join(profile.targetDir, "wasm32-unknown-unknown/release", `${profile.crate.replaceAll("-", "_")}.wasm`);
  const glueWasm = join(profile.outDir, `${profile.name}_bg.wasm`);
  const wasm = join(profile.outDir, profile.wasm);
  return [
    {
      program: "cargo",
      args: ["build", "--lib", "--release", "--target", "wasm32-unknown-unknown", "-p", profile.crate, "--no-default-features", "--features", profile.features.join(",")],
      env: {
        CARGO_TARGET_DIR: profile.targetDir,
        CARGO_PROFILE_RELEASE_OPT_LEVEL: optimization.optLevel,
        RUSTFLAGS: [...rustflags, ...optimization.rustflags].join(" "),
      },
    },
    { program: "wasm-bindgen", args: [artifact, "--out-dir", profile.outDir, "--typescript", "--target", "web", "--out-name", profile.name] },
    { program: "wasm-opt", args: [glueWasm, "-o", wasm, ...optimization.wasmOpt, ...wasmOptOptions] },
  ];
}

/** Builds the profile called `name` with `withPatches` (all by default); returns its glue and .wasm paths. */
export function buildProfile(name, { withPatches = patches } = {}) {
  const profile = profiles[name];
  if (!profile) throw new Error(`no build profile ${name} (scripts/build-profiles.mjs has ${Object.keys(profiles).join(", ")})`);
  console.log(`building ${name}: ${profile.crate} --features ${profile.features.join(",")}, optimized for ${profile.optimize}`);
  for (const { program, args, env = {} } of buildCommands(profile)) {
    execFileSync(program, args, { cwd: root, stdio: "inherit", env: { ...process.env, PATH: path, ...env } });
  }
  const gluePath = join(root, profile.outDir, `${profile.name}.js`);
  const wasmPath = join(root, profile.outDir, profile.wasm);
  // wasm-opt wrote the module under its own name: wasm-bindgen's goes.
  if (profile.wasm !== `${profile.name}_bg.wasm`) rmSync(join(root, profile.outDir, `${profile.name}_bg.wasm`));
  let output = { glue: readFileSync(gluePath, "utf8"), wasm: readFileSync(wasmPath) };
  for (const patch of withPatches) output = patch.apply(output);
  writeFileSync(wasmPath, output.wasm);
  writeFileSync(gluePath, output.glue);
  return { glue: gluePath, wasm: wasmPath };
}

/** clippy, warnings denied, on each crate and features that a profile builds. */
export function lintProfiles() {
  const builds = new Set(Object.values(profiles).map(({ crate, features }) => `${crate} ${features.join(",")}`));
  for (const build of builds) {
    const [crate, features] = build.split(" ");
    const args = ["clippy", "--target", "wasm32-unknown-unknown", "-p", crate, "--no-default-features", "--features", features, "--lib", "--", "-D", "warnings"];
    console.log(`cargo ${args.join(" ")}`);
    execFileSync("cargo", args, { cwd: root, stdio: "inherit" });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2);
  if (names.length === 0) throw new Error("usage: node scripts/build-wasm.mjs NAME... | --lint");
  if (names[0] === "--lint") lintProfiles();
  else for (const name of names) buildProfile(name);
}
