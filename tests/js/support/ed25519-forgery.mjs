// Ed25519 signatures that only a strict verifier refuses, for the tests that
// show the strict checks run before a runtime's own crypto sees a signature:
// R of small order with S chosen so that the cofactorless equation
// [S]B = R + [k]A (all OpenSSL and BoringSSL ask) holds, and non-canonical
// encodings of R and S. Numbers as RFC 8032 writes them: little-endian.
import { createHash } from "node:crypto";

/** The group order L. */
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const PRIME = 2n ** 255n - 19n;

const littleEndian = (bytes) => BigInt(`0x${Buffer.from(bytes).reverse().toString("hex") || "0"}`);
const bytes32 = (number) => Buffer.from(number.toString(16).padStart(64, "0"), "hex").reverse();
const sha512 = (...parts) => createHash("sha512").update(Buffer.concat(parts)).digest();

/**
 * For the private JWK `{ d, x }` of an Ed25519 key, a good `signature` of
 * `input` (bytes) and the forgeries of `input` a strict verifier refuses, by
 * name. The first, "R the identity, S = k·a", passes a cofactorless check.
 */
export function ed25519Forgeries({ d, x }, input, signature) {
  // The private scalar a (RFC 8032 §5.1.5).
  const digest = sha512(Buffer.from(d, "base64url")).subarray(0, 32);
  digest[0] &= 248;
  digest[31] = (digest[31] & 127) | 64;
  const a = littleEndian(digest);
  const identity = bytes32(1n);
  const k = littleEndian(sha512(identity, Buffer.from(x, "base64url"), input)) % L;
  const [r, s] = [signature.subarray(0, 32), signature.subarray(32)];
  return {
    "R the identity, S = k·a": Buffer.concat([identity, bytes32((k * a) % L)]),
    "R of order 2 (y = −1)": Buffer.concat([bytes32(PRIME - 1n), s]),
    "R of order 4 (y = 0)": Buffer.concat([bytes32(0n), s]),
    "R with y = p (non-canonical)": Buffer.concat([bytes32(PRIME), s]),
    "S + L (non-canonical)": Buffer.concat([r, bytes32(littleEndian(s) + L)]),
  };
}
