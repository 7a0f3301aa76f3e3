//! The key argument of `sign`, `verify`, `Signer` and `Verifier`: a secret (a
//! string or a `Uint8Array`) in every build; in the asymmetric builds an
//! object that is not a `Uint8Array` is a JWK, a JWK Set or a private JWK.
//!
//! Callers bind the argument, then match the secret by `ref`: moved out of
//! the enum it costs each caller a copy and an earlier wipe, bytes of code in
//! the size builds.

#[cfg(feature = "asymmetric")]
use super::jwk_key::JwkKey;
use super::key::KeyBytes;
use crate::Error;
use wasm_bindgen::JsValue;

/// What a verification gets as its key argument (on the stack for one call).
#[allow(clippy::large_enum_variant)]
pub(crate) enum VerifyKey {
    /// A string or a `Uint8Array`: an HMAC secret.
    Secret(KeyBytes),
    /// A JWK or a JWK Set.
    #[cfg(feature = "asymmetric")]
    Jwk(JwkKey),
}

impl VerifyKey {
    pub(crate) fn from_js(key: &JsValue) -> Result<Self, Error> {
        match KeyBytes::from_js(key) {
            #[cfg(feature = "asymmetric")]
            Err(_) if key.is_object() => JwkKey::from_js(key).map(Self::Jwk),
            secret => secret.map(Self::Secret),
        }
    }
}

/// What a signature gets as its key argument (on the stack for one call).
#[cfg(feature = "js")]
#[allow(clippy::large_enum_variant)]
pub(crate) enum SignKey {
    /// A string or a `Uint8Array`: an HMAC secret.
    Secret(KeyBytes),
    /// A private ECDSA or Ed25519 JWK.
    #[cfg(feature = "asymmetric")]
    Private(crate::PrivateKey),
}

#[cfg(feature = "js")]
impl SignKey {
    pub(crate) fn from_js(key: &JsValue) -> Result<Self, Error> {
        match KeyBytes::from_js(key) {
            #[cfg(feature = "asymmetric")]
            Err(_) if key.is_object() => super::jwk_key::private_key(key).map(Self::Private),
            secret => secret.map(Self::Secret),
        }
    }
}
