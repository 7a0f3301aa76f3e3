// Node's own crypto (`node:crypto`, synchronous) checks RSA, ECDSA and
// Ed25519 signatures (the algorithms below) for `verify`, `verifyWithHeader` and
// `Verifier`, and makes ECDSA and Ed25519 signatures for `sign` and `Signer`
// with private JWKs, where WebAssembly hands them over: everything else,
// every strict rule included, runs in WebAssembly first
// (src/js/runtime_signature.rs, src/js/runtime_signing.rs); only the
// signature's arithmetic is done here, with a KeyObject prepared once per key.
// The glue's own `verify`, `Verifier`, `sign` and `Signer`, which do it all
// in WebAssembly, stay the pure-Rust path, taken for secrets.
import { constants, createPrivateKey, createPublicKey, publicEncrypt, sign as cryptoSign, verify as cryptoVerify } from "node:crypto";
import { publishedJwtError } from "./error.js";

// The pure-Rust path's error for a signature that does not match (its
// Error::SignatureInvalid; tests/js/runtime-crypto.test.mjs compares them).
const signatureFailed = () => new (publishedJwtError())("signature verification failed", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");

// Why: µs per verify of a token of 150–400 bytes with a key from importJwk,
// in Node 20 (the best of 15 rounds of 100, 20 for ES384/ES512), pure Rust in
// WebAssembly (the speed build) against this path with every strict check
// still in WebAssembly, through a Verifier and through the one-shot verify
// (which knows the frozen key again by identity):
//   RS256  328 → 24,   327 → 23     RS512  327 → 23,   327 → 23
//   PS256  332 → 26,   334 → 26     PS512  334 → 26,   331 → 26
//   ES256  767 → 67,   769 → 67     ES384 3014 → 626, 3019 → 627
//   ES512 3034 → 1425, 3039 → 1419
//   EdDSA  125 → 105,  125 → 106 (the checks of R and S first compare bytes,
//   where decompressing R to ask measured 125 → 128)
// (RS384 and PS384 cost what RS256 and RS512 do: the modulus decides.)
const pss = (bytes) => ({ padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: bytes });
// RS*: WebAssembly hands over the encoded message a valid signature gives
// (RFC 8017 §9.2, the digest taken there) in place of the signing input; the
// public operation alone (`publicEncrypt` without padding) is then compared
// with it. (Per RS256 verification in Node 20: 0.7 µs less than
// `crypto.verify` over the signing input, the digest in WebAssembly counted.)
const encoded = { padding: constants.RSA_NO_PADDING };
/**
 * Per algorithm: the hash `crypto.verify` takes and the key's options (PSS
 * salt = the hash's length; `null`: the bare KeyObject, ECDSA signatures
 * handed over DER-encoded), or for RS* `null` and the options of the public
 * operation alone, its result compared with the encoded message. (WebAssembly
 * hands them over in these forms: `handOverForNodeCrypto()`.)
 */
const algorithms = {
  RS256: [null, encoded],
  RS384: [null, encoded],
  RS512: [null, encoded],
  PS256: ["sha256", pss(32)],
  PS384: ["sha384", pss(48)],
  PS512: ["sha512", pss(64)],
  ES256: ["sha256", null],
  ES384: ["sha384", null],
  ES512: ["sha512", null],
  EdDSA: [null, null],
  Ed25519: [null, null],
};

/**
 * How node:crypto checks a signature of `alg` handed over with the KeyObject
 * `key`: `(message, signature) => boolean`, where `message` and `signature`
 * are what WebAssembly handed over (the signing input, or for RS* the
 * encoded message; ECDSA signatures DER-encoded). (Exported for the tests,
 * which check it against Wycheproof's signatures.)
 */
export function signatureCheck(alg, key) {
  const [hash, options] = algorithms[alg];
  if (options === encoded) {
    const withKey = { key, ...encoded };
    return (message, signature) => publicEncrypt(withKey, signature).equals(message);
  }
  const withKey = options === null ? key : { key, ...options };
  return (message, signature) => cryptoVerify(hash, message, withKey, signature);
}

// Why: µs per signature of a 260-byte signing input with a private JWK, in
// Node 20 (the best of 7 rounds), pure Rust in WebAssembly (the speed build)
// against this path with every other step still in WebAssembly, through a
// Signer and through the one-shot sign (which reads its key every call: the
// pure path checks the JWK's public members against `d` each time, this path
// once per JWK text):
//   ES256  745 → 31,   1499 → 35     ES384 2757 → 778, 5489 → 783
//   ES512 2821 → 1846, 5667 → 1868   EdDSA  111 → 39,   233 → 42
// (node:crypto's own crypto.sign with the KeyObject: 25, 766, 1835, 34.)
// Unlike the pure path's signatures (RFC 6979, RFC 8032: deterministic),
// node:crypto's ECDSA signatures are randomized: the same payload signed
// twice gives two different tokens, both valid. Ed25519's are deterministic
// on both paths.
// Signatures go into tokens as `r || s`.
const ieee = { dsaEncoding: "ieee-p1363" };
/**
 * Per algorithm: the hash `crypto.sign` takes (null for Ed25519) and the
 * signature's options.
 */
const signingAlgorithms = {
  ES256: ["sha256", ieee],
  ES384: ["sha384", ieee],
  ES512: ["sha512", ieee],
  EdDSA: [null, {}],
  Ed25519: [null, {}],
};

/** How many KeyObjects are kept (the WebAssembly side keeps as many key ids). */
const KEPT_KEYS = 16;

const isSecret = (key) => typeof key === "string" || key instanceof Uint8Array;

/**
 * `verify`, `verifyWithHeader`, `Verifier`, `sign` and `Signer` of `glue`
 * (the speed build's wasm-bindgen glue, instantiated) with the signature
 * checks of `algorithms` and the signatures of `signingAlgorithms` done by
 * `node:crypto`.
 */
export function withRuntimeCrypto(glue) {
  // Key id (from the WebAssembly side, never reused, each bound to one
  // algorithm) → its `signatureCheck`, or null for a key node:crypto would
  // not import (its tokens stay on the pure path).
  const verifyingKeys = new Map();
  glue.handOverForNodeCrypto();

  function verifyingKey(id) {
    let key = verifyingKeys.get(id);
    if (key !== undefined) return key;
    key = null;
    const text = glue.runtimeKeyJwk(id);
    if (text !== undefined) {
      const { alg, ...jwk } = JSON.parse(text);
      if (alg in algorithms) {
        try {
          key = signatureCheck(alg, createPublicKey({ key: jwk, format: "jwk" }));
        } catch {
          // node:crypto would not import it: null, as set above.
        }
      }
    }
    if (verifyingKeys.size >= KEPT_KEYS) verifyingKeys.delete(verifyingKeys.keys().next().value);
    verifyingKeys.set(id, key);
    return key;
  }

  // What the last call handed over, read in the WebAssembly memory: the key
  // id (0: nothing), then the address and length of the message and of the
  // signature, checked in place (src/js/runtime_signature.rs). A view of
  // memory that has since grown is detached, its length 0: it is made again.
  const memory = glue.wasmMemory();
  const place = glue.handedOverPlace();
  let handedOver = new Uint32Array(memory.buffer, place, 5);

  // Whether the signature the last call handed over, if any, is good: true
  // when it is or nothing was handed over, false when node:crypto cannot
  // answer (the pure path must); throws the pure path's error when it is not.
  function signatureGood() {
    if (handedOver.length === 0) handedOver = new Uint32Array(memory.buffer, place, 5);
    const id = handedOver[0];
    if (id === 0) return true;
    handedOver[0] = 0;
    const [, input, inputLength, signature, signatureLength] = handedOver;
    // (Preparing the key may grow the memory: its buffer is taken after.)
    const check = verifyingKey(id);
    if (check === null) return false;
    const bytes = memory.buffer;
    let good;
    try {
      good = check(new Uint8Array(bytes, input, inputLength), new Uint8Array(bytes, signature, signatureLength));
    } catch {
      return false;
    }
    if (!good) throw signatureFailed();
    return true;
  }

  // A call that may hand its signature over (`verifying()`, one of the
  // `verifyHandingOver` exports), settled: its payload as it is when
  // nothing was handed over; else the signature checked first, its payload
  // (or the claims' error it threw) standing once the signature is good.
  // Where node:crypto cannot answer, `pure` does it all.
  function settle(verifying, pure) {
    let outcome;
    let thrown = false;
    try {
      outcome = verifying();
    } catch (error) {
      outcome = error;
      thrown = true;
    }
    if (!signatureGood()) return pure();
    if (thrown) throw outcome;
    return outcome;
  }

  function verify(token, key, options) {
    if (isSecret(key)) return glue.verify(token, key, options);
    return settle(
      () => glue.verifyHandingOver(token, key, options, false),
      () => glue.verify(token, key, options),
    );
  }

  function verifyWithHeader(token, key, options) {
    if (isSecret(key)) return glue.verifyWithHeader(token, key, options);
    return settle(
      () => glue.verifyHandingOver(token, key, options, true),
      () => glue.verifyWithHeader(token, key, options),
    );
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
      return settle(
        () => this.#verifier.verifyHandingOver(token, false),
        () => this.#verifier.verify(token),
      );
    }
    verifyWithHeader(token) {
      if (this.#secret) return this.#verifier.verifyWithHeader(token);
      return settle(
        () => this.#verifier.verifyHandingOver(token, true),
        () => this.#verifier.verifyWithHeader(token),
      );
    }
    free() {
      this.#verifier.free();
    }
  }
  if (Symbol.dispose && glue.Verifier.prototype[Symbol.dispose]) {
    Verifier.prototype[Symbol.dispose] = Verifier.prototype.free;
  }

  // Private key id (from the WebAssembly side, never reused) → what
  // `crypto.sign` takes for it, or null for a key node:crypto would not
  // import (its tokens stay on the pure path).
  const signingKeys = new Map();

  /** `[hash, key]` for `crypto.sign` with the private JWK `jwk` (its text) of `alg`, or null. */
  function signingKey(alg, jwk) {
    if (!(alg in signingAlgorithms) || jwk === undefined) return null;
    const [hash, options] = signingAlgorithms[alg];
    try {
      // The JWK is parsed here and dropped: only the KeyObject is kept.
      const key = createPrivateKey({ key: JSON.parse(jwk), format: "jwk" });
      return [hash, { key, ...options }];
    } catch {
      return null;
    }
  }

  /** The token: the signing input and `key`'s signature of it; where node:crypto cannot sign, `pure()`. */
  function signedWith(key, input, pure) {
    if (key === null) return pure();
    const [hash, options] = key;
    let signature;
    try {
      signature = cryptoSign(hash, Buffer.from(input, "latin1"), options);
    } catch {
      return pure();
    }
    return `${input}.${signature.toString("base64url")}`;
  }

  // The token of a one-shot `sign` (`signing()`, `again()` the same call
  // asking for the key's JWK) that may have handed its signature over: the
  // token as it is when nothing was; else the signing input, or `[signing
  // input, algorithm, private JWK]` (given with a new key id, or when asked
  // for again), `handedOver()` the key's id. Where node:crypto cannot sign,
  // `pure` does it all.
  function signed(signing, again, pure) {
    let outcome = signing();
    let id = glue.handedOver();
    if (id === 0) return outcome;
    let key = signingKeys.get(id);
    if (key === undefined) {
      if (!Array.isArray(outcome)) {
        outcome = again();
        id = glue.handedOver();
        if (id === 0) return outcome;
      }
      const [, alg, jwk] = outcome;
      key = signingKey(alg, jwk);
      if (signingKeys.size >= KEPT_KEYS) signingKeys.delete(signingKeys.keys().next().value);
      signingKeys.set(id, key);
    }
    return signedWith(key, Array.isArray(outcome) ? outcome[0] : outcome, pure);
  }

  function sign(payload, key, options) {
    if (isSecret(key)) return glue.sign(payload, key, options);
    return signed(
      () => glue.signHandingOver(false, payload, key, options),
      () => glue.signHandingOver(true, payload, key, options),
      () => glue.sign(payload, key, options),
    );
  }

  class Signer {
    #signer;
    #secret;
    // What `crypto.sign` takes for the signer's key, prepared at its first
    // signature (undefined until then; null where node:crypto cannot sign).
    #key;
    constructor(key, options) {
      this.#signer = new glue.Signer(key, options);
      this.#secret = isSecret(key);
    }
    sign(payload) {
      if (this.#secret) return this.#signer.sign(payload);
      const outcome = this.#signer.signHandingOver(payload, this.#key === undefined);
      // 0: the token; else the signing input (with the algorithm and the
      // JWK when asked for them: the first time).
      if (glue.handedOver() === 0) return outcome;
      let input = outcome;
      if (Array.isArray(outcome)) {
        const [, alg, jwk] = outcome;
        input = outcome[0];
        if (this.#key === undefined) this.#key = signingKey(alg, jwk);
      }
      return signedWith(this.#key, input, () => this.#signer.sign(payload));
    }
    free() {
      this.#signer.free();
    }
  }
  if (Symbol.dispose && glue.Signer.prototype[Symbol.dispose]) {
    Signer.prototype[Symbol.dispose] = Signer.prototype.free;
  }

  return { verify, verifyWithHeader, Verifier, sign, Signer };
}
