//! `VerifyOptions`: read and checked in JavaScript (`verifyOptions` in
//! `pkg-template/host.js`, which throws the same `JwtError` for the first
//! member that fails as the module did), and taken here as the compact text
//! it returns. Unknown option names are refused there, so a misspelt
//! `audiance` cannot silently switch a check off.
//!
//! Reading the options object in JavaScript costs fewer bytes than reading
//! its `JSON.stringify` text here, and less time. Measured: `jwt-edge/verify`
//! 31,582 → 30,393 bytes gzipped (entry and `.wasm`, with the bundles' names
//! minified), the main entry 37,913 → 37,372, `jwt-edge/jwk` 150,184 →
//! 149,279; the one-shot `verify(token, secret, { algorithms: ["HS256"] })`
//! went from 1.32–1.38× the keyed `Verifier`'s time to 1.16–1.18× (Node, one
//! process, interleaved rounds).

use super::option_readers::verify_options;
use super::time::clock_now;
use crate::{Algorithm, Error, Validation};
use alloc::string::String;
use wasm_bindgen::JsValue;

/// The algorithms of this build, as the bits of host.js's `ALGORITHM_NAMES`
/// (`Algorithm::ALL`'s order): the names `algorithms` may give.
pub(crate) const ALGORITHM_BITS: u32 = 0b111
    | if cfg!(feature = "rsa") {
        0b11_1111 << 3
    } else {
        0
    }
    | if cfg!(feature = "es256") { 1 << 9 } else { 0 }
    | if cfg!(feature = "es384") { 1 << 10 } else { 0 }
    | if cfg!(feature = "es512") { 1 << 11 } else { 0 }
    | if cfg!(feature = "eddsa") {
        0b11 << 12
    } else {
        0
    };

/// `VerifyOptions`, read once.
#[derive(Clone)]
pub(crate) struct VerifyConfig {
    pub validation: Validation,
    /// Whether the caller named the algorithms (else HS256 for a secret, and
    /// the key's own algorithm for a JWK).
    #[cfg(feature = "asymmetric")]
    pub algorithms_named: bool,
    /// The `now` option, if the caller fixed the clock.
    pub fixed_now: Option<u64>,
}

impl VerifyConfig {
    /// The options of one call, read and checked in JavaScript.
    ///
    /// # Errors
    /// The `JwtError` (`ERR_INVALID_OPTIONS`) that JavaScript threw.
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, JsValue> {
        read_options(options, verify_options, Self::from_compact)
    }

    /// From the compact text of `verifyOptions`: items of a one-letter tag,
    /// the value's length, `:` and the value.
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] for a text `verifyOptions` does not write.
    pub(crate) fn from_compact(text: &str) -> Result<Self, Error> {
        // The fields are set directly (not through the builder, which moves
        // the whole `Validation` at every step): the same rules, less code.
        let mut validation = Validation::new(0);
        validation.algorithms = alloc::vec![Algorithm::Hs256];
        let mut fixed_now = None;
        let mut named = false;
        let mut rest = text;
        while let Some((tag, value, after)) = compact_item(rest) {
            rest = after;
            let number = || value.parse::<u64>().ok();
            let list = match tag {
                b'a' => {
                    if !named {
                        named = true;
                        validation.algorithms.clear();
                    }
                    let algorithm = Algorithm::from_name(value).ok_or_else(not_compact)?;
                    validation.algorithms.push(algorithm);
                    continue;
                }
                b'i' => &mut validation.issuers,
                b'u' => &mut validation.audiences,
                b'r' => &mut validation.required_claims,
                b'R' => {
                    validation.required_claims.clear();
                    continue;
                }
                b's' => {
                    validation.subject = Some(String::from(value));
                    continue;
                }
                b't' => {
                    validation.typ = Some(String::from(value));
                    continue;
                }
                b'l' => {
                    validation.leeway = number().ok_or_else(not_compact)?;
                    continue;
                }
                b'm' => {
                    validation.max_age = Some(number().ok_or_else(not_compact)?);
                    continue;
                }
                b'n' => {
                    fixed_now = Some(number().ok_or_else(not_compact)?);
                    continue;
                }
                b'x' => {
                    validation.max_token_length = number()
                        .and_then(|length| usize::try_from(length).ok())
                        .ok_or_else(not_compact)?;
                    continue;
                }
                _ => return Err(not_compact()),
            };
            list.push(String::from(value));
        }
        if !rest.is_empty() {
            return Err(not_compact());
        }
        Ok(Self {
            validation,
            #[cfg(feature = "asymmetric")]
            algorithms_named: named,
            fixed_now,
        })
    }

    /// For a JWK or a JWK Set: without named algorithms, the key's own
    /// algorithm decides (a JWK without `alg` then verifies nothing).
    #[cfg(feature = "asymmetric")]
    pub(crate) fn for_jwk(&mut self) {
        if !self.algorithms_named {
            self.validation.algorithms.clear();
        }
    }

    /// For a secret: the named algorithms must all be HS*.
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] when `algorithms` names another.
    #[cfg(feature = "asymmetric")]
    pub(crate) fn for_secret(&self) -> Result<(), Error> {
        let hmac = |algorithm: &Algorithm| algorithm.family() == crate::KeyFamily::Hmac;
        if self.validation.algorithms.iter().all(hmac) {
            return Ok(());
        }
        Err(Error::invalid_option(
            "algorithms",
            "a secret (a string or a Uint8Array) verifies only HS256, HS384 and HS512",
        ))
    }

    /// The allowed algorithms, in the order given.
    pub(crate) fn algorithms(&self) -> &[Algorithm] {
        &self.validation.algorithms
    }

    /// The validation rules judged at `now` (the fixed clock, or the real one).
    pub(crate) fn at_now(&mut self) -> &Validation {
        self.validation.now = self.fixed_now.unwrap_or_else(clock_now);
        &self.validation
    }
}

/// How JavaScript reads one function's options: `options` and the build's
/// algorithms.
pub(crate) type OptionsReader = fn(&JsValue, u32) -> JsValue;

/// What an `OptionsReader` returned: the compact text, `None` for
/// `undefined`, or the `JwtError` it returned.
///
/// # Errors
/// That `JwtError`.
pub(crate) fn compact_text(read: JsValue) -> Result<Option<String>, JsValue> {
    if read.is_undefined() {
        return Ok(None);
    }
    read.as_string().map(Some).ok_or(read)
}

/// The options of one call, read and checked in JavaScript by `reader`, then
/// taken from their compact text by `from_compact`.
///
/// # Errors
/// The `JwtError` (`ERR_INVALID_OPTIONS`) that JavaScript threw.
pub(crate) fn read_options<T>(
    options: &JsValue,
    reader: OptionsReader,
    from_compact: fn(&str) -> Result<T, Error>,
) -> Result<T, JsValue> {
    let text = compact_text(reader(options, ALGORITHM_BITS))?.unwrap_or_default();
    from_compact(&text).map_err(|error| super::error::to_js(&error))
}

/// The first item of a compact text: its tag, its value and the rest. The
/// value's length is in UTF-16 code units, as JavaScript counts.
pub(super) fn compact_item(text: &str) -> Option<(u8, &str, &str)> {
    let tag = *text.as_bytes().first()?;
    let (length, after) = text.get(1..)?.split_once(':')?;
    let length = length.parse::<usize>().ok()?;
    let mut units = 0;
    let end = after.char_indices().find_map(|(index, char)| {
        let at = units;
        units += char.len_utf16();
        (at >= length).then_some((index, at))
    });
    let end = match end {
        Some((index, at)) if at == length => index,
        None if units == length => after.len(),
        _ => return None,
    };
    Some((tag, after.get(..end)?, after.get(end..)?))
}

/// The error for a compact text `host.js` does not write (never met).
#[cold]
pub(super) fn not_compact() -> Error {
    Error::invalid_option("options", "must be an object")
}
