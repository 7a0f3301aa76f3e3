// Appended to remote-jwks.d.ts in the package's declarations of
// `jwt-edge/remote-jwks` (pkg-template/entries.mjs), whose `RemoteJwks` it names.
import type { JwtPayload, Key, VerifyOptions } from "jwt-edge/jwk";

/**
 * Verifies a token as `verify` does, with any key `verify` takes or a remote
 * JWK Set from `createRemoteJwks`, whose keys are fetched (or taken from its
 * cache) for the token's protected header first. A malformed token is
 * refused before anything is fetched.
 * @throws {JwtError} with the code of the first rule that fails, or the
 *   remote set's `ERR_JWKS_TIMEOUT` / `ERR_JWKS_INVALID`.
 */
export declare function verifyAsync(token: string, key: Key | RemoteJwks, options?: VerifyOptions): Promise<JwtPayload>;
