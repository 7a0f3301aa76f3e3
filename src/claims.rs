//! The claims set of a JWT: [`Claims`], the registered claims with strict
//! types and the rest as JSON. The registered claims and their rules are in
//! `registered.rs`, the other members in `custom.rs`; `checked.rs` and
//! `claims_ref.rs` hold the borrowed view verification judges and lends.

mod audience;
mod checked;
mod claims_ref;
mod custom;
mod numeric_date;
mod registered;
mod writer;

pub use audience::Audience;
pub(crate) use audience::AudienceRef;
pub(crate) use checked::CheckedClaims;
pub use claims_ref::ClaimsRef;
pub(crate) use custom::{CustomMembers, KeepBuilt, KeepChecked, KeepCustom};
pub(crate) use numeric_date::NumericDateRef;
pub use numeric_date::{NumericDate, MAX_NUMERIC_DATE};
#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
pub(crate) use registered::reasons;
pub(crate) use registered::{RegisteredClaims, RegisteredNames, REGISTERED};

#[cfg(test)]
use crate::json::{parse_members, sink, ParseError};
use crate::json::{KnownMembers, MemberList, Object, Value};
use crate::Error;
use alloc::borrow::Cow;
use alloc::string::String;
use writer::claims_json;

/// The members of a claims set, built, as they are read: each registered
/// claim in its slot, every other member in order.
type BuiltMembers = KnownMembers<RegisteredNames, Value, { REGISTERED.len() }, MemberList>;

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

    pub(crate) fn from_parts(registered: RegisteredClaims<'_>, custom: Object) -> Self {
        Self {
            issuer: registered.issuer.map(Cow::into_owned),
            subject: registered.subject.map(Cow::into_owned),
            audience: registered.audience.map(AudienceRef::into_owned),
            expires_at: registered.expires_at.map(NumericDateRef::into_owned),
            not_before: registered.not_before.map(NumericDateRef::into_owned),
            issued_at: registered.issued_at.map(NumericDateRef::into_owned),
            jwt_id: registered.jwt_id.map(Cow::into_owned),
            custom,
        }
    }

    /// The claims set of built members, the registered ones checked.
    fn from_members(members: BuiltMembers) -> Result<Self, Error> {
        let registered = RegisteredClaims::read(members.slots)?;
        Ok(Self::from_parts(
            registered,
            Object::from_unique_members(members.others),
        ))
    }

    /// The registered claims as a borrowed view, as if they had been read.
    fn as_registered(&self) -> RegisteredClaims<'_> {
        RegisteredClaims {
            issuer: self.issuer.as_deref().map(Cow::Borrowed),
            subject: self.subject.as_deref().map(Cow::Borrowed),
            audience: self.audience.as_ref().map(Audience::as_view),
            expires_at: self.expires_at.as_ref().map(NumericDate::as_view),
            not_before: self.not_before.as_ref().map(NumericDate::as_view),
            issued_at: self.issued_at.as_ref().map(NumericDate::as_view),
            jwt_id: self.jwt_id.as_deref().map(Cow::Borrowed),
        }
    }

    /// Reads a claims set from a JSON object, checking the registered claims'
    /// types: `iss`, `sub`, `jti` strings; `aud` a string or an array of strings;
    /// `exp`, `nbf`, `iat` numbers in range.
    ///
    /// # Errors
    /// [`Error::InvalidClaims`] for a registered claim of the wrong type.
    pub fn from_object(object: Object) -> Result<Self, Error> {
        let mut members = BuiltMembers::default();
        for (name, value) in object.into_members() {
            if let Some(value) = members.place(&name, value) {
                members.others.push((name, value));
            }
        }
        Self::from_members(members)
    }

    /// Reads a claims set from JSON text, building every value: the same
    /// rules and errors as [`parse_object`](crate::json::parse_object) then
    /// [`Claims::from_object`] (the reference the views are tested against).
    #[cfg(test)]
    pub(crate) fn from_json(
        json: &[u8],
        json_error: impl FnOnce(ParseError) -> Error,
    ) -> Result<Self, Error> {
        let mut members = BuiltMembers::default();
        parse_members(json, sink(&mut members)).map_err(json_error)?;
        Self::from_members(members)
    }

    /// Sets a claim by name. Registered names are type-checked and set on their
    /// field; any other name is kept as custom data.
    ///
    /// # Errors
    /// [`Error::InvalidClaims`] when a registered claim gets a value of the wrong type.
    pub fn insert(&mut self, name: &str, value: impl Into<Value>) -> Result<(), Error> {
        let mut members = BuiltMembers::default();
        if let Some(value) = members.place(name, value.into()) {
            self.custom.insert(name, value);
            return Ok(());
        }
        // The one registered claim, checked, replaces its field.
        let Self {
            issuer,
            subject,
            audience,
            expires_at,
            not_before,
            issued_at,
            jwt_id,
            ..
        } = Self::from_members(members)?;
        self.issuer = issuer.or(self.issuer.take());
        self.subject = subject.or(self.subject.take());
        self.audience = audience.or(self.audience.take());
        self.expires_at = expires_at.or(self.expires_at.take());
        self.not_before = not_before.or(self.not_before.take());
        self.issued_at = issued_at.or(self.issued_at.take());
        self.jwt_id = jwt_id.or(self.jwt_id.take());
        Ok(())
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
        self.as_registered()
            .has(name)
            .unwrap_or_else(|| self.custom.get(name).is_some())
    }

    /// The claims as a compact JSON object: registered claims first, then the
    /// custom ones in order.
    #[must_use]
    pub fn to_json(&self) -> String {
        claims_json(&self.as_registered(), self.custom.iter(), Value::write_to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse_object, RawMembers};
    use alloc::format;

    fn claims(json: &str) -> Result<Claims, Error> {
        Claims::from_object(parse_object(json.as_bytes()).expect("valid JSON"))
    }

    #[test]
    fn a_view_of_compact_json_writes_what_the_built_claims_write() {
        // What the JavaScript `sign` writes (from `JSON.stringify` text, which
        // is compact) must be byte for byte what the Rust `sign` writes.
        for json in [
            "{}",
            r#"{"sub":"user-1","roles":["admin","editor"],"iss":"https://a.example","aud":"api","iat":1700000000,"exp":1700000900,"jti":"x"}"#,
            r#"{"z":1,"aud":["a","b"],"nbf":1.5,"exp":17e8,"iat":0,"n":-0.0,"big":1e400}"#,
            r#"{"s":"q\"b\\s\n\t\u0001\u001f é 😀 \u2028/","t":true,"f":false,"nil":null}"#,
            r#"{"nested":{"a":[1,{"b":"c\"d"}],"e":{}},"list":[[],[null]],"sub":"\u00e9"}"#,
            r#"{"iss":"i","sub":"s","aud":[],"exp":9007199254740992,"nbf":1,"iat":2,"jti":"j"}"#,
        ] {
            let error = |_| Error::invalid_claims("JSON");
            let unbuilt = CheckedClaims::<RawMembers<'_>>::read(json.as_bytes(), error)
                .expect("valid claims")
                .to_json();
            let built = CheckedClaims::<MemberList>::read(json.as_bytes(), error)
                .expect("valid claims")
                .into_claims()
                .to_json();
            assert_eq!(unbuilt, built, "{json}");
        }
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

    /// Reading claims straight from the parser gives exactly what parsing an
    /// object and then reading it gives: the same claims, or the same error
    /// (the first JSON error, duplicates when an object closes, then claim
    /// types in registered order).
    #[test]
    fn from_json_matches_parse_then_from_object() {
        let through_object = |json: &[u8]| {
            parse_object(json)
                .map_err(|error| Error::invalid_claims(error.describe()))
                .and_then(Claims::from_object)
        };
        let direct = |json: &[u8]| {
            let map = |error: ParseError| Error::invalid_claims(error.describe());
            let built = Claims::from_json(json, map);
            // Read into a view (custom members built, or only checked), then
            // kept: the same claims or error.
            let viewed =
                CheckedClaims::<MemberList>::read(json, map).map(CheckedClaims::into_claims);
            let checked = CheckedClaims::<RawMembers<'_>>::read(json, map).map(|_| ());
            assert_eq!(built.clone().map(|_| ()), checked);
            assert_eq!(built, viewed, "{:?}", core::str::from_utf8(json));
            built
        };
        for json in [
            r"{}",
            r#"{"sub":"u","z":1,"roles":["a","b"],"n":{"x":null},"exp":5,"aud":["a"]}"#,
            r#"{"\u0065xp":5,"s\u0075b":"x"}"#,
            r#"{"exp":1,"exp":2}"#,
            r#"{"exp":1,"\u0065xp":2}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"exp":"x","iss":1}"#,
            r#"{"jti":1,"aud":2,"nbf":"x"}"#,
            r#"{"exp":1,"exp":"x"}"#,
            r#"{"exp":"x","a":1,"a":1}"#,
            r#"{"exp":1,"exp":2,"x":tru}"#,
            r#"{"exp":1,"exp":2} x"#,
            r#"{"o":{"k":1,"k":2},"exp":"x"}"#,
            r#"{"exp":1e400}"#,
            r#"{"iat":-0,"nbf":0.5}"#,
            r#"{"aud":"a","x":[{"y":[1,{"z":"\u00e9"}],"w":{}}],"iss":"i","jti":"\"j\""}"#,
            r#"{"aud":["a","b"],"x":{"y":1,"z":{"y":2,"y":3}}}"#,
            r#"{"x":{"y":1,"z":{"y":2}},"x2":{"y":1,"y":1}}"#,
            r#"{"aud":["a",1]}"#,
            r#"{"aud":[]}"#,
            r#"{"x":[[[[[]]]]],"n":-1.5e-3,"t":true,"f":false,"z":null}"#,
            r"[]",
            r"1",
            "",
        ] {
            assert_eq!(
                direct(json.as_bytes()),
                through_object(json.as_bytes()),
                "{json}"
            );
        }
        let not_utf8 = b"{\"a\":\"\xff\"}";
        assert_eq!(direct(not_utf8), through_object(not_utf8));
        let many = (0..40).fold(String::new(), |out, i| out + &format!(",\"k{i}\":{i}"));
        for json in [
            format!(r#"{{"exp":1{many}}}"#),
            format!(r#"{{"exp":1{many},"k7":0}}"#),
        ] {
            assert_eq!(
                direct(json.as_bytes()),
                through_object(json.as_bytes()),
                "{json}"
            );
        }
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
