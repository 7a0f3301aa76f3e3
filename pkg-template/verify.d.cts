export type { Algorithm, DecodedJwt, Duration, JwtErrorCode, JwtHeader, JwtPayload, Key, VerifyOptions } from "./index.cjs";
export { decode, expiresAt, isExpired, JwtError, secondsUntilExpiry, verify, Verifier } from "./index.cjs";
