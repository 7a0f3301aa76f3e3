//! The error codes, written out here (not taken from the library) so that a
//! renamed or new code fails the tests. Shared by the native tests and the
//! JavaScript API's tests (`tests/js_api/`).

/// The token is not a well-formed compact JWS (or is over the length cap).
pub const JWS_INVALID: &str = "ERR_JWS_INVALID";
/// The payload is not a JWT claims set (or a registered claim is mistyped).
pub const JWT_INVALID: &str = "ERR_JWT_INVALID";
/// The header's `alg` is not one the key and the rules allow.
pub const ALG_NOT_ALLOWED: &str = "ERR_JOSE_ALG_NOT_ALLOWED";
/// The header asks for something never supported (`crit`, `b64`, nesting).
pub const NOT_SUPPORTED: &str = "ERR_JOSE_NOT_SUPPORTED";
/// The signature does not match.
pub const SIGNATURE_FAILED: &str = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
/// `exp` has passed.
pub const EXPIRED: &str = "ERR_JWT_EXPIRED";
/// Another claim check failed.
pub const CLAIM_FAILED: &str = "ERR_JWT_CLAIM_VALIDATION_FAILED";
/// The key is unusable (too short for the algorithm, of the wrong type).
pub const KEY_INVALID: &str = "ERR_KEY_INVALID";
/// The options are invalid.
pub const INVALID_OPTIONS: &str = "ERR_INVALID_OPTIONS";
/// A JWK is not a usable key.
pub const JWK_INVALID: &str = "ERR_JWK_INVALID";
/// A JWK Set is not a set of JWKs.
pub const JWKS_INVALID: &str = "ERR_JWKS_INVALID";
/// No key of a JWK Set fits the token.
pub const NO_MATCHING_KEY: &str = "ERR_JWKS_NO_MATCHING_KEY";
/// More than one key of a JWK Set fits the token.
pub const MULTIPLE_MATCHING_KEYS: &str = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";

/// The codes a token can be refused with (by `verify` and `decode_unverified`).
pub const TOKEN_CODES: [&str; 7] = [
    JWS_INVALID,
    JWT_INVALID,
    ALG_NOT_ALLOWED,
    NOT_SUPPORTED,
    SIGNATURE_FAILED,
    EXPIRED,
    CLAIM_FAILED,
];

/// The codes of a configuration error: the key or the options.
pub const CONFIGURATION_CODES: [&str; 2] = [KEY_INVALID, INVALID_OPTIONS];
