//! The registered claims of RFC 7519 §4.1: their names, their types, and the
//! rules that check them, written once over [`ClaimValue`] (a value as the
//! parser reads it, built or only checked).

use super::{AudienceRef, NumericDateRef};
use crate::json::{array_items, NameTable, Raw, ReadValue, Value};
use crate::Error;
use alloc::borrow::Cow;
use alloc::vec::Vec;

/// The registered claim names, in the order they are read, checked and
/// written: the one table of them.
pub(crate) const REGISTERED: [&str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

/// [`REGISTERED`] as the parser's table of names that get a slot.
pub(crate) struct RegisteredNames;

impl NameTable<{ REGISTERED.len() }> for RegisteredNames {
    const NAMES: [&'static str; REGISTERED.len()] = REGISTERED;
}

/// The registered claims, type-checked, borrowed where the input allows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RegisteredClaims<'a> {
    pub issuer: Option<Cow<'a, str>>,
    pub subject: Option<Cow<'a, str>>,
    pub audience: Option<AudienceRef<'a>>,
    pub expires_at: Option<NumericDateRef<'a>>,
    pub not_before: Option<NumericDateRef<'a>>,
    pub issued_at: Option<NumericDateRef<'a>>,
    pub jwt_id: Option<Cow<'a, str>>,
}

impl<'a> RegisteredClaims<'a> {
    /// The registered claims from their values (in [`REGISTERED`] order),
    /// checked in that order, so the first wrong one in that order is the error.
    pub(crate) fn read<V: ClaimValue<'a>>(
        values: [Option<V>; REGISTERED.len()],
    ) -> Result<Self, Error> {
        let [iss, sub, aud, exp, nbf, iat, jti] = values;
        Ok(Self {
            issuer: iss.map(text_claim).transpose()?,
            subject: sub.map(text_claim).transpose()?,
            audience: aud.map(audience_claim).transpose()?,
            expires_at: exp.map(date_claim).transpose()?,
            not_before: nbf.map(date_claim).transpose()?,
            issued_at: iat.map(date_claim).transpose()?,
            jwt_id: jti.map(text_claim).transpose()?,
        })
    }

    /// Whether the registered claim `name` is present; `None` for another name.
    pub(crate) fn has(&self, name: &str) -> Option<bool> {
        let present = [
            self.issuer.is_some(),
            self.subject.is_some(),
            self.audience.is_some(),
            self.expires_at.is_some(),
            self.not_before.is_some(),
            self.issued_at.is_some(),
            self.jwt_id.is_some(),
        ];
        present.get(RegisteredNames::position(name)?).copied()
    }
}

/// A claim's value as the parser read it: built ([`Value`], for
/// [`Claims::from_object`](crate::Claims::from_object)) or only checked
/// ([`Raw`], for the views verification judges before anything is copied).
pub(crate) trait ClaimValue<'a>: ReadValue<'a> {
    /// The string if the value is one, else the value back.
    fn into_text_or_back(self) -> Result<Cow<'a, str>, Self>;
    /// The string, if the value is one.
    fn into_text(self) -> Option<Cow<'a, str>> {
        self.into_text_or_back().ok()
    }
    /// The number's text, if the value is one.
    fn into_number(self) -> Option<Cow<'a, str>>;
    /// The strings of an array of strings; `None` for anything else.
    fn into_texts(self) -> Option<Vec<Cow<'a, str>>>;
}

impl<'a> ClaimValue<'a> for Value {
    fn into_text_or_back(self) -> Result<Cow<'a, str>, Self> {
        match self {
            Value::String(text) => Ok(Cow::Owned(text)),
            other => Err(other),
        }
    }

    fn into_number(self) -> Option<Cow<'a, str>> {
        match self {
            Value::Number(number) => Some(Cow::Owned(number.into_string())),
            _ => None,
        }
    }

    fn into_texts(self) -> Option<Vec<Cow<'a, str>>> {
        match self {
            Value::Array(items) => items.into_iter().map(Value::into_text).collect(),
            _ => None,
        }
    }
}

impl<'a> ClaimValue<'a> for Raw<'a> {
    fn into_text_or_back(self) -> Result<Cow<'a, str>, Self> {
        match self {
            Raw::String(text) => Ok(text),
            other => Err(other),
        }
    }

    fn into_number(self) -> Option<Cow<'a, str>> {
        match self {
            Raw::Number(text) => Some(Cow::Borrowed(text)),
            _ => None,
        }
    }

    fn into_texts(self) -> Option<Vec<Cow<'a, str>>> {
        match self {
            Raw::Array(text) => array_items(text)?.into_iter().map(Raw::into_text).collect(),
            _ => None,
        }
    }
}

/// The claim rules' reasons, shared by the reader of unverified tokens
/// (`token/in_place.rs`).
pub(crate) mod reasons {
    pub(crate) const TEXT: &str = "\"iss\", \"sub\" and \"jti\" must be strings";
    pub(crate) const AUDIENCE: &str = "\"aud\" must be a string or an array of strings";
    pub(crate) const DATE: &str =
        "\"exp\", \"nbf\" and \"iat\" must be non-negative numbers of at most 2^53";
}

/// `iss`, `sub` or `jti`: a string.
fn text_claim<'a>(value: impl ClaimValue<'a>) -> Result<Cow<'a, str>, Error> {
    value
        .into_text()
        .ok_or(Error::invalid_claims(reasons::TEXT))
}

/// `aud`: a string, or else an array of strings.
fn audience_claim<'a>(value: impl ClaimValue<'a>) -> Result<AudienceRef<'a>, Error> {
    match value.into_text_or_back() {
        Ok(one) => Ok(AudienceRef::One(one)),
        Err(value) => value
            .into_texts()
            .map(AudienceRef::Many)
            .ok_or(Error::invalid_claims(reasons::AUDIENCE)),
    }
}

/// `exp`, `nbf` or `iat`: a number that is a valid date.
fn date_claim<'a>(value: impl ClaimValue<'a>) -> Result<NumericDateRef<'a>, Error> {
    value
        .into_number()
        .and_then(NumericDateRef::from_number)
        .ok_or(Error::invalid_claims(reasons::DATE))
}
