//! The one-shot functions that read a token without verifying it: `decode`
//! and the expiry helpers (verifying is in `verify`, signing in `sign`).

use super::error::to_js;
use super::host::{decoded_jwt, Measured};
use super::time::{clock_now, seconds};
use crate::token::{decode_checked, reasons};
use crate::{Error, DEFAULT_MAX_TOKEN_LENGTH, MAX_LEEWAY};
use alloc::string::String;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The token argument as a string, refused unread when it is longer than
/// `max_length` bytes.
///
/// The length is checked before anything is copied into WebAssembly memory,
/// which never shrinks. JavaScript's `length` counts UTF-16 code units, and
/// each takes at least one byte of UTF-8 (a surrogate pair four, a lone
/// surrogate the three of its replacement): a string over the cap in code
/// units is over it in bytes, and one within it copies at most three bytes a
/// unit.
pub(crate) fn token_text(token: &JsValue, max_length: usize) -> Result<String, Error> {
    let not_a_string = || Error::malformed("the token must be a string");
    if !token.is_string() {
        return Err(not_a_string());
    }
    if token.unchecked_ref::<Measured>().length() as usize > max_length {
        return Err(Error::malformed(reasons::TOO_LONG));
    }
    token.as_string().ok_or_else(not_a_string)
}

/// An unverified token's `exp` in seconds, if it has one.
fn unverified_exp(token: &JsValue) -> Result<Option<f64>, Error> {
    let token = token_text(token, DEFAULT_MAX_TOKEN_LENGTH)?;
    Ok(decode_checked(token)?.expires_at)
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
        let decoded = decode_checked(token_text(token, DEFAULT_MAX_TOKEN_LENGTH)?)?;
        // Both texts passed the strict reader, which takes only UTF-8.
        let text = core::str::from_utf8;
        match (text(decoded.header_json()), text(decoded.payload_json())) {
            (Ok(header), Ok(payload)) => Ok(decoded_jwt(header, payload)),
            _ => Err(Error::invalid_claims("not valid UTF-8")),
        }
    };
    decode().map_err(|error| to_js(&error))
}

/// When the token expires, in seconds since the epoch; `undefined` without
/// `exp`. The token is not verified.
///
/// # Errors
/// Throws a `JwtError` when the token is malformed.
#[wasm_bindgen(js_name = expiresAt, skip_typescript)]
pub fn expires_at(token: &JsValue) -> Result<Option<f64>, JsValue> {
    unverified_exp(token).map_err(|error| to_js(&error))
}

/// Seconds from `now` (default: the clock) until the token expires, negative
/// once expired; `undefined` without `exp`. The token is not verified.
///
/// # Errors
/// Throws a `JwtError` when the token is malformed or `now` is not a time.
#[wasm_bindgen(js_name = secondsUntilExpiry, skip_typescript)]
pub fn seconds_until_expiry(token: &JsValue, now: Option<f64>) -> Result<Option<f64>, JsValue> {
    let remaining = || -> Result<Option<f64>, Error> {
        let exp = unverified_exp(token)?;
        let now = optional_now(now)?;
        #[allow(clippy::cast_precision_loss)] // times are at most 2^53
        Ok(exp.map(|exp| exp - now as f64))
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
        let exp = unverified_exp(token)?;
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
        let now = optional_now(now)?;
        // The same rule as `UnverifiedToken::is_expired` and `verify`.
        #[allow(clippy::cast_precision_loss)] // times are at most 2^53
        Ok(exp.is_some_and(|exp| now as f64 >= exp + leeway as f64))
    };
    expired().map_err(|error| to_js(&error))
}
