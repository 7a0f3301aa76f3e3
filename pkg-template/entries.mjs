// The npm package's entries: the one source of its entry modules, their type
// declarations and package.json's `exports`, `files`, `main`, `module` and
// `types` (scripts/assemble-pkg.mjs generates them into pkg/). Adding an
// entry is one row of `entries`; a runtime, one row of `runtimes`; a
// WebAssembly build, one row of scripts/build-profiles.mjs.

/**
 * The runtimes, in the order of package.json's conditions (the first that
 * matches wins).
 * - `conditions`: where the runtime's files go in each entry's export (a path
 *   of condition names; Node's nest under `node`).
 * - `loads`: which of an entry's `builds` it loads: `size` where the module is
 *   downloaded, `speed` where it runs on a server.
 * - `suffix`: what the entry's file name gets (`verify-node.js`); `format`:
 *   `esm` (`.js`, types `.d.ts`) or `cjs` (`.cjs`, types `.d.cts`).
 * - `bundled`: the module that loads a .wasm is bundled with its glue and the
 *   error class into one file (else it imports the glue, which is shipped).
 * - `init` (`initSync` or `default`, the glue's export that instantiates) and
 *   `load(wasm)`: the imports and the statement that instantiate the module
 *   from `wasm`, its file in the package.
 * - `runtimeCrypto` (optional): the module in this folder whose
 *   `withRuntimeCrypto(glue)` wraps the glue's `wraps` (where an entry exports
 *   them) so that the runtime's own crypto checks the signatures it does
 *   faster, after every other check in WebAssembly; the glue's own exports
 *   stay the pure-Rust path.
 * - `handOvers` (optional): where an entry has the asymmetric API, the
 *   glue's exports that hand a signature over (`exports`) are put on its
 *   value `to` under `Symbol.for("jwt-edge.handOver")`, for `verifyAsync`
 *   and `signAsync` (pkg-template/remote-jwks/web-crypto.js,
 *   web-crypto-sign.js) to check and make signatures with WebCrypto; nothing
 *   the entry exports changes.
 */
// Node's `node:crypto` (synchronous) checks RSA, ECDSA and Ed25519
// signatures, and makes ECDSA and Ed25519 signatures, several times faster than WebAssembly
// (the measurements are beside the module).
const nodeCrypto = { module: "runtime-crypto/node-crypto.js", wraps: ["verify", "verifyWithHeader", "Verifier", "sign", "Signer"] };
// WebCrypto is asynchronous: only `verifyAsync` and `signAsync` use it, in
// workerd, where it is faster (browsers load the size builds, which hand
// nothing over).
const webCryptoHandOvers = [
  { to: "verify", exports: ["verifyHandingOver", "handedOver", "handedOverPlace", "wasmMemory", "runtimeKeyJwk"] },
  { to: "sign", exports: ["signHandingOver", "handedOver"] },
];

export const runtimes = {
  workerd: {
    about: "Cloudflare Workers (workerd)",
    conditions: [["workerd"]],
    loads: "speed",
    suffix: "workerd",
    format: "esm",
    bundled: false,
    // Workers cannot compile code at run time: the bundler imports the .wasm as
    // a compiled WebAssembly.Module.
    init: "initSync",
    load: (wasm) => ({ imports: [`import wasmModule from "./${wasm}";`], run: "initSync({ module: wasmModule });" }),
    handOvers: webCryptoHandOvers,
  },
  "node-import": {
    about: "Node.js as an ES module",
    conditions: [["node", "import"]],
    loads: "speed",
    suffix: "node",
    format: "esm",
    bundled: false,
    // Reads and compiles the module synchronously at import.
    init: "initSync",
    load: (wasm) => ({
      imports: ['import { readFileSync } from "node:fs";'],
      run: `initSync({ module: readFileSync(new URL("./${wasm}", import.meta.url)) });`,
    }),
    runtimeCrypto: nodeCrypto,
  },
  "node-require": {
    about: "Node.js `require`",
    conditions: [["node", "require"], ["require"]],
    loads: "speed",
    suffix: "node",
    format: "cjs",
    bundled: true,
    init: "initSync",
    load: (wasm) => ({
      imports: ['import { readFileSync } from "node:fs";', 'import { join } from "node:path";'],
      run: `initSync({ module: readFileSync(join(__dirname, "${wasm}")) });`,
    }),
    runtimeCrypto: nodeCrypto,
  },
  browser: {
    about: "browsers and bundlers",
    conditions: [["default"]],
    loads: "size",
    suffix: "",
    format: "esm",
    // A page without a bundler fetches the entry and the .wasm, not a chain of
    // imports (two round trips before the .wasm is even requested).
    bundled: true,
    // Fetches and compiles the module once, at import (top-level await), so
    // every export is synchronous afterwards.
    init: "default",
    load: (wasm) => ({ imports: [], run: `await init({ module_or_path: new URL("./${wasm}", import.meta.url) });` }),
  },
};

/**
 * The entries that load WebAssembly.
 * - `path`: the subpath in package.json's `exports`.
 * - `builds`: the build (a profile of scripts/build-profiles.mjs) loaded where
 *   size matters and where speed does (the runtimes' `loads`). Entries that
 *   load the same build in a runtime share one instance there: the first
 *   entry's module loads it, the later ones re-export from it.
 * - `values` and `types`: its API (every entry exports `JwtError` too); one
 *   list, or one per build it loads (`{ size, speed }`) when they differ.
 * - `declarations`: `glue` for types from its builds' glue (one file per
 *   glue: `index.d.ts`, and `index-speed.d.ts` when the speed build's glue is
 *   another), or the path of the entry whose size-build types it re-exports.
 */
const hmacValues = ["decode", "verify", "sign", "expiresAt", "secondsUntilExpiry", "isExpired", "Verifier", "Signer"];
const hmacTypes = ["Algorithm", "DecodedJwt", "Duration", "JwtErrorCode", "JwtHeader", "JwtPayload", "Key", "SignOptions", "VerifyOptions"];
// What the asymmetric builds add: JWKs, JWK Sets and SPKI keys (RS*, PS*,
// ES*, EdDSA), the verified protected header, and key pairs.
const asymmetricValues = [...hmacValues, "verifyWithHeader", "decodeProtectedHeader", "importJwk", "importSpki", "generateKeyPair"];
const asymmetricTypes = [...hmacTypes, "Jwk", "JwkSet", "KeyPair", "KeyPairAlgorithm", "VerifiedJwt"];

export const entries = [
  // The whole API. In Node and workerd every algorithm (the speed build has
  // the asymmetric families); in browsers HMAC only, at its small size (the
  // asymmetric API is `jwt-edge/jwk`'s).
  {
    path: ".",
    builds: { size: "size", speed: "speed" },
    values: { size: hmacValues, speed: asymmetricValues },
    types: { size: hmacTypes, speed: asymmetricTypes },
    declarations: "glue",
  },
  // Decoding, verifying and the expiry helpers, without signing. In Node and
  // workerd, size does not matter: the whole API's module serves both entries
  // there (one instance).
  {
    path: "./verify",
    builds: { size: "verify-only", speed: "speed" },
    values: ["decode", "verify", "expiresAt", "secondsUntilExpiry", "isExpired", "Verifier"],
    types: ["Algorithm", "DecodedJwt", "Duration", "JwtErrorCode", "JwtHeader", "JwtPayload", "Key", "VerifyOptions"],
    declarations: ".",
  },
  // Decoding and the expiry helpers only, for pages, which hold no secret to
  // verify with: no MAC code in its browser build. In Node and workerd, the
  // whole API's module serves it too.
  {
    path: "./decode",
    builds: { size: "decode-only", speed: "speed" },
    values: ["decode", "expiresAt", "secondsUntilExpiry", "isExpired"],
    types: ["DecodedJwt", "JwtErrorCode", "JwtHeader", "JwtPayload"],
    declarations: ".",
  },
  // Every algorithm in browsers too: HMAC and the asymmetric families (JWKs,
  // JWK Sets, SPKI keys, key pairs), with its own .wasm. In Node and workerd
  // it is the whole API's module.
  {
    path: "./jwk",
    builds: { size: "jwk", speed: "speed" },
    values: asymmetricValues,
    types: asymmetricTypes,
    declarations: "glue",
  },
];

/**
 * The entries written in JavaScript (in this folder): shipped as they are for
 * `import` (bundled into one file when `bundled`), bundled to CommonJS for
 * `require` (with the package itself external), their declarations (one
 * file, or several joined in order) copied for both. `values`: what the source
 * exports (tests/js/package-entries.test.mjs checks it in every runtime).
 */
export const sourceEntries = [
  // The auth client for the worker's API.
  {
    path: "./client",
    source: "client/client.js",
    declarations: "client/client.d.ts",
    values: ["AuthError", "createAuthClient"],
  },
  // An identity provider's JWK Set, fetched and cached (createRemoteJwks),
  // and verifyAsync, which takes it as a key. Its modules import one another:
  // bundled into one file for `import` too.
  {
    path: "./remote-jwks",
    source: "remote-jwks/entry.js",
    bundled: true,
    declarations: ["remote-jwks/remote-jwks.d.ts", "remote-jwks/verify-async.d.ts", "remote-jwks/sign-async.d.ts"],
    values: ["STALE_LIMIT", "createRemoteJwks", "verifyAsync", "signAsync"],
  },
];
