// WebCrypto (`crypto.subtle`, asynchronous) makes signAsync's ECDSA and
// Ed25519 signatures where the entry it signs with hands them over (workerd:
// pkg-template/entries.mjs, `handOvers`): everything else — the options, the
// claims, the header, the key's own rules — runs in WebAssembly first
// (src/js/runtime_signing.rs), which gives the signing input; only the
// signature's arithmetic is done here, with a CryptoKey imported once per
// key. Elsewhere (browsers, which load the size build; Node, where `sign`
// already uses node:crypto) signAsync is `sign`.
//
// Why: µs per signature of the benchmark's claims with a private JWK inside
// workerd (`node bench/edge.mjs --quick --only asymmetric`: wrangler dev 4,
// timed from outside), `sign` (pure Rust in WebAssembly) against signAsync:
//   ES256 1420 → 50   EdDSA 232 → 34   (jose with a CryptoKey: 37, 28)
// Unlike the pure path's ECDSA signatures (RFC 6979: deterministic),
// WebCrypto's are randomized: the same payload signed twice gives two
// different tokens, both valid. Ed25519's are deterministic on both paths.

import { keptCryptoKeys } from "./crypto-keys.js";

/** Per algorithm: WebCrypto's import and sign parameters. */
const ecdsa = (namedCurve, hash) => [{ name: "ECDSA", namedCurve }, { name: "ECDSA", hash }];
const ed25519 = [{ name: "Ed25519" }, { name: "Ed25519" }];
const algorithms = {
  ES256: ecdsa("P-256", "SHA-256"),
  ES384: ecdsa("P-384", "SHA-384"),
  ES512: ecdsa("P-521", "SHA-512"),
  EdDSA: ed25519,
  Ed25519: ed25519,
};

/** How many CryptoKeys are kept (the WebAssembly side keeps as many key ids). */
const KEPT_KEYS = 16;

const HAND_OVER = Symbol.for("jwt-edge.handOver");

const encoder = new TextEncoder();

/** `bytes` in base64url without padding. */
const base64url = (bytes) => bytes.toBase64({ alphabet: "base64url", omitPadding: true });

/**
 * The package's `signAsync`, made from an entry's own `sign`: its signatures
 * made by WebCrypto when the entry put its hand-over export on `sign` and the
 * runtime has WebCrypto and `Uint8Array.prototype.toBase64` (workerd); else
 * `sign` itself, answering through a promise.
 */
export function signAsyncWith(sign) {
  const handOver = sign[HAND_OVER];
  const subtle = globalThis.crypto?.subtle;
  if (handOver === undefined || subtle === undefined || typeof Uint8Array.prototype.toBase64 !== "function") {
    return async function signAsync(payload, key, options) {
      return sign(payload, key, options);
    };
  }
  // Private key id (from the WebAssembly side, never reused) → `[CryptoKey,
  // sign parameters]`, or null where WebCrypto would not import it (its
  // tokens stay on the pure path).
  const signingKeys = keptCryptoKeys(KEPT_KEYS);
  const importedKey = (id, alg, jwk) =>
    signingKeys.imported(id, async () => {
      if (!(alg in algorithms)) return null;
      // The JWK is parsed here and dropped: only the CryptoKey (not
      // extractable) is kept. Its `alg` goes (the algorithm is fixed
      // already): workerd refuses an Ed25519 JWK whose `alg` is "Ed25519".
      const { alg: _, ...material } = JSON.parse(jwk);
      const [importing, signing] = algorithms[alg];
      return [await subtle.importKey("jwk", material, importing, false, ["sign"]), signing];
    });

  return async function signAsync(payload, key, options) {
    // The token as it is when nothing was handed over (a secret); else the
    // signing input, or `[signing input, algorithm, private JWK]` (given
    // with a new key id, or when asked for again), `handedOver()` the key's id.
    let outcome = handOver.signHandingOver(false, payload, key, options);
    let id = handOver.handedOver();
    if (id === 0) return outcome;
    let cryptoKey = signingKeys.get(id);
    if (cryptoKey === undefined) {
      if (!Array.isArray(outcome)) {
        outcome = handOver.signHandingOver(true, payload, key, options);
        id = handOver.handedOver();
        if (id === 0) return outcome;
      }
      cryptoKey = await importedKey(id, outcome[1], outcome[2]);
    }
    if (cryptoKey === null) return sign(payload, key, options);
    const input = Array.isArray(outcome) ? outcome[0] : outcome;
    let signature;
    try {
      signature = new Uint8Array(await subtle.sign(cryptoKey[1], cryptoKey[0], encoder.encode(input)));
    } catch {
      return sign(payload, key, options);
    }
    return `${input}.${base64url(signature)}`;
  };
}
