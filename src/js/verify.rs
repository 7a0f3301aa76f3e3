//! Verifying from JavaScript (feature `js-verify`): the one-shot `verify` and
//! the path it shares with `verifyWithHeader` and `Verifier`.

use super::error::to_js;
use super::functions::token_text;
use super::host::json_parse;
#[cfg(feature = "asymmetric")]
use super::jwk_key::JwkKey;
use super::key::{KeyBytes, PreparedKey};
use super::key_argument::VerifyKey;
#[cfg(speed_or_native)]
use super::last_options::{with_last_options, LAST_VERIFY_OPTIONS};
use super::options::VerifyConfig;
#[cfg(feature = "asymmetric")]
use super::runtime_signature::{through, MaybeHandover, NO_HANDOVER};
#[cfg(not(verifies_in_place))]
use crate::claims::KeepChecked;
#[cfg(not(verifies_in_place))]
use crate::verify::verify_checked;
use crate::{Algorithm, Error, HmacKey, KeyRequest, Validation, VerifyingKey};
#[cfg(feature = "asymmetric")]
use alloc::vec::Vec;
use core::borrow::Borrow;
use wasm_bindgen::prelude::wasm_bindgen;
#[cfg(all(feature = "asymmetric", speed_or_native))]
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// A JSON text that has passed the strict parser as a JavaScript value.
fn json_to_js(json: &[u8]) -> Result<JsValue, Error> {
    let text = core::str::from_utf8(json).map_err(|_| Error::invalid_claims("not valid UTF-8"))?;
    Ok(json_parse(text))
}

/// Where a verification's key comes from.
pub(crate) enum Keys<'a> {
    /// What a `Verifier` prepared for each allowed algorithm: its key, or
    /// why the key cannot serve it.
    Prepared(&'a [(Algorithm, Result<HmacKey, &'static str>)]),
    /// The caller's secret, made into a key only once the token's algorithm
    /// is known to be allowed.
    Secret(&'a KeyBytes),
    /// A JWK or a JWK Set: the key the token's `alg` and `kid` choose; with
    /// a handover, its signature check may be left to the runtime's crypto.
    #[cfg(feature = "asymmetric")]
    Jwk(&'a JwkKey, MaybeHandover<'a>),
}

/// The key chosen for one token. (It lives on the stack for one call: a
/// made key is not worth a heap allocation.)
#[allow(clippy::large_enum_variant)]
enum Chosen<'a> {
    Prepared(&'a HmacKey),
    Made(PreparedKey),
    #[cfg(feature = "asymmetric")]
    Jwk(crate::SelectedKey<'a>, MaybeHandover<'a>),
}

impl Chosen<'_> {
    /// The chosen key as a `VerifyingKey`.
    fn key(&self) -> &dyn VerifyingKey {
        match self {
            Self::Prepared(key) => *key,
            Self::Made(key) => Borrow::<HmacKey>::borrow(key),
            #[cfg(feature = "asymmetric")]
            Self::Jwk(key, _) => key,
        }
    }
}

impl VerifyingKey for Chosen<'_> {
    fn algorithm(&self) -> Algorithm {
        self.key().algorithm()
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        #[cfg(feature = "asymmetric")]
        if let Self::Jwk(crate::SelectedKey::Public(key), handover) = self {
            if let Some(result) = through(*handover, key, signing_input, signature) {
                return result;
            }
        }
        self.key().verify_signature(signing_input, signature)
    }
}

/// Verifies `token` and returns its payload (with `WITH_HEADER`, the payload
/// and the protected header): the one path behind `verify`, `verifyWithHeader`
/// and `Verifier`.
#[inline(never)]
pub(crate) fn verify_with<const WITH_HEADER: bool>(
    token: &str,
    validation: &Validation,
    keys: &Keys<'_>,
) -> Result<JsValue, Error> {
    let select = |request: &KeyRequest<'_>| match keys {
        Keys::Prepared(keys) => match keys
            .iter()
            .find(|(allowed, _)| *allowed == request.algorithm)
        {
            Some((_, Ok(key))) => Ok(Chosen::Prepared(key)),
            Some((_, Err(reason))) => Err(Error::InvalidKey { reason }),
            None => Err(Error::AlgorithmNotAllowed),
        },
        Keys::Secret(secret) => secret
            .last_prepared_key(request.algorithm)
            .map(Chosen::Made),
        #[cfg(feature = "asymmetric")]
        Keys::Jwk(key, handover) => key
            .choose(request)
            .map(|chosen| Chosen::Jwk(chosen, *handover)),
    };
    // The payload's text passed every rule: JavaScript's own parser makes the
    // object, nothing is built in Rust.
    #[cfg(verifies_in_place)]
    return json_to_js(crate::verify::verify_in_place(token, validation, select)?.payload_json());
    #[cfg(not(verifies_in_place))]
    verify_checked::<_, KeepChecked, _>(token, validation, select, |header, _, payload, _| {
        #[cfg(feature = "asymmetric")]
        if WITH_HEADER {
            return payload_and_header(payload, header);
        }
        #[cfg(not(feature = "asymmetric"))]
        let _ = header;
        json_to_js(payload)
    })
}

/// `{ payload, protectedHeader }` of two checked JSON texts, made by one
/// `JSON.parse`.
#[cfg(feature = "asymmetric")]
fn payload_and_header(payload: &[u8], header: &[u8]) -> Result<JsValue, Error> {
    let mut both = Vec::with_capacity(header.len() + payload.len() + 32);
    both.extend_from_slice(b"{\"payload\":");
    both.extend_from_slice(payload);
    both.extend_from_slice(b",\"protectedHeader\":");
    both.extend_from_slice(header);
    both.push(b'}');
    json_to_js(&both)
}

/// Verifies `token` with any key `verify` takes: a secret, or in the
/// asymmetric builds a JWK or a JWK Set (whose signature check `handover`,
/// if given, may leave to the runtime's crypto).
pub(crate) fn verify_any<const WITH_HEADER: bool>(
    token: &str,
    key: &JsValue,
    config: &mut VerifyConfig,
    #[cfg(feature = "asymmetric")] handover: MaybeHandover<'_>,
) -> Result<JsValue, Error> {
    // The options read for this call may be kept for the next one
    // (`last_options`), which may give a secret: a JWK's rule goes on a copy.
    // (Asymmetric verification costs far more than it.)
    #[cfg(feature = "asymmetric")]
    let with_jwk = |jwk: &JwkKey| {
        let mut config = config.clone();
        config.for_jwk();
        verify_with::<WITH_HEADER>(token, config.at_now(), &Keys::Jwk(jwk, handover))
    };
    // In the Node and workerd build the last JWK read is kept for the next
    // call with the same key (`last_jwk`).
    #[cfg(all(feature = "asymmetric", speed_or_native))]
    if key.is_object() && !key.has_type::<super::host::Uint8Array>() {
        return super::last_jwk::with_last_jwk(key, with_jwk);
    }
    match VerifyKey::from_js(key)? {
        VerifyKey::Secret(ref secret) => {
            #[cfg(feature = "asymmetric")]
            config.for_secret()?;
            verify_with::<WITH_HEADER>(token, config.at_now(), &Keys::Secret(secret))
        }
        #[cfg(feature = "asymmetric")]
        VerifyKey::Jwk(jwk) => with_jwk(&jwk),
    }
}

/// Verifies a token's signature and claims and returns its payload.
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails.
#[wasm_bindgen(skip_typescript)]
pub fn verify(token: &JsValue, key: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    // The options first: they may raise the length cap.
    let verify = |config: &mut VerifyConfig| -> Result<JsValue, JsValue> {
        token_text(token, config.validation.max_token_length)
            .and_then(|token| {
                verify_any::<false>(
                    &token,
                    key,
                    config,
                    #[cfg(feature = "asymmetric")]
                    NO_HANDOVER,
                )
            })
            .map_err(|error| to_js(&error))
    };
    #[cfg(speed_or_native)]
    return with_last_options(&LAST_VERIFY_OPTIONS, options, verify);
    #[cfg(not(speed_or_native))]
    verify(&mut VerifyConfig::from_js(options)?)
}
