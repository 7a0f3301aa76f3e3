//! The one error type of the crate, with a stable code per failure.

use alloc::string::String;
use core::fmt;

/// Why a token, a key or an option was refused.
///
/// Every variant maps to a stable [`code`](Error::code) string, the same one the
/// JavaScript package puts on `JwtError.code`. The codes follow `jose`'s names
/// where `jose` has one, so `switch (err.code)` reads the same in both.
///
/// # Security
/// A failed signature is always [`Error::SignatureInvalid`] with no detail, and
/// claims are only checked once the signature is valid, so a forged token never
/// learns which claim would have failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The token is not a well-formed compact JWS: wrong number of segments,
    /// bad base64url, a header that is not a JSON object, a missing `alg`,
    /// or a token longer than the configured cap. Code `ERR_JWS_INVALID`.
    MalformedToken {
        /// What exactly was wrong.
        reason: &'static str,
    },
    /// The payload is not a JSON object of well-typed claims (for example an
    /// `exp` that is a string). Code `ERR_JWT_INVALID`.
    InvalidClaims {
        /// What exactly was wrong.
        reason: &'static str,
    },
    /// The header's `alg` is not one the caller allowed (including `none` and
    /// every algorithm this build does not implement). Code `ERR_JOSE_ALG_NOT_ALLOWED`.
    AlgorithmNotAllowed,
    /// The token asks for a JOSE feature this crate does not implement
    /// (`crit`, `b64: false`, nested tokens). Code `ERR_JOSE_NOT_SUPPORTED`.
    NotSupported {
        /// The unsupported feature.
        reason: &'static str,
    },
    /// The signature does not match. Code `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`.
    SignatureInvalid,
    /// The token's `exp` has passed (`now >= exp + leeway`). Code `ERR_JWT_EXPIRED`.
    Expired,
    /// The token was issued (`iat`) longer ago than the maximum age allows
    /// (`now - iat > max_age + leeway`). Code `ERR_JWT_EXPIRED` with claim
    /// `iat`, as in `jose`: a token too old is expired.
    TooOld,
    /// A claim failed validation: `nbf` in the future, `iat` in the future or too
    /// old, a wrong `iss`, `sub`, `aud` or `typ`, or a required claim missing.
    /// Code `ERR_JWT_CLAIM_VALIDATION_FAILED`.
    ClaimInvalid {
        /// The name of the claim (or `typ` for the header's type).
        claim: String,
        /// Why it failed: `"missing"`, `"check_failed"` or `"unexpected"`.
        reason: &'static str,
    },
    /// The key cannot be used: too short for its algorithm, or of the wrong kind.
    /// Code `ERR_KEY_INVALID`.
    InvalidKey {
        /// What exactly was wrong.
        reason: &'static str,
    },
    /// A JSON Web Key cannot be used: not valid JSON, a missing or mistyped
    /// member, a `use` other than `sig`, `key_ops` without `verify` (or `sign`
    /// for a private key), a point not on its curve, or a key that does not
    /// fit its `alg`. Code `ERR_JWK_INVALID`.
    InvalidJwk {
        /// What exactly was wrong.
        reason: &'static str,
    },
    /// A JWK Set is not a JSON object with a `keys` array of valid keys.
    /// Code `ERR_JWKS_INVALID`.
    InvalidJwks {
        /// What exactly was wrong.
        reason: &'static str,
    },
    /// No key of the set fits the token's `kid` and `alg`.
    /// Code `ERR_JWKS_NO_MATCHING_KEY`.
    NoMatchingKey,
    /// More than one key of the set fits the token's `kid` and `alg`.
    /// Code `ERR_JWKS_MULTIPLE_MATCHING_KEYS`.
    MultipleMatchingKeys,
    /// An option passed by the caller is unknown or out of range (for example a
    /// leeway over 300 seconds). Code `ERR_INVALID_OPTIONS`.
    InvalidOptions {
        /// The option's name, e.g. `"leeway"`.
        option: String,
        /// What exactly was wrong.
        reason: &'static str,
    },
}

impl Error {
    /// The stable code of this error, e.g. `"ERR_JWT_EXPIRED"`.
    ///
    /// ```
    /// use jwt_edge::Error;
    /// assert_eq!(Error::Expired.code(), "ERR_JWT_EXPIRED");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedToken { .. } => "ERR_JWS_INVALID",
            Self::InvalidClaims { .. } => "ERR_JWT_INVALID",
            Self::AlgorithmNotAllowed => "ERR_JOSE_ALG_NOT_ALLOWED",
            Self::NotSupported { .. } => "ERR_JOSE_NOT_SUPPORTED",
            Self::SignatureInvalid => "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
            Self::Expired | Self::TooOld => "ERR_JWT_EXPIRED",
            Self::ClaimInvalid { .. } => "ERR_JWT_CLAIM_VALIDATION_FAILED",
            Self::InvalidKey { .. } => "ERR_KEY_INVALID",
            Self::InvalidOptions { .. } => "ERR_INVALID_OPTIONS",
            Self::InvalidJwk { .. } => "ERR_JWK_INVALID",
            Self::InvalidJwks { .. } => "ERR_JWKS_INVALID",
            Self::NoMatchingKey => "ERR_JWKS_NO_MATCHING_KEY",
            Self::MultipleMatchingKeys => "ERR_JWKS_MULTIPLE_MATCHING_KEYS",
        }
    }

    /// The claim a claim-level failure is about (`"exp"` for [`Error::Expired`],
    /// `"iat"` for [`Error::TooOld`]).
    #[must_use]
    pub fn claim(&self) -> Option<&str> {
        match self {
            Self::Expired => Some("exp"),
            Self::TooOld => Some("iat"),
            Self::ClaimInvalid { claim, .. } => Some(claim),
            _ => None,
        }
    }

    /// A short machine-readable reason where there is one (`"missing"`,
    /// `"check_failed"`, `"unexpected"` for claims; the detail for malformed input).
    #[must_use]
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Self::MalformedToken { reason }
            | Self::InvalidClaims { reason }
            | Self::NotSupported { reason }
            | Self::InvalidKey { reason }
            | Self::InvalidJwk { reason }
            | Self::InvalidJwks { reason }
            | Self::InvalidOptions { reason, .. }
            | Self::ClaimInvalid { reason, .. } => Some(reason),
            Self::Expired | Self::TooOld => Some("check_failed"),
            Self::AlgorithmNotAllowed
            | Self::SignatureInvalid
            | Self::NoMatchingKey
            | Self::MultipleMatchingKeys => None,
        }
    }

    /// A human-readable message, the same text as [`Display`](fmt::Display),
    /// built without the formatting machinery (which matters for WebAssembly size).
    #[must_use]
    pub fn message(&self) -> String {
        let mut text = String::new();
        match self {
            Self::MalformedToken { reason } => {
                text.push_str("invalid compact JWS: ");
                text.push_str(reason);
            }
            Self::InvalidClaims { reason } => {
                text.push_str("invalid JWT claims: ");
                text.push_str(reason);
            }
            Self::AlgorithmNotAllowed => {
                text.push_str("\"alg\" (Algorithm) Header Parameter value not allowed");
            }
            Self::NotSupported { reason } => {
                text.push_str("not supported: ");
                text.push_str(reason);
            }
            Self::SignatureInvalid => text.push_str("signature verification failed"),
            Self::Expired => text.push_str("\"exp\" claim timestamp check failed"),
            Self::TooOld => {
                text.push_str("\"iat\" claim timestamp check failed (too far in the past)");
            }
            Self::ClaimInvalid { claim, reason } => {
                text.push('"');
                text.push_str(claim);
                text.push_str("\" claim ");
                text.push_str(match *reason {
                    "missing" => "is missing",
                    "unexpected" => "has an unexpected value",
                    _ => "check failed",
                });
            }
            Self::InvalidKey { reason } => {
                text.push_str("invalid key: ");
                text.push_str(reason);
            }
            Self::InvalidJwk { reason } => {
                text.push_str("invalid JWK: ");
                text.push_str(reason);
            }
            Self::InvalidJwks { reason } => {
                text.push_str("invalid JWK Set: ");
                text.push_str(reason);
            }
            Self::NoMatchingKey => {
                text.push_str("no applicable key found in the JSON Web Key Set");
            }
            Self::MultipleMatchingKeys => {
                text.push_str("multiple matching keys found in the JSON Web Key Set");
            }
            Self::InvalidOptions { option, reason } => {
                text.push_str("invalid option \"");
                text.push_str(option);
                text.push_str("\": ");
                text.push_str(reason);
            }
        }
        text
    }

    pub(crate) fn malformed(reason: &'static str) -> Self {
        Self::MalformedToken { reason }
    }

    #[cfg(feature = "asymmetric")]
    pub(crate) fn jwk(reason: &'static str) -> Self {
        Self::InvalidJwk { reason }
    }

    pub(crate) fn invalid_claims(reason: &'static str) -> Self {
        Self::InvalidClaims { reason }
    }

    // Failure paths only: out of line, so that the many call sites stay small.
    #[cold]
    #[inline(never)]
    pub(crate) fn invalid_option(option: &str, reason: &'static str) -> Self {
        Self::InvalidOptions {
            option: option.into(),
            reason,
        }
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn claim_invalid(claim: &str, reason: &'static str) -> Self {
        Self::ClaimInvalid {
            claim: claim.into(),
            reason,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for Error {}
