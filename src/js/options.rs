//! Reading `VerifyOptions` and `SignOptions` from JavaScript.
//!
//! Options cross the boundary once, as their `JSON.stringify` text, and are read
//! with the crate's strict JSON parser. Unknown option names are refused, so a
//! misspelt `audiance` cannot silently switch a check off.

use super::host::{get_random_values, plain_object_json};
use crate::claims::{Audience, DateRef, Registered};
use crate::json::{array_items, parse_f64, parse_members, sink, Raw, RawMembers};
use crate::sign::encoded_header;
use crate::{Algorithm, Error, HeaderOptions, Validation, MAX_NUMERIC_DATE};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use wasm_bindgen::JsValue;

/// The options object's `JSON.stringify` text; `None` for `undefined`/`null`.
fn options_text(options: &JsValue) -> Result<Option<String>, Error> {
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

/// The members of the options' text (none without options).
fn option_members(text: Option<&str>) -> Result<RawMembers<'_>, Error> {
    let mut members = RawMembers::new();
    if let Some(text) = text {
        parse_members(text.as_bytes(), sink(&mut members)).map_err(|_| not_an_object())?;
    }
    Ok(members)
}

/// The current time in whole seconds, from JavaScript's clock.
pub(crate) fn clock_now() -> u64 {
    // Date.now() is a positive finite number of milliseconds; for a positive
    // number the truncating cast is `floor` (which needs std).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let secs = (super::host::date_now() / 1000.0) as u64;
    secs
}

/// A time or length in whole seconds from a JavaScript number.
pub(crate) fn seconds(value: f64, option: &str) -> Result<u64, Error> {
    #[allow(clippy::cast_precision_loss)] // exact: 2^53
    let limit = MAX_NUMERIC_DATE as f64;
    if !value.is_finite() || !(0.0..=limit).contains(&value) {
        return Err(Error::invalid_option(
            option,
            "must be a number of seconds from 0 to 2^53",
        ));
    }
    // Checked above: finite and non-negative, so truncating is `floor`.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = value as u64;
    Ok(whole)
}

fn number(value: &Raw<'_>, option: &str) -> Result<u64, Error> {
    match value {
        Raw::Number(text) => seconds(parse_f64(text), option),
        _ => Err(Error::invalid_option(option, "must be a number of seconds")),
    }
}

/// A duration: seconds, or a string such as `"30s"`, `"15m"`, `"2h"`, `"7d"`, `"1w"`.
fn duration(value: &Raw<'_>, option: &str) -> Result<u64, Error> {
    let Raw::String(text) = value else {
        return number(value, option);
    };
    let invalid = || {
        Error::invalid_option(
            option,
            "must be seconds or a duration such as \"15m\", \"2h\" or \"7d\"",
        )
    };
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at_checked(split).ok_or_else(invalid)?;
    let amount: u64 = digits.parse().map_err(|_| invalid())?;
    let scale = match unit.trim() {
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

fn string(value: &Raw<'_>, option: &str) -> Result<String, Error> {
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

fn strings(value: &Raw<'_>, option: &str) -> Result<Vec<String>, Error> {
    let not_strings = || Error::invalid_option(option, "must be a string or an array of strings");
    match value {
        Raw::String(one) => Ok(alloc::vec![String::from(one.as_ref())]),
        _ => items(value)
            .ok_or_else(not_strings)?
            .iter()
            .map(|item| string(item, option).map_err(|_| not_strings()))
            .collect(),
    }
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
    items.iter().map(|item| algorithm(item, option)).collect()
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

fn algorithm(value: &Raw<'_>, option: &str) -> Result<Algorithm, Error> {
    match value {
        Raw::String(name) => Algorithm::from_name(name),
        _ => None,
    }
    .ok_or_else(|| Error::invalid_option(option, "must be \"HS256\", \"HS384\" or \"HS512\""))
}

/// `VerifyOptions`, read once.
pub(crate) struct VerifyConfig {
    pub validation: Validation,
    /// The `now` option, if the caller fixed the clock.
    pub fixed_now: Option<u64>,
}

impl VerifyConfig {
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, Error> {
        // The fields are set directly (not through the builder, which moves
        // the whole `Validation` at every step): the same rules, less code.
        let mut validation = Validation::new(0);
        validation.algorithms = alloc::vec![Algorithm::Hs256];
        let mut fixed_now = None;
        let text = options_text(options)?;
        for (name, value) in &option_members(text.as_deref())? {
            let name = name.as_ref();
            match name {
                "algorithms" => validation.algorithms = algorithms(value, name)?,
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
            fixed_now,
        })
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

/// How the `jti` claim is set.
enum JwtId {
    Fixed(String),
    Random,
}

/// `SignOptions`, read once.
pub(crate) struct SignConfig {
    pub algorithm: Algorithm,
    /// The header every token starts with, encoded once.
    pub encoded_header: String,
    expires_in: Option<u64>,
    not_before: Option<u64>,
    issuer: Option<String>,
    audience: Option<Audience>,
    subject: Option<String>,
    jwt_id: Option<JwtId>,
    fixed_now: Option<u64>,
}

impl SignConfig {
    pub(crate) fn from_js(options: &JsValue) -> Result<Self, Error> {
        let mut header = HeaderOptions::new();
        let mut config = Self {
            algorithm: Algorithm::Hs256,
            encoded_header: String::new(),
            expires_in: None,
            not_before: None,
            issuer: None,
            audience: None,
            subject: None,
            jwt_id: None,
            fixed_now: None,
        };
        let text = options_text(options)?;
        for (name, value) in &option_members(text.as_deref())? {
            let name = name.as_ref();
            match name {
                "alg" => config.algorithm = algorithm(value, name)?,
                "expiresIn" => config.expires_in = Some(duration(value, name)?),
                "notBefore" => config.not_before = Some(duration(value, name)?),
                "issuer" => config.issuer = Some(string(value, name)?),
                "audience" => {
                    config.audience = Some(match value {
                        Raw::String(one) => Audience::One(String::from(one.as_ref())),
                        _ => Audience::Many(strings(value, name)?),
                    });
                }
                "subject" => config.subject = Some(string(value, name)?),
                "jwtId" => {
                    config.jwt_id = Some(match value {
                        Raw::Bool(true) => JwtId::Random,
                        Raw::String(id) => JwtId::Fixed(String::from(id.as_ref())),
                        _ => return Err(Error::invalid_option(name, "must be a string or true")),
                    });
                }
                "keyId" => header = header.key_id(string(value, name)?),
                "typ" => header = header.typ(string(value, name)?),
                "now" => config.fixed_now = Some(number(value, name)?),
                _ => return Err(Error::invalid_option(name, "is not a sign option")),
            }
        }
        config.encoded_header = encoded_header(&header, config.algorithm);
        Ok(config)
    }

    /// Sets the claims the options set in `claims`, at the current time.
    pub(crate) fn apply<'a>(&'a self, claims: &mut Registered<'a>) -> Result<(), Error> {
        // The clock is read once, and only when a claim needs it.
        let mut now = None;
        let mut date = |offset: u64, option: &str| {
            now.get_or_insert_with(|| self.fixed_now.unwrap_or_else(clock_now))
                .checked_add(offset)
                .and_then(DateRef::from_secs)
                .ok_or_else(|| Error::invalid_option(option, "puts the time past 2^53 seconds"))
        };
        if claims.issued_at.is_none() {
            claims.issued_at = Some(date(0, "now")?);
        }
        if let Some(secs) = self.expires_in {
            claims.expires_at = Some(date(secs, "expiresIn")?);
        }
        if let Some(secs) = self.not_before {
            claims.not_before = Some(date(secs, "notBefore")?);
        }
        if let Some(issuer) = &self.issuer {
            claims.issuer = Some(Cow::Borrowed(issuer));
        }
        if let Some(audience) = &self.audience {
            claims.audience = Some(audience.as_view());
        }
        if let Some(subject) = &self.subject {
            claims.subject = Some(Cow::Borrowed(subject));
        }
        match &self.jwt_id {
            Some(JwtId::Fixed(id)) => claims.jwt_id = Some(Cow::Borrowed(id)),
            Some(JwtId::Random) => claims.jwt_id = Some(Cow::Owned(random_id()?)),
            None => {}
        }
        Ok(())
    }
}

/// A random 128-bit id, base64url-encoded, from `crypto.getRandomValues`.
fn random_id() -> Result<String, Error> {
    let mut bytes = [0u8; 16];
    get_random_values(&mut bytes)
        .map_err(|_| Error::invalid_option("jwtId", "no secure random source is available"))?;
    let mut id = String::with_capacity(22);
    crate::base64url::encode_into(&bytes, &mut id);
    Ok(id)
}
