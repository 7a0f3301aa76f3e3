import type { JwtErrorCode } from "./jwt_edge_jwk.js";

/** Every failure of jwt-edge: an `Error` with a stable `code`, like jose's errors. */
export declare class JwtError extends Error {
  constructor(message: string, code: JwtErrorCode, claim?: string, reason?: string);
  readonly name: "JwtError";
  /** The stable code: switch on it. */
  readonly code: JwtErrorCode;
  /** The claim a claim check failed on (`exp`, `nbf`, `iat`, `iss`, `sub`, `aud`, `typ`, or a required claim). */
  readonly claim?: string;
  /** `"missing"`, `"check_failed"` or `"unexpected"` for claims; the detail for malformed input and options. */
  readonly reason?: string;
}

export declare function publishedJwtError(): typeof JwtError;
