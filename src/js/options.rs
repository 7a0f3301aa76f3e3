//! Reading `VerifyOptions` from JavaScript, and the readers of option values
//! that `SignOptions` (in `sign_options`) shares.
//!
//! Options cross the boundary once, as their `JSON.stringify` text, and are read
//! with the crate's strict JSON parser. Unknown option names are refused, so a
//! misspelt `audiance` cannot silently switch a check off.

use super::host::{json_stringify, object_keys, plain_object_json};
use super::time::{clock_now, seconds};
use crate::json::{array_items, parse_f64, parse_members, sink, Raw, RawMembers};
use crate::{Algorithm, Error, Validation, MAX_NUMERIC_DATE};
use alloc::string::String;
use alloc::vec::Vec;
use wasm_bindgen::JsValue;

/// The options object's `JSON.stringify` text; `None` for `undefined`/`null`.
pub(super) fn options_text(options: &JsValue) -> Result<Option<String>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    plain_object_json(options)
        .map(Some)
        .ok_or_else(not_an_object)
}

fn not_an_object() -> Error {
    Error::invalid_option("options", "must be an object")
}

/// The members of the options' text (none without options): every own
/// enumerable member of `options`. `JSON.stringify` leaves out a member whose
/// value is `undefined` (or a function or a symbol), which would silently
/// switch its check off (`{ audience: config.audience }` with the audience
/// unset): such a member is refused, by name.
pub(super) fn option_members<'a>(
    options: &JsValue,
    text: Option<&'a str>,
) -> Result<RawMembers<'a>, Error> {
    let mut members = RawMembers::new();
    if let Some(text) = text {
        parse_members(text.as_bytes(), sink(&mut members)).map_err(|_| not_an_object())?;
        let keys = object_keys(options).map_err(|_| not_an_object())?;
        if keys.length() as usize != members.len() {
            return Err(left_out_member(&keys, &members));
        }
    }
    Ok(members)
}

/// The error for an own enumerable member of the options (`keys`, their
/// names) that their JSON text left out.
#[cold]
#[inline(never)]
fn left_out_member(keys: &JsValue, members: &RawMembers<'_>) -> Error {
    let keys = json_stringify(keys).ok().flatten().unwrap_or_default();
    for key in array_items(&keys).unwrap_or_default() {
        let Raw::String(name) = key else { continue };
        if !members.iter().any(|(member, _)| *member == name) {
            return Error::invalid_option(
                &name,
                "is undefined (or a function or a symbol): leave it out, or give it a value",
            );
        }
    }
    Error::invalid_option("options", "must be a plain object of JSON values")
}

pub(super) fn number(value: &Raw<'_>, option: &str) -> Result<u64, Error> {
    match value {
        Raw::Number(text) => seconds(parse_f64(text), option),
        _ => Err(Error::invalid_option(option, "must be a number of seconds")),
    }
}

/// A duration: seconds, or a string such as `"30s"`, `"15m"`, `"2h"`, `"7d"`, `"1w"`.
pub(super) fn duration(value: &Raw<'_>, option: &str) -> Result<u64, Error> {
    let Raw::String(text) = value else {
        return number(value, option);
    };
    let invalid = || {
        Error::invalid_option(
            option,
            "must be seconds or a duration such as \"15m\", \"2h\" or \"7d\"",
        )
    };
    let text = text.trim_ascii();
    let split = text
        .bytes()
        .position(|byte| !byte.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at_checked(split).ok_or_else(invalid)?;
    let amount: u64 = digits.parse().map_err(|_| invalid())?;
    let scale = match unit.trim_ascii() {
        "" | "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        "w" | "week" | "weeks" => 604_800,
        _ => return Err(invalid()),
    };
    amount
        .checked_mul(scale)
        .filter(|secs| *secs <= MAX_NUMERIC_DATE)
        .ok_or_else(invalid)
}

pub(super) fn string(value: &Raw<'_>, option: &str) -> Result<String, Error> {
    match value {
        Raw::String(text) => Ok(String::from(text.as_ref())),
        _ => Err(Error::invalid_option(option, "must be a string")),
    }
}

/// The items of an array option.
fn items<'a>(value: &Raw<'a>) -> Option<Vec<Raw<'a>>> {
    match value {
        Raw::Array(text) => array_items(text),
        _ => None,
    }
}

pub(super) fn strings(value: &Raw<'_>, option: &str) -> Result<Vec<String>, Error> {
    let not_strings = || Error::invalid_option(option, "must be a string or an array of strings");
    if let Raw::String(one) = value {
        return Ok(alloc::vec![String::from(one.as_ref())]);
    }
    let items = items(value).ok_or_else(not_strings)?;
    let mut list = Vec::with_capacity(items.len());
    for item in &items {
        list.push(string(item, option).map_err(|_| not_strings())?);
    }
    Ok(list)
}

fn non_empty(list: Vec<String>, option: &str) -> Result<Vec<String>, Error> {
    if list.is_empty() {
        return Err(Error::invalid_option(
            option,
            "must name at least one value",
        ));
    }
    Ok(list)
}

/// A non-empty array of algorithm names.
fn algorithms(value: &Raw<'_>, option: &str) -> Result<Vec<Algorithm>, Error> {
    let items = items(value)
        .ok_or_else(|| Error::invalid_option(option, "must be an array of algorithm names"))?;
    if items.is_empty() {
        return Err(Error::invalid_option(
            option,
            "must name at least one algorithm",
        ));
    }
    let mut list = Vec::with_capacity(items.len());
    for item in &items {
        list.push(algorithm(item, option)?);
    }
    Ok(list)
}

/// Seconds of clock skew, 0 to 300 (a fraction is dropped).
fn leeway(value: &Raw<'_>, option: &str) -> Result<u64, Error> {
    match value {
        Raw::Number(text) if (0.0..=300.0).contains(&parse_f64(text)) => {
            seconds(parse_f64(text), option)
        }
        _ => Err(Error::invalid_option(
            option,
            "must be a number from 0 to 300 seconds",
        )),
    }
}

pub(super) fn algorithm(value: &Raw<'_>, option: &str) -> Result<Algorithm, Error> {
    match value {
        Raw::String(name) => Algorithm::from_name(name),
        _ => None,
    }
    .ok_or_else(|| Error::invalid_option(option, ALGORITHM_NAMES))
}

#[cfg(not(feature = "asymmetric"))]
const ALGORITHM_NAMES: &str = "must be \"HS256\", \"HS384\" or \"HS512\"";
#[cfg(feature = "asymmetric")]
const ALGORITHM_NAMES: &str = "must be an algorithm name: HS256, HS384, HS512, RS256, RS384, \
     RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA or Ed25519";

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
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, Error> {
        Self::from_text(options, options_text(options)?.as_deref())
    }

    /// From `options` and their `JSON.stringify` text (`options_text`).
    pub(crate) fn from_text(options: &JsValue, text: Option<&str>) -> Result<Self, Error> {
        // The fields are set directly (not through the builder, which moves
        // the whole `Validation` at every step): the same rules, less code.
        let mut validation = Validation::new(0);
        validation.algorithms = alloc::vec![Algorithm::Hs256];
        let mut fixed_now = None;
        #[cfg(feature = "asymmetric")]
        let mut algorithms_named = false;
        for (name, value) in &option_members(options, text)? {
            let name = name.as_ref();
            match name {
                "algorithms" => {
                    validation.algorithms = algorithms(value, name)?;
                    #[cfg(feature = "asymmetric")]
                    {
                        algorithms_named = true;
                    }
                }
                // An empty list would switch the check off: refuse it.
                "issuer" => validation.issuers = non_empty(strings(value, name)?, name)?,
                "audience" => validation.audiences = non_empty(strings(value, name)?, name)?,
                "subject" => validation.subject = Some(string(value, name)?),
                "leeway" => validation.leeway = leeway(value, name)?,
                "maxAge" => validation.max_age = Some(duration(value, name)?),
                "requiredClaims" => {
                    let Raw::Array(_) = value else {
                        return Err(Error::invalid_option(
                            name,
                            "must be an array of claim names",
                        ));
                    };
                    validation.required_claims = strings(value, name)?;
                }
                "typ" => validation.typ = Some(string(value, name)?),
                "now" => fixed_now = Some(number(value, name)?),
                "maxTokenLength" => {
                    validation.max_token_length = usize::try_from(number(value, name)?)
                        .ok()
                        .filter(|length| *length > 0)
                        .ok_or_else(|| {
                            Error::invalid_option(name, "must be a positive number of bytes")
                        })?;
                }
                _ => return Err(Error::invalid_option(name, "is not a verify option")),
            }
        }
        Ok(Self {
            validation,
            #[cfg(feature = "asymmetric")]
            algorithms_named,
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
