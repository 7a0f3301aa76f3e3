// Node's own crypto (`node:crypto`, synchronous) checks RSA and ECDSA
// signatures (the algorithms below) for `verify`, `verifyWithHeader` and
// `Verifier`, where WebAssembly hands them over: everything else, every
// strict rule included, runs in WebAssembly first
// (src/js/runtime_signature.rs); only the signature's arithmetic is done here,
// with a KeyObject prepared once per key. The glue's own `verify` and
// `Verifier`, which do it all in WebAssembly, stay the pure-Rust path, taken
// for secrets and for Ed25519 (never handed over).
import { constants, createPublicKey, verify as cryptoVerify } from "node:crypto";
import { publishedJwtError } from "./error.js";

// The pure-Rust path's error for a signature that does not match (its
// Error::SignatureInvalid; tests/js/runtime-crypto.test.mjs compares them).
const signatureFailed = () => new (publishedJwtError())("signature verification failed", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");

// Why: µs per verify of a 150-byte token with a key from importJwk, in
// Node 20 (the best of 15 rounds of 100, 20 for ES384/ES512), pure Rust in
// WebAssembly (the speed build) against this path with every strict check
// still in WebAssembly, through a Verifier and through the one-shot verify
// (which reads the key every call):
//   RS256  330 → 31,   361 → 65     RS512  335 → 31,   367 → 66
//   PS256  330 → 33,   363 → 66     PS512  333 → 33,   363 → 66
//   ES256  784 → 74,   781 → 80     ES384 3030 → 644, 3046 → 658
//   ES512 3016 → 1448, 3068 → 1465
// (RS384 and PS384 cost what RS256 and RS512 do: the modulus decides.)
// Ed25519 is never handed over: handing it over with verify_strict's checks
// on R and S made first measured 125 → 128 µs.
const pss = (bytes) => ({ padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: bytes });
const ieee = { dsaEncoding: "ieee-p1363" };
/**
 * Per algorithm: the hash `crypto.verify` takes and the key's options (PSS
 * salt = the hash's length). (Exported for the tests, which check them
 * against Wycheproof's signatures.)
 */
export const algorithms = {
  RS256: ["sha256", {}],
  RS384: ["sha384", {}],
  RS512: ["sha512", {}],
  PS256: ["sha256", pss(32)],
  PS384: ["sha384", pss(48)],
  PS512: ["sha512", pss(64)],
  ES256: ["sha256", ieee],
  ES384: ["sha384", ieee],
  ES512: ["sha512", ieee],
};

/** How many KeyObjects are kept (the WebAssembly side keeps as many key ids). */
const KEPT_KEYS = 16;

const isSecret = (key) => typeof key === "string" || key instanceof Uint8Array;

/**
 * `verify`, `verifyWithHeader` and `Verifier` of `glue` (the speed build's
 * wasm-bindgen glue, instantiated) with the signature checks of `algorithms`
 * done by `node:crypto`.
 */
export function withRuntimeCrypto(glue) {
  // Key id (from the WebAssembly side, never reused) → KeyObject, or null for
  // a key node:crypto would not import (its tokens stay on the pure path).
  const keyObjects = new Map();

  function keyObject(id) {
    let key = keyObjects.get(id);
    if (key !== undefined) return key;
    const jwk = glue.runtimeKeyJwk(id);
    try {
      key = jwk === undefined ? null : createPublicKey({ key: JSON.parse(jwk), format: "jwk" });
    } catch {
      key = null;
    }
    if (keyObjects.size >= KEPT_KEYS) keyObjects.delete(keyObjects.keys().next().value);
    keyObjects.set(id, key);
    return key;
  }

  // The outcome of a call on `token` that may have handed its signature
  // over: the payload as it is, or `[key id, algorithm, signing input
  // length, verdict]` (the numbers as decimal strings), whose verdict (the payload or a claim's error) stands
  // once the signature is good. The token is the signing input (ASCII), a "."
  // and the signature in base64url, checked canonical in WebAssembly: decoded
  // here, it gives the very bytes checked there. Where node:crypto cannot
  // answer, `pure` does it all.
  function settle(token, outcome, pure) {
    if (!Array.isArray(outcome)) return outcome;
    const [id, alg, length, verdict] = outcome;
    const inputLength = Number(length);
    const key = keyObject(Number(id));
    if (key === null) return pure();
    if (!(alg in algorithms)) return pure();
    const [hash, options] = algorithms[alg];
    let good;
    try {
      const input = Buffer.from(token.slice(0, inputLength), "latin1");
      const signature = Buffer.from(token.slice(inputLength + 1), "base64url");
      good = cryptoVerify(hash, input, { key, ...options }, signature);
    } catch {
      return pure();
    }
    if (!good) throw signatureFailed();
    if (verdict instanceof Error) throw verdict;
    return verdict;
  }

  function verify(token, key, options) {
    if (isSecret(key)) return glue.verify(token, key, options);
    return settle(token, glue.verifyHandingOver(token, key, options, false), () => glue.verify(token, key, options));
  }

  function verifyWithHeader(token, key, options) {
    if (isSecret(key)) return glue.verifyWithHeader(token, key, options);
    return settle(token, glue.verifyHandingOver(token, key, options, true), () => glue.verifyWithHeader(token, key, options));
  }

  class Verifier {
    #verifier;
    #secret;
    constructor(key, options) {
      this.#verifier = new glue.Verifier(key, options);
      this.#secret = isSecret(key);
    }
    verify(token) {
      if (this.#secret) return this.#verifier.verify(token);
      return settle(token, this.#verifier.verifyHandingOver(token, false), () => this.#verifier.verify(token));
    }
    verifyWithHeader(token) {
      if (this.#secret) return this.#verifier.verifyWithHeader(token);
      return settle(token, this.#verifier.verifyHandingOver(token, true), () => this.#verifier.verifyWithHeader(token));
    }
    free() {
      this.#verifier.free();
    }
  }
  if (Symbol.dispose && glue.Verifier.prototype[Symbol.dispose]) {
    Verifier.prototype[Symbol.dispose] = Verifier.prototype.free;
  }

  return { verify, verifyWithHeader, Verifier };
}
