export type { Algorithm, DecodedJwt, Duration, JwtErrorCode, JwtHeader, JwtPayload, Key, VerifyOptions } from "./index.js";
export { decode, expiresAt, isExpired, JwtError, secondsUntilExpiry, verify, Verifier } from "./index.js";
