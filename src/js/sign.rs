//! Signing from JavaScript (feature `js`): the one-shot `sign` and the path it
//! shares with `Signer`.

use super::error::to_js;
use super::host::plain_object_json;
use super::key_argument::SignKey;
#[cfg(speed_or_native)]
use super::last_options::{with_last_options, LAST_SIGN_OPTIONS};
use super::sign_options::SignConfig;
use crate::claims::CheckedClaims;
use crate::json::RawMembers;
use crate::sign::sign_payload;
use crate::{Error, HmacKey, SigningKey};
use alloc::string::String;
use core::borrow::Borrow;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Signs `payload`: the one path behind `sign` and `Signer.sign`.
#[inline(never)]
pub(crate) fn sign_with<K: SigningKey>(
    payload: &JsValue,
    config: &SignConfig,
    key: &K,
) -> Result<String, Error> {
    let text = plain_object_json(payload)
        .ok_or_else(|| Error::invalid_claims("the payload must be a plain object"))?;
    // Checked by the rules verification applies, then written back with the
    // options' claims without building anything.
    let mut claims = CheckedClaims::<RawMembers<'_>>::read(text.as_bytes(), |error| {
        Error::invalid_claims(error.describe())
    })?;
    config.apply(&mut claims.registered)?;
    Ok(sign_payload(
        &config.encoded_header,
        claims.to_json().as_bytes(),
        key,
    ))
}

/// Signs a payload and returns the compact token.
///
/// # Errors
/// Throws a `JwtError` for a bad key, bad options or a payload whose registered
/// claims have the wrong types.
#[wasm_bindgen(skip_typescript)]
pub fn sign(payload: &JsValue, key: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let sign = |config: &mut SignConfig| -> Result<JsValue, JsValue> {
        let sign = || -> Result<String, Error> {
            let key = SignKey::from_js(key)?;
            match key {
                SignKey::Secret(ref bytes) => {
                    let key = bytes.last_prepared_key(config.algorithm)?;
                    sign_with(payload, config, Borrow::<HmacKey>::borrow(&key))
                }
                #[cfg(feature = "asymmetric")]
                SignKey::Private(private) => {
                    // The options read for this call may be kept for the next one
                    // (`last_options`), which may give a secret: the key's
                    // algorithm is bound on a copy. (Signing costs far more.)
                    let mut config = config.clone();
                    config.bind(&private)?;
                    sign_with(payload, &config, &private)
                }
            }
        };
        // The token as a JavaScript string value, not copied out.
        sign().map(JsValue::from).map_err(|error| to_js(&error))
    };
    #[cfg(speed_or_native)]
    return with_last_options(&LAST_SIGN_OPTIONS, options, sign);
    #[cfg(not(speed_or_native))]
    sign(&mut SignConfig::from_js(options)?)
}
