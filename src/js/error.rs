//! Turning the crate's [`Error`] into a thrown `JwtError`.
//!
//! The error is built in JavaScript (`jwtError` in `pkg-template/host.js`)
//! from its kind and details: the messages, the codes and the error class
//! cost fewer bytes there than in every module. Measured (entry and `.wasm`,
//! gzipped) against building the message here and constructing the class
//! through `Reflect`: `jwt-edge/decode` 20,349 → 18,886 bytes,
//! `jwt-edge/verify` 32,811 → 31,582, the main entry 39,135 → 37,913.

use super::host::jwt_error;
use crate::Error;
use wasm_bindgen::JsValue;

/// A `JwtError` for `error`; a plain `Error` with the same members when the
/// class was not published (the raw wasm-bindgen module used directly).
// Only ever on the failure path: kept out of line so that every export shares
// one copy.
#[cold]
#[inline(never)]
pub(crate) fn to_js(error: &Error) -> JsValue {
    // The kind is the index of the variant in host.js's `KINDS`.
    let (kind, reason, name): (u32, _, _) = match error {
        Error::MalformedToken { reason } => (0, Some(*reason), None),
        Error::InvalidClaims { reason } => (1, Some(*reason), None),
        Error::AlgorithmNotAllowed => (2, None, None),
        Error::NotSupported { reason } => (3, Some(*reason), None),
        Error::SignatureInvalid => (4, None, None),
        Error::Expired => (5, None, None),
        Error::TooOld => (6, None, None),
        Error::ClaimInvalid { claim, reason } => (7, Some(*reason), Some(claim.as_str())),
        Error::InvalidKey { reason } => (8, Some(*reason), None),
        Error::InvalidOptions { option, reason } => (9, Some(*reason), Some(option.as_str())),
        #[cfg(feature = "asymmetric")]
        Error::InvalidJwk { reason } => (10, Some(*reason), None),
        #[cfg(feature = "asymmetric")]
        Error::InvalidJwks { reason } => (11, Some(*reason), None),
        #[cfg(feature = "asymmetric")]
        Error::NoMatchingKey => (12, None, None),
        #[cfg(feature = "asymmetric")]
        Error::MultipleMatchingKeys => (13, None, None),
    };
    jwt_error(kind, reason, name)
}
