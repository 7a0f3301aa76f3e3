//! The claims set of a JWT: registered claims with strict types, and the rest.

use crate::json::{Number, Object, Value};
use crate::Error;
use alloc::string::String;
use alloc::vec::Vec;

/// The largest time a JWT may carry: 2^53 seconds, the largest integer every
/// JSON implementation (JavaScript's included) represents exactly.
pub const MAX_NUMERIC_DATE: u64 = 1 << 53;

/// A time in seconds since the Unix epoch (RFC 7519 §2, `NumericDate`).
///
/// Only a JSON number is accepted: finite, not negative and at most 2^53.
/// Fractions are allowed, as the RFC says. Strings, booleans and `null` are not
/// numbers here, whatever they look like.
///
/// ```
/// use jwt_edge::NumericDate;
/// let exp = NumericDate::from_secs(1_700_000_000).unwrap();
/// assert_eq!(exp.as_secs_f64(), 1_700_000_000.0);
/// assert!(NumericDate::from_secs(1 << 54).is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NumericDate {
    secs: f64,
    text: Number,
}

impl NumericDate {
    /// A whole number of seconds, or `None` above [`MAX_NUMERIC_DATE`].
    #[must_use]
    pub fn from_secs(secs: u64) -> Option<Self> {
        if secs > MAX_NUMERIC_DATE {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // exact: secs <= 2^53
        let as_float = secs as f64;
        Some(Self {
            secs: as_float,
            text: Number::from(secs),
        })
    }

    /// The time in seconds, with any fraction.
    #[must_use]
    pub fn as_secs_f64(&self) -> f64 {
        self.secs
    }

    /// The time in whole seconds, any fraction dropped.
    #[must_use]
    pub fn as_secs(&self) -> u64 {
        // secs is finite, non-negative and at most 2^53, so this is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = self.secs as u64;
        whole
    }

    fn from_value(value: &Value) -> Option<Self> {
        let Value::Number(number) = value else {
            return None;
        };
        let secs = number.as_f64();
        #[allow(clippy::cast_precision_loss)] // exact: 2^53
        let limit = MAX_NUMERIC_DATE as f64;
        let in_range = match number.as_u64() {
            // Plain integers are compared exactly: 2^53 + 1 rounds to 2^53 as f64.
            Some(whole) => whole <= MAX_NUMERIC_DATE,
            // Anything else (fractions, exponents) must be finite, non-negative
            // and below the limit after rounding.
            None => secs.is_finite() && (0.0..limit).contains(&secs),
        };
        if !in_range {
            return None;
        }
        Some(Self {
            secs,
            text: number.clone(),
        })
    }
}

/// The `aud` claim: one audience or several (RFC 7519 §4.1.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// `"aud": "api"`
    One(String),
    /// `"aud": ["api", "web"]`
    Many(Vec<String>),
}

impl Audience {
    /// Whether `name` is one of the audiences.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        match self {
            Self::One(one) => one == name,
            Self::Many(many) => many.iter().any(|item| item == name),
        }
    }

    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::String(one) => Some(Self::One(one.clone())),
            Value::Array(items) => items
                .iter()
                .map(|item| item.as_str().map(String::from))
                .collect::<Option<Vec<_>>>()
                .map(Self::Many),
            _ => None,
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Self::One(one) => Value::from(one.as_str()),
            Self::Many(many) => {
                Value::Array(many.iter().map(|item| Value::from(item.as_str())).collect())
            }
        }
    }
}

/// The registered claim names of RFC 7519 §4.1, in the order they are written.
pub(crate) const REGISTERED: [&str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

/// A JWT claims set.
///
/// The registered claims have strict types; every other member (roles, custom
/// data) is kept as JSON in [`Claims::custom`], in order.
///
/// ```
/// use jwt_edge::{Claims, NumericDate};
/// let mut claims = Claims::new();
/// claims.subject = Some("user-1".into());
/// claims.expires_at = NumericDate::from_secs(1_700_000_900);
/// claims.insert("roles", vec!["admin"]).unwrap();
/// assert_eq!(
///     claims.to_json(),
///     r#"{"sub":"user-1","exp":1700000900,"roles":["admin"]}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims {
    /// `iss`: who issued the token.
    pub issuer: Option<String>,
    /// `sub`: whom the token is about.
    pub subject: Option<String>,
    /// `aud`: who the token is for.
    pub audience: Option<Audience>,
    /// `exp`: when the token expires.
    pub expires_at: Option<NumericDate>,
    /// `nbf`: when the token becomes valid.
    pub not_before: Option<NumericDate>,
    /// `iat`: when the token was issued.
    pub issued_at: Option<NumericDate>,
    /// `jti`: a unique id for the token.
    pub jwt_id: Option<String>,
    custom: Object,
}

impl Claims {
    /// An empty claims set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a claims set from a JSON object, checking the registered claims'
    /// types: `iss`, `sub`, `jti` strings; `aud` a string or an array of strings;
    /// `exp`, `nbf`, `iat` numbers in range.
    ///
    /// # Errors
    /// [`Error::InvalidClaims`] for a registered claim of the wrong type.
    pub fn from_object(mut object: Object) -> Result<Self, Error> {
        let mut claims = Self::new();
        for name in REGISTERED {
            if let Some(value) = object.remove(name) {
                claims.set_registered(name, &value)?;
            }
        }
        claims.custom = object;
        Ok(claims)
    }

    /// Sets a claim by name. Registered names are type-checked and set on their
    /// field; any other name is kept as custom data.
    ///
    /// # Errors
    /// [`Error::InvalidClaims`] when a registered claim gets a value of the wrong type.
    pub fn insert(&mut self, name: &str, value: impl Into<Value>) -> Result<(), Error> {
        let value = value.into();
        if REGISTERED.contains(&name) {
            self.set_registered(name, &value)
        } else {
            self.custom.insert(name, value);
            Ok(())
        }
    }

    /// The custom (non-registered) claim `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.custom.get(name)
    }

    /// Every custom (non-registered) claim, in order.
    #[must_use]
    pub fn custom(&self) -> &Object {
        &self.custom
    }

    /// Whether the claim `name`, registered or custom, is present.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        match name {
            "iss" => self.issuer.is_some(),
            "sub" => self.subject.is_some(),
            "aud" => self.audience.is_some(),
            "exp" => self.expires_at.is_some(),
            "nbf" => self.not_before.is_some(),
            "iat" => self.issued_at.is_some(),
            "jti" => self.jwt_id.is_some(),
            other => self.custom.get(other).is_some(),
        }
    }

    /// The claims as a compact JSON object: registered claims first, then the
    /// custom ones in order.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut object = Object::new();
        let strings = [("iss", &self.issuer), ("sub", &self.subject)];
        for (name, value) in strings {
            if let Some(text) = value {
                object.insert(name, text.as_str());
            }
        }
        if let Some(audience) = &self.audience {
            object.insert("aud", audience.to_value());
        }
        let dates = [
            ("exp", &self.expires_at),
            ("nbf", &self.not_before),
            ("iat", &self.issued_at),
        ];
        for (name, date) in dates {
            if let Some(date) = date {
                object.insert(name, date.text.clone());
            }
        }
        if let Some(id) = &self.jwt_id {
            object.insert("jti", id.as_str());
        }
        let mut out = String::new();
        out.push('{');
        let registered = object.iter().chain(self.custom.iter());
        for (index, (name, value)) in registered.enumerate() {
            if index > 0 {
                out.push(',');
            }
            crate::json::write_string(name, &mut out);
            out.push(':');
            value.write_to(&mut out);
        }
        out.push('}');
        out
    }

    fn set_registered(&mut self, name: &str, value: &Value) -> Result<(), Error> {
        let string = || {
            value
                .as_str()
                .map(String::from)
                .ok_or(Error::invalid_claims(
                    "\"iss\", \"sub\" and \"jti\" must be strings",
                ))
        };
        let date = || {
            NumericDate::from_value(value).ok_or(Error::invalid_claims(
                "\"exp\", \"nbf\" and \"iat\" must be non-negative numbers of at most 2^53",
            ))
        };
        match name {
            "iss" => self.issuer = Some(string()?),
            "sub" => self.subject = Some(string()?),
            "jti" => self.jwt_id = Some(string()?),
            "aud" => {
                self.audience = Some(Audience::from_value(value).ok_or(Error::invalid_claims(
                    "\"aud\" must be a string or an array of strings",
                ))?);
            }
            "exp" => self.expires_at = Some(date()?),
            "nbf" => self.not_before = Some(date()?),
            "iat" => self.issued_at = Some(date()?),
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_object;

    fn claims(json: &str) -> Result<Claims, Error> {
        Claims::from_object(parse_object(json.as_bytes()).expect("valid JSON"))
    }

    #[test]
    fn numeric_dates_must_be_json_numbers() {
        for bad in [
            r#"{"exp":"10000000000"}"#,
            r#"{"nbf":"99999999999","exp":10000000000}"#,
            r#"{"iat":true}"#,
            r#"{"exp":null}"#,
            r#"{"exp":{}}"#,
            r#"{"exp":[1]}"#,
            r#"{"exp":1e400}"#,
            r#"{"exp":-1}"#,
            r#"{"exp":9007199254740993}"#,
        ] {
            assert_eq!(
                claims(bad).map(|_| ()).map_err(|e| e.code()),
                Err("ERR_JWT_INVALID"),
                "{bad}"
            );
        }
        let fractional = claims(r#"{"exp":1700000000.5}"#).expect("fractions are numbers");
        assert_eq!(
            fractional.expires_at.map(|d| d.as_secs_f64()),
            Some(1_700_000_000.5)
        );
    }

    #[test]
    fn string_claims_must_be_strings() {
        for bad in [
            r#"{"iss":1}"#,
            r#"{"sub":["a"]}"#,
            r#"{"jti":null}"#,
            r#"{"aud":[1]}"#,
            r#"{"aud":{}}"#,
        ] {
            assert!(claims(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn custom_claims_are_kept_in_order() {
        let parsed =
            claims(r#"{"z":1,"sub":"u","roles":["a","b"],"n":{"x":null}}"#).expect("valid");
        assert_eq!(
            parsed.to_json(),
            r#"{"sub":"u","z":1,"roles":["a","b"],"n":{"x":null}}"#
        );
    }

    #[test]
    fn insert_type_checks_registered_names() {
        let mut claims = Claims::new();
        assert!(claims.insert("exp", "soon").is_err());
        assert!(claims.insert("exp", 5u64).is_ok());
        assert_eq!(
            claims.expires_at.as_ref().map(NumericDate::as_secs),
            Some(5)
        );
        assert!(claims.get("exp").is_none());
    }
}
