// The WebAssembly builds: one row each, the one source of how the package's
// modules and the benchmarks' floor (bench/wasm-floor) are compiled and
// optimized. scripts/build-wasm.mjs runs them (`node scripts/build-wasm.mjs
// NAME...`); scripts/assemble-pkg.mjs builds those that pkg-template/entries.mjs
// names. Adding a build is one row of `profiles`.
//
// Every build is compiled without the standard library (the crate's own panic
// handler and allocator: its feature `npm-runtime`, which `npm`, `npm-verify`
// and `npm-decode` turn on) and with sha2's compact SHA-256/512 (a tenth of the
// unrolled code for about 5% of verify speed); docs/benchmarks.md has the
// measurements.

/** How a build is optimized: the cargo release profile's opt-level, the extra
 * RUSTFLAGS and wasm-opt's optimization options. */
export const optimizations = {
  // What browsers download: opt-level "s" (Cargo.toml's release profile) and `wasm-opt -Oz`.
  size: { optLevel: "s", rustflags: [], wasmOpt: ["-Oz"] },
  // What Node and workerd load: opt-level 3, `wasm-opt -O3`, and WebAssembly
  // SIMD, which selects sha2's SIMD backend (V8 has had SIMD since Node 16.4;
  // browsers keep the size build, which also runs where SIMD does not).
  speed: { optLevel: "3", rustflags: ["-C", "target-feature=+simd128"], wasmOpt: ["-O3", "--enable-simd"] },
};

/** RUSTFLAGS of every build. */
export const rustflags = ["--cfg", 'sha2_backend_soft="compact"'];

/** wasm-opt's options for every build: the features wasm-bindgen's output
 * uses, and the custom sections `producers` and `target_features` stripped
 * (they only describe the toolchain and no runtime reads them: 0.2 KB gzipped). */
export const wasmOptOptions = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
  "--strip-producers",
  "--strip-target-features",
];

/**
 * The builds. `crate` and its `features` (always without default features),
 * `optimize` (a key of `optimizations`), `targetDir` (cargo's; a build whose
 * flags or features differ from another's keeps its own, so that both stay
 * cached), `outDir`, `name` (wasm-bindgen's out-name: the glue is `name.js`)
 * and `wasm` (the module's file name; builds that share a glue differ in it).
 */
export const profiles = {
  // The whole API for browsers and bundlers.
  size: {
    crate: "jwt-edge",
    features: ["npm"],
    optimize: "size",
    targetDir: "target",
    outDir: "target/wasm-pack",
    name: "jwt_edge",
    wasm: "jwt_edge_bg.wasm",
  },
  // The whole API for Node and workerd, every algorithm (the asymmetric
  // families `rsa`, `ecdsa`, `eddsa`), with the crate's feature `speed` (the
  // code paths native builds take). Its glue is its own: it has the bindings
  // that hand a signature to the runtime's crypto, which the browsers' builds
  // leave out (src/js/runtime_signature.rs).
  speed: {
    crate: "jwt-edge",
    features: ["npm", "speed", "rsa", "ecdsa", "eddsa"],
    optimize: "speed",
    targetDir: "target/speed",
    outDir: "target/wasm-pack-speed",
    name: "jwt_edge_speed",
    wasm: "jwt_edge_fast_bg.wasm",
  },
  // `jwt-edge/jwk` for browsers: the whole API with the asymmetric families.
  jwk: {
    crate: "jwt-edge",
    features: ["npm", "rsa", "ecdsa", "eddsa"],
    optimize: "size",
    targetDir: "target/jwk",
    outDir: "target/wasm-pack-jwk",
    name: "jwt_edge_jwk",
    wasm: "jwt_edge_jwk_bg.wasm",
  },
  // `jwt-edge/verify` for browsers: without signing (feature `npm-verify`).
  "verify-only": {
    crate: "jwt-edge",
    features: ["npm-verify"],
    optimize: "size",
    targetDir: "target/verify-only",
    outDir: "target/wasm-pack-verify",
    name: "jwt_edge_verify",
    wasm: "jwt_edge_verify_bg.wasm",
  },
  // `jwt-edge/decode` for browsers: the strict reader and the expiry helpers,
  // without any MAC code (feature `npm-decode`).
  "decode-only": {
    crate: "jwt-edge",
    features: ["npm-decode"],
    optimize: "size",
    targetDir: "target/decode-only",
    outDir: "target/wasm-pack-decode",
    name: "jwt_edge_decode",
    wasm: "jwt_edge_decode_bg.wasm",
  },
  // The floor of the JavaScript benchmarks (bench/wasm-floor: HMAC-SHA2 and
  // base64url, nothing checked), built as the speed build is, beside the Node cases.
  floor: {
    crate: "jwt-edge-wasm-floor",
    features: ["npm-runtime"],
    optimize: "speed",
    targetDir: "target/speed",
    outDir: "target/wasm-floor",
    name: "floor",
    wasm: "floor_bg.wasm",
  },
  // The floor without signing, built as `jwt-edge/verify` is, beside the download.
  "floor-verify-only": {
    crate: "jwt-edge-wasm-floor",
    features: ["npm-runtime", "verify-only"],
    optimize: "size",
    targetDir: "target/verify-only",
    outDir: "target/wasm-floor-verify",
    name: "floor",
    wasm: "floor_bg.wasm",
  },
};
