// Appended to the package's declarations of `jwt-edge/remote-jwks`
// (pkg-template/entries.mjs), after verify-async.d.ts, whose import brings
// `JwtPayload` and `Key`.
import type { SignOptions } from "jwt-edge/jwk";

/**
 * Signs as `sign` does, with the same keys, options and errors, and gives
 * the token through a promise. In Cloudflare Workers the ECDSA and Ed25519
 * signatures of private JWKs are made by WebCrypto, after every other step
 * in WebAssembly: many times faster than `sign` there (ECDSA signatures are
 * then randomized, as node:crypto's are in Node; both verify alike).
 * Elsewhere it is `sign`.
 * @throws {JwtError} as `sign` does.
 */
export declare function signAsync(payload: JwtPayload, key: Key, options?: SignOptions): Promise<string>;
