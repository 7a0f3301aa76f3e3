//! The package's TypeScript types, written by hand so users see real types.

use wasm_bindgen::prelude::wasm_bindgen;

/// The algorithms, codes and keys of the HMAC-only builds (the asymmetric
/// builds' are in `asymmetric_types`).
#[cfg(not(feature = "asymmetric"))]
#[wasm_bindgen(typescript_custom_section)]
const HMAC_TYPES: &str = r#"
/** The algorithms this package signs and verifies. */
export type Algorithm = "HS256" | "HS384" | "HS512";

/** The stable codes on `JwtError.code`. */
export type JwtErrorCode = TokenErrorCode;

/** A shared secret: a string is taken as its UTF-8 bytes. */
export type Key = string | Uint8Array;

/**
 * Verifies tokens with one key and one set of options, prepared once. It
 * accepts what `verify` accepts with the same key and options and refuses the
 * rest with the same codes: a key too short for one allowed algorithm refuses
 * that algorithm's tokens (`ERR_KEY_INVALID`) and verifies the others'.
 */
export class Verifier {
  /**
   * @throws {JwtError} `ERR_KEY_INVALID` when the key is not a string or a
   * `Uint8Array`, or too short for every allowed algorithm; `ERR_INVALID_OPTIONS`.
   */
  constructor(key: Key, options?: VerifyOptions);
  /** Verifies `token` and returns its payload. @throws {JwtError} */
  verify(token: string): JwtPayload;
  /** Releases the prepared key now instead of at garbage collection. */
  free(): void;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The codes of every build (the asymmetric builds add the key set's). */
type TokenErrorCode =
  | "ERR_JWS_INVALID"
  | "ERR_JWT_INVALID"
  | "ERR_JOSE_ALG_NOT_ALLOWED"
  | "ERR_JOSE_NOT_SUPPORTED"
  | "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
  | "ERR_JWT_EXPIRED"
  | "ERR_JWT_CLAIM_VALIDATION_FAILED"
  | "ERR_KEY_INVALID"
  | "ERR_INVALID_OPTIONS";


/** Seconds, or a string such as "30s", "15m", "2h", "7d", "1w". */
export type Duration = number | string;

/** The JOSE header of a token. */
export interface JwtHeader {
  alg: string;
  typ?: string;
  cty?: string;
  kid?: string;
  [member: string]: unknown;
}

/** The claims of a token: the registered ones typed, any others kept. */
export interface JwtPayload {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

/** A token's header and payload, read without verification. */
export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
}

/** What `verify` and `Verifier` check besides the signature. */
export interface VerifyOptions {
  /** Algorithms a token may use; the default is `["HS256"]` for a secret, and a JWK's own `alg` for a JWK or a JWK Set. */
  algorithms?: Algorithm[];
  /** Accepted issuers: `iss` must equal one exactly. */
  issuer?: string | string[];
  /** Accepted audiences: `aud` must contain one. */
  audience?: string | string[];
  /** `sub` must equal this exactly. */
  subject?: string;
  /** Allowed clock skew in seconds, 0 to 300 (default 0). */
  leeway?: number;
  /** Refuse tokens issued (`iat`) longer ago than this: `ERR_JWT_EXPIRED`, claim `iat`. */
  maxAge?: Duration;
  /** Claims that must be present; the default is `["exp"]`. */
  requiredClaims?: string[];
  /** Expected header `typ`, e.g. "at+jwt". */
  typ?: string;
  /** The current time in seconds since the epoch (default: the clock). */
  now?: number;
  /** The longest token accepted, in bytes (default 16384). */
  maxTokenLength?: number;
}

/** What `sign` and `Signer` write besides the payload. */
export interface SignOptions {
  /** The algorithm; the default is "HS256" for a secret, and a private JWK's own algorithm, which `alg` must then be. */
  alg?: Algorithm;
  /** Sets `exp` this long after `now`. */
  expiresIn?: Duration;
  /** Sets `nbf` this long after `now`. */
  notBefore?: Duration;
  /** Sets `iss`. */
  issuer?: string;
  /** Sets `aud`. */
  audience?: string | string[];
  /** Sets `sub`. */
  subject?: string;
  /** Sets `jti`; `true` makes a random 128-bit id. */
  jwtId?: string | true;
  /** Sets the header's `kid`. */
  keyId?: string;
  /** Sets the header's `typ`; the default is "JWT". */
  typ?: string;
  /** The current time in seconds since the epoch (default: the clock); `iat` is set to it unless the payload has one. */
  now?: number;
}

/**
 * Reads a token's header and payload **without verifying it**: for showing a
 * token or scheduling a refresh, never for deciding access.
 * @throws {JwtError} when the token is malformed.
 */
export function decode(token: string): DecodedJwt;

/**
 * Verifies a token's signature and claims and returns its payload.
 *
 * A token issued in the future (`iat` later than now plus `leeway`) is refused
 * (`ERR_JWT_CLAIM_VALIDATION_FAILED`, claim `iat`), with or without `maxAge`,
 * where jose checks `iat` only for `maxAge`. Where tokens are signed on another
 * machine than the one verifying them, allow for the clocks' skew with a few
 * seconds of `leeway`.
 * @throws {JwtError} with the code of the first rule that fails.
 */
export function verify(token: string, key: Key, options?: VerifyOptions): JwtPayload;

/**
 * Signs a payload and returns the compact token.
 * @throws {JwtError} for a bad key, bad options, or registered claims of the wrong type.
 */
export function sign(payload: JwtPayload, key: Key, options?: SignOptions): string;

/**
 * When the token expires, in seconds since the epoch; `undefined` without `exp`.
 * The token is not verified.
 */
export function expiresAt(token: string): number | undefined;

/**
 * Seconds from `now` (default: the clock) until the token expires, negative once
 * expired; `undefined` without `exp`. The token is not verified.
 */
export function secondsUntilExpiry(token: string, now?: number): number | undefined;

/**
 * Whether the token has expired at `now` (default: the clock), allowing `leeway`
 * seconds (0 to 300); `false` without `exp`. The token is not verified.
 */
export function isExpired(token: string, leeway?: number, now?: number): boolean;

/** Signs payloads with one key and one set of options, prepared once. */
export class Signer {
  /** @throws {JwtError} `ERR_KEY_INVALID` or `ERR_INVALID_OPTIONS`. */
  constructor(key: Key, options?: SignOptions);
  /** Signs `payload` and returns the compact token. @throws {JwtError} */
  sign(payload: JwtPayload): string;
  /** Releases the prepared key now instead of at garbage collection. */
  free(): void;
}
"#;
