//! The one-shot functions: `decode`, `verify`, `sign` and the expiry helpers.

use super::error::to_js;
use super::key::KeyBytes;
use super::options::{clock_now, seconds, SignConfig, VerifyConfig};
use crate::json::parse_object;
use crate::token::decode_with_json;
use crate::verify::verify_token_with;
use crate::{Claims, Error, UnverifiedToken, MAX_LEEWAY};
use alloc::string::String;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// The token argument as a string.
pub(crate) fn token_text(token: &JsValue) -> Result<String, Error> {
    token
        .as_string()
        .ok_or(Error::malformed("the token must be a string"))
}

/// A verified or decoded JSON text as a JavaScript value. The text has already
/// passed the strict parser, so `JSON.parse` cannot fail on it.
pub(crate) fn json_to_js(json: &[u8]) -> Result<JsValue, Error> {
    let text = core::str::from_utf8(json).map_err(|_| Error::invalid_claims("not valid UTF-8"))?;
    js_sys::JSON::parse(text).map_err(|_| Error::invalid_claims("not valid JSON"))
}

/// A payload object from JavaScript as a claims set.
pub(crate) fn claims_from_js(payload: &JsValue) -> Result<Claims, Error> {
    let not_an_object = || Error::invalid_claims("the payload must be a plain object");
    if !payload.is_object() || js_sys::Array::is_array(payload) {
        return Err(not_an_object());
    }
    let text = js_sys::JSON::stringify(payload)
        .ok()
        .and_then(|text| JsValue::from(text).as_string())
        .ok_or_else(not_an_object)?;
    let object =
        parse_object(text.as_bytes()).map_err(|error| Error::invalid_claims(error.describe()))?;
    Claims::from_object(object)
}

fn unverified(token: &JsValue) -> Result<UnverifiedToken, Error> {
    Ok(decode_with_json(&token_text(token)?)?.token)
}

fn optional_now(now: Option<f64>) -> Result<u64, Error> {
    now.map_or_else(|| Ok(clock_now()), |now| seconds(now, "now"))
}

/// Reads a token's header and payload **without verifying it**: for showing a
/// token or scheduling a refresh, never for deciding access.
///
/// # Errors
/// Throws a `JwtError` when the token is malformed.
#[wasm_bindgen(skip_typescript)]
pub fn decode(token: &JsValue) -> Result<JsValue, JsValue> {
    let decode = || -> Result<JsValue, Error> {
        let decoded = decode_with_json(&token_text(token)?)?;
        let result = Object::new();
        for (name, json) in [
            ("header", &decoded.header_json),
            ("payload", &decoded.payload_json),
        ] {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&result, &JsValue::from(name), &json_to_js(json)?);
        }
        Ok(result.into())
    };
    decode().map_err(|error| to_js(&error))
}

/// Verifies a token's signature and claims and returns its payload.
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails.
#[wasm_bindgen(skip_typescript)]
pub fn verify(token: &JsValue, key: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let verify = || -> Result<JsValue, Error> {
        let token = token_text(token)?;
        let key = KeyBytes::from_js(key)?;
        let mut config = VerifyConfig::from_js(options)?;
        let verified =
            verify_token_with(&token, config.at_now(), |algorithm| key.hmac_key(algorithm))?;
        json_to_js(&verified.payload)
    };
    verify().map_err(|error| to_js(&error))
}

/// Signs a payload and returns the compact token.
///
/// # Errors
/// Throws a `JwtError` for a bad key, bad options or a payload whose registered
/// claims have the wrong types.
#[wasm_bindgen(skip_typescript)]
pub fn sign(payload: &JsValue, key: &JsValue, options: &JsValue) -> Result<String, JsValue> {
    let sign = || -> Result<String, Error> {
        let config = SignConfig::from_js(options)?;
        let key = KeyBytes::from_js(key)?.hmac_key(config.algorithm)?;
        let mut claims = claims_from_js(payload)?;
        config.apply(&mut claims)?;
        Ok(crate::sign(&claims, &key, &config.header))
    };
    sign().map_err(|error| to_js(&error))
}

/// When the token expires, in seconds since the epoch; `undefined` without
/// `exp`. The token is not verified.
///
/// # Errors
/// Throws a `JwtError` when the token is malformed.
#[wasm_bindgen(js_name = expiresAt, skip_typescript)]
pub fn expires_at(token: &JsValue) -> Result<Option<f64>, JsValue> {
    unverified(token)
        .map(|token| token.expires_at().map(crate::NumericDate::as_secs_f64))
        .map_err(|error| to_js(&error))
}

/// Seconds from `now` (default: the clock) until the token expires, negative
/// once expired; `undefined` without `exp`. The token is not verified.
///
/// # Errors
/// Throws a `JwtError` when the token is malformed or `now` is not a time.
#[wasm_bindgen(js_name = secondsUntilExpiry, skip_typescript)]
pub fn seconds_until_expiry(token: &JsValue, now: Option<f64>) -> Result<Option<f64>, JsValue> {
    let remaining = || -> Result<Option<f64>, Error> {
        let token = unverified(token)?;
        let now = optional_now(now)?;
        #[allow(clippy::cast_precision_loss)] // times are at most 2^53
        Ok(token.expires_at().map(|exp| exp.as_secs_f64() - now as f64))
    };
    remaining().map_err(|error| to_js(&error))
}

/// Whether the token has expired at `now` (default: the clock), allowing
/// `leeway` seconds (0 to 300); `false` without `exp`. The token is not verified.
///
/// # Errors
/// Throws a `JwtError` when the token is malformed or an argument is out of range.
#[wasm_bindgen(js_name = isExpired, skip_typescript)]
pub fn is_expired(token: &JsValue, leeway: Option<f64>, now: Option<f64>) -> Result<bool, JsValue> {
    let expired = || -> Result<bool, Error> {
        let token = unverified(token)?;
        #[allow(clippy::cast_precision_loss)] // 300
        let leeway = match leeway {
            None => 0,
            Some(secs) if (0.0..=MAX_LEEWAY as f64).contains(&secs) => seconds(secs, "leeway")?,
            Some(_) => {
                return Err(Error::invalid_option(
                    "leeway",
                    "must be a number from 0 to 300 seconds",
                ))
            }
        };
        Ok(token.is_expired(optional_now(now)?, leeway))
    };
    expired().map_err(|error| to_js(&error))
}
