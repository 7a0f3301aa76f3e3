//! The TypeScript types of the asymmetric builds (the rest is in `types`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const ASYMMETRIC_TYPES: &str = r#"
/** The algorithms this package verifies; ES256, ES384, ES512, EdDSA, Ed25519 and HS* also sign. */
export type Algorithm =
  | "HS256" | "HS384" | "HS512"
  | "RS256" | "RS384" | "RS512"
  | "PS256" | "PS384" | "PS512"
  | "ES256" | "ES384" | "ES512"
  | "EdDSA" | "Ed25519";

/** The algorithms `generateKeyPair` makes keys for (no RSA signing). */
export type KeyPairAlgorithm = "ES256" | "ES384" | "ES512" | "EdDSA" | "Ed25519";

/** The stable codes on `JwtError.code` (jose's). */
export type JwtErrorCode =
  | TokenErrorCode
  | "ERR_JWK_INVALID"
  | "ERR_JWKS_INVALID"
  | "ERR_JWKS_NO_MATCHING_KEY"
  | "ERR_JWKS_MULTIPLE_MATCHING_KEYS"
  | "ERR_JWKS_TIMEOUT";

/** A JSON Web Key (RFC 7517): `kty` RSA, EC (P-256, P-384, P-521), OKP (Ed25519) or oct. */
export interface Jwk {
  kty: string;
  crv?: string;
  alg?: string;
  kid?: string;
  use?: string;
  key_ops?: string[];
  n?: string;
  e?: string;
  x?: string;
  y?: string;
  d?: string;
  k?: string;
  [member: string]: unknown;
}

/** A JWK Set (RFC 7517 §5): a token's `kid` and `alg` choose exactly one key. */
export interface JwkSet {
  keys: readonly Jwk[];
}

/**
 * A key: a shared secret (a string is taken as its UTF-8 bytes; a PEM or JWK
 * text is refused), a JWK or a JWK Set (public keys to verify, a private ECDSA
 * or Ed25519 JWK to sign), or a key from `importJwk` / `importSpki`.
 */
export type Key = string | Uint8Array | Jwk | JwkSet;

/** A new key pair: both JWKs carry `alg`, `use: "sig"` and `kid` (the RFC 7638 thumbprint). */
export interface KeyPair {
  privateJwk: Jwk;
  publicJwk: Jwk;
}

/** What `verifyWithHeader` returns: the verified payload and protected header (as jose's `jwtVerify`). */
export interface VerifiedJwt {
  payload: JwtPayload;
  protectedHeader: JwtHeader;
}

/**
 * Verifies a token as `verify` does and returns its payload with its
 * protected header.
 * @throws {JwtError} with the code of the first rule that fails.
 */
export function verifyWithHeader(token: string, key: Key, options?: VerifyOptions): VerifiedJwt;

/**
 * A token's protected header, **not verified**: for choosing a key by `kid`
 * or `alg`. The payload is not read.
 * @throws {JwtError} `ERR_JWS_INVALID` when the token or its header is malformed.
 */
export function decodeProtectedHeader(token: string): JwtHeader;

/**
 * Checks a JWK once and returns it, frozen, in canonical form and bound to
 * `alg` (which must fit the key, and be its own `alg` if it has one). Every
 * function taking a key takes it; a JWK without `alg` verifies only the
 * algorithms `options.algorithms` names.
 * @throws {JwtError} `ERR_JWK_INVALID`, `ERR_KEY_INVALID` or `ERR_INVALID_OPTIONS`.
 */
export function importJwk(jwk: Jwk, alg?: Algorithm): Readonly<Jwk>;

/**
 * Reads a PEM `PUBLIC KEY` (SPKI: RSA, EC P-256/384/521 or Ed25519) and
 * returns its public JWK, frozen and bound to `alg`.
 * @throws {JwtError} `ERR_KEY_INVALID` or `ERR_INVALID_OPTIONS`.
 */
export function importSpki(pem: string, alg: Algorithm): Readonly<Jwk>;

/**
 * A new key pair for `alg`, from `crypto.getRandomValues`.
 * @throws {JwtError} `ERR_INVALID_OPTIONS` for HS*, RS* and PS*.
 */
export function generateKeyPair(alg: KeyPairAlgorithm): KeyPair;
/**
 * Verifies tokens with one key and one set of options, prepared once. It
 * accepts what `verify` accepts with the same key and options and refuses the
 * rest with the same codes: a key too short for one allowed algorithm refuses
 * that algorithm's tokens (`ERR_KEY_INVALID`) and verifies the others'.
 */
export class Verifier {
  /**
   * @throws {JwtError} `ERR_KEY_INVALID` when the key is not a key, or a
   * secret too short for every allowed algorithm; `ERR_JWK_INVALID`,
   * `ERR_JWKS_INVALID` for a malformed JWK or set; `ERR_INVALID_OPTIONS`.
   */
  constructor(key: Key, options?: VerifyOptions);
  /** Verifies `token` and returns its payload. @throws {JwtError} */
  verify(token: string): JwtPayload;
  /** Verifies `token` and returns its payload with its protected header. @throws {JwtError} */
  verifyWithHeader(token: string): VerifiedJwt;
  /** Releases the prepared key now instead of at garbage collection. */
  free(): void;
}
"#;
