//! `Signer`: a key and options prepared once, for hot paths.

use super::error::to_js;
use super::key_argument::SignKey;
use super::sign::sign_with;
use super::sign_options::SignConfig;
use crate::{Error, HmacKey};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Signs payloads with one key and one set of options. The key is processed
/// once, when the signer is made.
#[wasm_bindgen(skip_typescript)]
pub struct Signer {
    key: SignerKey,
    config: SignConfig,
}

/// The key a signer prepared.
#[allow(clippy::large_enum_variant)]
enum SignerKey {
    Hmac(HmacKey),
    #[cfg(feature = "asymmetric")]
    Private(crate::PrivateKey),
}

#[wasm_bindgen]
impl Signer {
    /// A signer for `key` under `options` (`alg` defaults to "HS256").
    ///
    /// # Errors
    /// Throws a `JwtError` (`ERR_KEY_INVALID`, `ERR_INVALID_OPTIONS`) when the
    /// key is too short for the algorithm or an option is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(key: &JsValue, options: &JsValue) -> Result<Signer, JsValue> {
        Self::with_options(key, SignConfig::from_js(options)?).map_err(|error| to_js(&error))
    }

    /// Signs `payload` and returns the compact token.
    ///
    /// # Errors
    /// Throws a `JwtError` for a payload whose registered claims have the wrong types.
    pub fn sign(&self, payload: &JsValue) -> Result<JsValue, JsValue> {
        match &self.key {
            SignerKey::Hmac(key) => sign_with(payload, &self.config, key),
            #[cfg(feature = "asymmetric")]
            SignerKey::Private(key) => sign_with(payload, &self.config, key),
        }
        .map(JsValue::from)
        .map_err(|error| to_js(&error))
    }
}

impl Signer {
    /// A signer for `key` with `config`, bound to the key's algorithm.
    fn with_options(
        key: &JsValue,
        #[cfg_attr(not(feature = "asymmetric"), allow(unused_mut))] mut config: SignConfig,
    ) -> Result<Self, Error> {
        let key = match SignKey::from_js(key)? {
            SignKey::Secret(ref bytes) => SignerKey::Hmac(bytes.hmac_key(config.algorithm)?),
            #[cfg(feature = "asymmetric")]
            SignKey::Private(private) => {
                config.bind(&private)?;
                SignerKey::Private(private)
            }
        };
        Ok(Self { key, config })
    }
}

#[cfg(all(feature = "asymmetric", speed_or_native))]
impl Signer {
    /// `then` with the signer's private key and its options (bound to the
    /// key); `None` for an HMAC signer.
    pub(crate) fn with_private_key<R>(
        &self,
        then: impl FnOnce(&crate::PrivateKey, &SignConfig) -> R,
    ) -> Option<R> {
        match &self.key {
            SignerKey::Private(key) => Some(then(key, &self.config)),
            SignerKey::Hmac(_) => None,
        }
    }
}
