// WebCrypto (`crypto.subtle`, asynchronous) checks verifyAsync's signatures
// where the entry it verifies with hands them over (workerd:
// pkg-template/entries.mjs, `handOvers`): everything else, every strict rule
// included, runs in WebAssembly first (src/js/runtime_signature.rs); only the
// signature's arithmetic is done here, with a CryptoKey imported once per key
// and algorithm. In Node, `verify` already hands it to node:crypto; browsers
// load the size build, which hands nothing over (src/js/runtime_signature.rs
// says why).
//
// Why: µs per verify of a token with a public JWK, inside workerd (wrangler
// dev 4, the best of 5 runs of 200, 40 for ES384/ES512, timed from outside
// as workerd's clock stands still), `verify` (pure Rust in WebAssembly)
// against `verifyAsync` (every strict check in WebAssembly, the signature in
// WebCrypto):
//   RS256 365 → 80   PS256 327 → 76   ES256 673 → 69
//   ES384 2715 → 476   ES512 3389 → 1234   EdDSA 131 → 63
import { publishedJwtError } from "../error.js";
import { keptCryptoKeys } from "./crypto-keys.js";

// The pure-Rust path's error for a signature that does not match (its
// Error::SignatureInvalid; tests/js/runtime-crypto.test.mjs compares them).
const signatureFailed = () => new (publishedJwtError())("signature verification failed", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");

/** Per algorithm: WebCrypto's import and verify parameters (PSS: salt = the hash's length). */
const rsa = (hash) => [{ name: "RSASSA-PKCS1-v1_5", hash }, { name: "RSASSA-PKCS1-v1_5" }];
const pss = (hash, saltLength) => [{ name: "RSA-PSS", hash }, { name: "RSA-PSS", saltLength }];
const ecdsa = (namedCurve, hash) => [{ name: "ECDSA", namedCurve }, { name: "ECDSA", hash }];
const ed25519 = [{ name: "Ed25519" }, { name: "Ed25519" }];
const algorithms = {
  EdDSA: ed25519,
  Ed25519: ed25519,
  RS256: rsa("SHA-256"),
  RS384: rsa("SHA-384"),
  RS512: rsa("SHA-512"),
  PS256: pss("SHA-256", 32),
  PS384: pss("SHA-384", 48),
  PS512: pss("SHA-512", 64),
  ES256: ecdsa("P-256", "SHA-256"),
  ES384: ecdsa("P-384", "SHA-384"),
  ES512: ecdsa("P-521", "SHA-512"),
};

/** How many CryptoKeys are kept (the WebAssembly side keeps 16 key ids). */
const KEPT_KEYS = 32;

const HAND_OVER = Symbol.for("jwt-edge.handOver");


/**
 * `verify` with its signature checks done by WebCrypto, asynchronously, when
 * the entry put its hand-over exports on it and the runtime has WebCrypto
 * (workerd); else `undefined`.
 */
export function withWebCrypto(verify) {
  const handOver = verify[HAND_OVER];
  const subtle = globalThis.crypto?.subtle;
  if (handOver === undefined || subtle === undefined) return undefined;
  // Key id (each bound to one algorithm) → `[CryptoKey, verify parameters]`,
  // or null where WebCrypto would not import it (its tokens stay on the pure
  // path).
  const cryptoKeys = keptCryptoKeys(KEPT_KEYS);
  const memory = handOver.wasmMemory();
  const place = handOver.handedOverPlace();
  const importedKey = (id) =>
    cryptoKeys.imported(id, async () => {
      const text = handOver.runtimeKeyJwk(id);
      if (text === undefined) return null;
      const { alg, ...jwk } = JSON.parse(text);
      if (!(alg in algorithms)) return null;
      const [importing, verifying] = algorithms[alg];
      return [await subtle.importKey("jwk", jwk, importing, false, ["verify"]), verifying];
    });

  return async function verifyWithWebCrypto(token, key, options) {
    let outcome;
    let thrown = false;
    try {
      outcome = handOver.verifyHandingOver(token, key, options, false);
    } catch (error) {
      outcome = error;
      thrown = true;
    }
    // 0: nothing was handed over (the outcome is verify's); else the key id
    // whose signature check is left here, the payload (or the claims' error)
    // standing once the signature is good.
    const id = handOver.handedOver();
    if (id !== 0) {
      // The signing input and the signature, in the WebAssembly memory
      // (src/js/runtime_signature.rs: the message's address and length,
      // then the signature's, after the id). WebCrypto copies what it is
      // given when called; they are copied here first only when a key must
      // be imported, as another verification may hand its own over
      // meanwhile.
      const [, message, messageLength, signature, signatureLength] = new Uint32Array(memory.buffer, place, 5);
      let bytes = [new Uint8Array(memory.buffer, message, messageLength), new Uint8Array(memory.buffer, signature, signatureLength)];
      // A kept key is taken without awaiting anything.
      let imported = cryptoKeys.get(id);
      if (imported === undefined) {
        bytes = bytes.map((view) => view.slice());
        imported = await importedKey(id);
      }
      const pure = () => verify(token, key, options);
      if (imported === null) return pure();
      let good;
      try {
        good = await subtle.verify(imported[1], imported[0], bytes[1], bytes[0]);
      } catch {
        return pure();
      }
      if (!good) throw signatureFailed();
    }
    if (thrown) throw outcome;
    return outcome;
  };
}
