//! `Verifier`: a key and options prepared once, for hot paths.

use super::error::to_js;
use super::functions::token_text;
use super::key_argument::VerifyKey;
use super::options::VerifyConfig;
use super::verify::{verify_with, Keys};
use crate::{Algorithm, Error, HmacKey};
use alloc::vec::Vec;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Verifies tokens with one key and one set of options. The key is processed
/// once per allowed algorithm, when the verifier is made.
///
/// It accepts exactly what `verify` accepts with the same key and options, and
/// refuses the rest with the same codes: a key too short for one of the
/// allowed algorithms refuses that algorithm's tokens (`ERR_KEY_INVALID`) and
/// verifies the others'; only a key no allowed algorithm can use is refused
/// when the verifier is made.
#[wasm_bindgen(skip_typescript)]
pub struct Verifier {
    /// Each allowed algorithm with its prepared key, or why the key cannot
    /// serve it (the reason of an `ERR_KEY_INVALID`).
    keys: Vec<(Algorithm, Result<HmacKey, &'static str>)>,
    /// A JWK or a JWK Set, read once (then `keys` is empty).
    #[cfg(feature = "asymmetric")]
    jwk: Option<super::jwk_key::JwkKey>,
    config: VerifyConfig,
}

#[wasm_bindgen]
impl Verifier {
    /// A verifier for `key` under `options`.
    ///
    /// # Errors
    /// Throws a `JwtError` (`ERR_KEY_INVALID`, `ERR_INVALID_OPTIONS`) when the
    /// key is not a key, is too short for every allowed algorithm, or an
    /// option is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(key: &JsValue, options: &JsValue) -> Result<Verifier, JsValue> {
        Self::with_options(key, VerifyConfig::from_js(options)?).map_err(|error| to_js(&error))
    }

    /// Verifies `token` and returns its payload.
    ///
    /// # Errors
    /// Throws a `JwtError` with the code of the first rule that fails.
    pub fn verify(&mut self, token: &JsValue) -> Result<JsValue, JsValue> {
        self.verify_token::<false>(token)
    }

    /// As `verify` (with `withHeader`, `verifyWithHeader`), leaving the
    /// signature's arithmetic to the runtime: see
    /// `runtime_signature::verify_handing_over`.
    ///
    /// # Errors
    /// Throws a `JwtError` with the code of the first rule that fails before
    /// the signature.
    #[cfg(feature = "asymmetric")]
    #[wasm_bindgen(js_name = verifyHandingOver, skip_typescript)]
    pub fn verify_handing_over(
        &mut self,
        token: &JsValue,
        with_header: bool,
    ) -> Result<JsValue, JsValue> {
        #[cfg(not(speed_or_native))]
        {
            // The size builds hand nothing over (`runtime_signature`).
            if with_header {
                self.verify_with_header(token)
            } else {
                self.verify(token)
            }
        }
        #[cfg(speed_or_native)]
        {
            let (config, jwk, keys) = (&mut self.config, &self.jwk, &self.keys);
            super::runtime_signature::verifier_handing_over(|handover| {
                let token = token_text(token, config.validation.max_token_length)?;
                let keys = match jwk {
                    Some(jwk) => Keys::Jwk(jwk, Some(handover)),
                    None => Keys::Prepared(keys),
                };
                if with_header {
                    verify_with::<true>(&token, config.at_now(), &keys)
                } else {
                    verify_with::<false>(&token, config.at_now(), &keys)
                }
            })
        }
    }

    /// Verifies `token` and returns `{ payload, protectedHeader }`.
    ///
    /// # Errors
    /// Throws a `JwtError` with the code of the first rule that fails.
    #[cfg(feature = "asymmetric")]
    #[wasm_bindgen(js_name = verifyWithHeader)]
    pub fn verify_with_header(&mut self, token: &JsValue) -> Result<JsValue, JsValue> {
        self.verify_token::<true>(token)
    }
}

impl Verifier {
    /// A verifier for `key` with `config`: each allowed algorithm's HMAC key
    /// prepared, or the JWK or JWK Set read.
    fn with_options(
        key: &JsValue,
        #[cfg_attr(not(feature = "asymmetric"), allow(unused_mut))] mut config: VerifyConfig,
    ) -> Result<Self, Error> {
        let key = VerifyKey::from_js(key)?;
        let keys = match key {
            VerifyKey::Secret(ref secret) => {
                #[cfg(feature = "asymmetric")]
                config.for_secret()?;
                let mut keys = Vec::with_capacity(config.algorithms().len());
                for algorithm in config.algorithms() {
                    let key = match secret.hmac_key(*algorithm) {
                        Ok(key) => Ok(key),
                        Err(Error::InvalidKey { reason }) => Err(reason),
                        Err(error) => return Err(error),
                    };
                    keys.push((*algorithm, key));
                }
                if let [(_, Err(reason)), ..] = keys.as_slice() {
                    if keys.iter().all(|(_, key)| key.is_err()) {
                        return Err(Error::InvalidKey { reason });
                    }
                }
                keys
            }
            #[cfg(feature = "asymmetric")]
            VerifyKey::Jwk(jwk) => {
                config.for_jwk();
                return Ok(Self {
                    keys: Vec::new(),
                    jwk: Some(jwk),
                    config,
                });
            }
        };
        Ok(Self {
            keys,
            #[cfg(feature = "asymmetric")]
            jwk: None,
            config,
        })
    }

    /// The one path of `verify` and (with `WITH_HEADER`) `verifyWithHeader`,
    /// every check made here.
    fn verify_token<const WITH_HEADER: bool>(
        &mut self,
        token: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let mut verify = || -> Result<JsValue, Error> {
            let token = token_text(token, self.config.validation.max_token_length)?;
            #[cfg(feature = "asymmetric")]
            if let Some(jwk) = &self.jwk {
                return verify_with::<WITH_HEADER>(
                    &token,
                    self.config.at_now(),
                    &Keys::Jwk(jwk, super::runtime_signature::NO_HANDOVER),
                );
            }
            verify_with::<WITH_HEADER>(&token, self.config.at_now(), &Keys::Prepared(&self.keys))
        };
        verify().map_err(|error| to_js(&error))
    }
}
