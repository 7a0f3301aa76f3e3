export type {
  Algorithm,
  DecodedJwt,
  Duration,
  JwtErrorCode,
  JwtHeader,
  JwtPayload,
  Key,
  SignOptions,
  VerifyOptions,
} from "./jwt_edge.js";
export { decode, expiresAt, isExpired, secondsUntilExpiry, sign, Signer, verify, Verifier } from "./jwt_edge.js";
export { JwtError } from "./error.js";
