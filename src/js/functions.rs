//! The one-shot functions `decode`, `verify` and the expiry helpers, and the
//! verify path `verify` shares with `Verifier` (signing is in `sign`).

use super::error::to_js;
use super::host::{json_parse, Measured};
#[cfg(feature = "asymmetric")]
use super::jwk_key::JwkKey;
#[cfg(feature = "js-verify")]
use super::key::{KeyBytes, PreparedKey};
#[cfg(all(
    feature = "js-verify",
    any(feature = "speed", not(feature = "npm-runtime"))
))]
use super::last_options::{with_last_options, LAST_VERIFY_OPTIONS};
#[cfg(feature = "js-verify")]
use super::options::VerifyConfig;
use super::time::{clock_now, seconds};
#[cfg(feature = "js-verify")]
use crate::claims::KeepChecked;
use crate::token::{decode_checked, Framing};
#[cfg(feature = "js-verify")]
use crate::verify::verify_checked;
#[cfg(feature = "js-verify")]
use crate::{Algorithm, HmacKey, KeyRequest, Validation, VerifyingKey};
use crate::{Error, DEFAULT_MAX_TOKEN_LENGTH, MAX_LEEWAY};
use alloc::string::String;
#[cfg(feature = "asymmetric")]
use alloc::vec::Vec;
#[cfg(feature = "js-verify")]
use core::borrow::Borrow;
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
        return Err(Error::malformed(
            "token is longer than the configured maximum",
        ));
    }
    token.as_string().ok_or_else(not_a_string)
}

/// A JSON text that has passed the strict parser as a JavaScript value.
fn json_to_js(json: &[u8]) -> Result<JsValue, Error> {
    let text = core::str::from_utf8(json).map_err(|_| Error::invalid_claims("not valid UTF-8"))?;
    Ok(json_parse(text))
}

/// Where a verification's key comes from.
#[cfg(feature = "js-verify")]
pub(crate) enum Keys<'a> {
    /// What a `Verifier` prepared for each allowed algorithm: its key, or
    /// why the key cannot serve it.
    Prepared(&'a [(Algorithm, Result<HmacKey, &'static str>)]),
    /// The caller's secret, made into a key only once the token's algorithm
    /// is known to be allowed.
    Secret(&'a KeyBytes),
    /// A JWK or a JWK Set: the key the token's `alg` and `kid` choose.
    #[cfg(feature = "asymmetric")]
    Jwk(&'a JwkKey),
}

/// The key chosen for one token. (It lives on the stack for one call: a
/// made key is not worth a heap allocation.)
#[cfg(feature = "js-verify")]
#[allow(clippy::large_enum_variant)]
enum Chosen<'a> {
    Prepared(&'a HmacKey),
    Made(PreparedKey),
    #[cfg(feature = "asymmetric")]
    Jwk(crate::SelectedKey<'a>),
}

#[cfg(feature = "js-verify")]
impl Chosen<'_> {
    /// The chosen key as a `VerifyingKey`.
    fn key(&self) -> &dyn VerifyingKey {
        match self {
            Self::Prepared(key) => *key,
            Self::Made(key) => Borrow::<HmacKey>::borrow(key),
            #[cfg(feature = "asymmetric")]
            Self::Jwk(key) => key,
        }
    }
}

#[cfg(feature = "js-verify")]
impl VerifyingKey for Chosen<'_> {
    fn algorithm(&self) -> Algorithm {
        self.key().algorithm()
    }

    fn verify_signature(&self, signing_input: &[u8], signature: &[u8]) -> Result<(), Error> {
        self.key().verify_signature(signing_input, signature)
    }
}

/// Verifies `token` and returns its payload (with `WITH_HEADER`, the payload
/// and the protected header): the one path behind `verify`, `verifyWithHeader`
/// and `Verifier`.
#[cfg(feature = "js-verify")]
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
        Keys::Jwk(key) => key.choose(request).map(Chosen::Jwk),
    };
    // The payload's text passed every rule: JavaScript's own parser makes the
    // object, nothing is built in Rust.
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

/// An unverified token's `exp` in seconds, if it has one.
fn unverified_exp(token: &JsValue) -> Result<Option<f64>, Error> {
    let token = token_text(token, DEFAULT_MAX_TOKEN_LENGTH)?;
    Ok(decode_checked(&token, &Framing::NONE)?.expires_at)
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
        // One `JSON.parse` makes the result object and both members.
        let framing = Framing {
            before: b"{\"header\":",
            between: b",\"payload\":",
            after: b"}",
        };
        let token = token_text(token, DEFAULT_MAX_TOKEN_LENGTH)?;
        json_to_js(&decode_checked(&token, &framing)?.json)
    };
    decode().map_err(|error| to_js(&error))
}

/// Verifies a token's signature and claims and returns its payload.
///
/// # Errors
/// Throws a `JwtError` with the code of the first rule that fails.
#[cfg(feature = "js-verify")]
#[wasm_bindgen(skip_typescript)]
pub fn verify(token: &JsValue, key: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    // The options first: they may raise the length cap.
    let verify = |config: &mut VerifyConfig| -> Result<JsValue, Error> {
        let token = token_text(token, config.validation.max_token_length)?;
        #[cfg(feature = "asymmetric")]
        return super::asymmetric::verify_any::<false>(&token, key, config);
        #[cfg(not(feature = "asymmetric"))]
        {
            let secret = KeyBytes::from_js(key)?;
            verify_with::<false>(&token, config.at_now(), &Keys::Secret(&secret))
        }
    };
    #[cfg(any(feature = "speed", not(feature = "npm-runtime")))]
    let result = with_last_options(
        &LAST_VERIFY_OPTIONS,
        options,
        VerifyConfig::from_text,
        verify,
    );
    #[cfg(not(any(feature = "speed", not(feature = "npm-runtime"))))]
    let result = VerifyConfig::from_js(options).and_then(|mut config| verify(&mut config));
    result.map_err(|error| to_js(&error))
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
