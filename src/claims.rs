//! The claims set of a JWT: registered claims with strict types, and the rest.
//!
//! The rules for the registered claims are written once, over [`ClaimValue`]:
//! a value as the parser reads it, either built ([`Value`], for
//! [`Claims::from_object`]) or only checked ([`Raw`], for [`ClaimsView`],
//! which verification uses before anything is copied).

use crate::json::{
    array_items, has_duplicate_names, parse_f64, parse_members, plain_u64, sink, write_string,
    write_u64, MemberList, Members, Number, Object, ParseError, Parser, Raw, RawMembers, Value,
};
use crate::Error;
use alloc::borrow::Cow;
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
    text: DateText,
}

impl NumericDate {
    /// The date as a borrowed view, as if it had been read.
    fn as_view(&self) -> DateRef<'_> {
        match &self.text {
            DateText::Whole(whole) => DateRef {
                secs: self.secs,
                whole: Some(*whole),
                text: Cow::Borrowed(""),
            },
            DateText::Written(number) => DateRef {
                secs: self.secs,
                whole: None,
                text: Cow::Borrowed(number.as_str()),
            },
        }
    }
}

/// How a date is written back: a whole number of seconds (the usual case,
/// kept without a copy of its text), or the number exactly as it was written.
#[derive(Debug, Clone, PartialEq)]
enum DateText {
    Whole(u64),
    Written(Number),
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
            text: DateText::Whole(secs),
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
}

/// The seconds a JSON number's text stands for, if it is a valid date:
/// finite, not negative, at most 2^53; and the whole number, if it is written
/// as one.
fn date_secs(text: &str) -> Option<(f64, Option<u64>)> {
    #[allow(clippy::cast_precision_loss)] // exact: 2^53
    let limit = MAX_NUMERIC_DATE as f64;
    match plain_u64(text) {
        // Plain integers are compared exactly: 2^53 + 1 rounds to 2^53 as f64.
        // (Converting one gives the same correctly rounded value as parsing.)
        #[allow(clippy::cast_precision_loss)] // exact: at most 2^53
        Some(whole) if whole <= MAX_NUMERIC_DATE => Some((whole as f64, Some(whole))),
        Some(_) => None,
        // Anything else (fractions, exponents) must be finite, non-negative
        // and below the limit after rounding.
        None => {
            let secs = parse_f64(text);
            (secs.is_finite() && (0.0..limit).contains(&secs)).then_some((secs, None))
        }
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

    /// The audience as a borrowed view, as if it had been read.
    pub(crate) fn as_view(&self) -> AudienceRef<'_> {
        match self {
            Self::One(one) => AudienceRef::One(Cow::Borrowed(one)),
            Self::Many(many) => AudienceRef::Many(
                many.iter()
                    .map(|item| Cow::Borrowed(item.as_str()))
                    .collect(),
            ),
        }
    }
}

/// The registered claim names of RFC 7519 §4.1, in the order they are written.
pub(crate) const REGISTERED: [&str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

/// The position of a registered claim name in [`REGISTERED`].
fn registered_index(name: &str) -> Option<usize> {
    Some(match name {
        "iss" => 0,
        "sub" => 1,
        "aud" => 2,
        "exp" => 3,
        "nbf" => 4,
        "iat" => 5,
        "jti" => 6,
        _ => return None,
    })
}

/// A claim's value as the parser read it: built or only checked.
pub(crate) trait ClaimValue<'a>: Sized {
    /// Reads the value at the parser's position.
    fn read(parser: &mut Parser<'a>, depth: usize) -> Result<Self, ParseError>;
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
    fn read(parser: &mut Parser<'a>, depth: usize) -> Result<Self, ParseError> {
        parser.value(depth)
    }

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
    fn read(parser: &mut Parser<'a>, depth: usize) -> Result<Self, ParseError> {
        parser.raw(depth)
    }

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

/// A registered date as read: its seconds and its text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateRef<'a> {
    pub secs: f64,
    whole: Option<u64>,
    text: Cow<'a, str>,
}

impl DateRef<'_> {
    /// A whole number of seconds; `None` past 2^53.
    #[cfg_attr(not(feature = "js"), allow(dead_code))] // the JavaScript `sign`
    pub(crate) fn from_secs(secs: u64) -> Option<Self> {
        NumericDate::from_secs(secs).map(|date| DateRef {
            secs: date.secs,
            whole: Some(secs),
            text: Cow::Borrowed(""),
        })
    }

    /// Writes the date as [`NumericDate`] does: a whole number as digits,
    /// any other exactly as it was written.
    fn write_to(&self, out: &mut String) {
        match self.whole {
            Some(whole) => write_u64(whole, out),
            None => out.push_str(&self.text),
        }
    }

    pub(crate) fn into_owned(self) -> NumericDate {
        NumericDate {
            secs: self.secs,
            text: match self.whole {
                Some(whole) => DateText::Whole(whole),
                None => DateText::Written(Number::from_validated(self.text.into_owned())),
            },
        }
    }
}

/// `aud` as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AudienceRef<'a> {
    One(Cow<'a, str>),
    Many(Vec<Cow<'a, str>>),
}

impl AudienceRef<'_> {
    pub(crate) fn contains(&self, name: &str) -> bool {
        match self {
            Self::One(one) => one == name,
            Self::Many(many) => many.iter().any(|item| item == name),
        }
    }

    fn into_owned(self) -> Audience {
        match self {
            Self::One(one) => Audience::One(one.into_owned()),
            Self::Many(many) => Audience::Many(many.into_iter().map(Cow::into_owned).collect()),
        }
    }
}

/// The registered claims, type-checked, borrowed where the input allows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Registered<'a> {
    pub issuer: Option<Cow<'a, str>>,
    pub subject: Option<Cow<'a, str>>,
    pub audience: Option<AudienceRef<'a>>,
    pub expires_at: Option<DateRef<'a>>,
    pub not_before: Option<DateRef<'a>>,
    pub issued_at: Option<DateRef<'a>>,
    pub jwt_id: Option<Cow<'a, str>>,
}

fn text_claim<'a>(value: impl ClaimValue<'a>) -> Result<Cow<'a, str>, Error> {
    value.into_text().ok_or(Error::invalid_claims(
        "\"iss\", \"sub\" and \"jti\" must be strings",
    ))
}

fn audience_claim<'a>(value: impl ClaimValue<'a>) -> Result<AudienceRef<'a>, Error> {
    // A string, or else an array of strings.
    match value.into_text_or_back() {
        Ok(one) => Ok(AudienceRef::One(one)),
        Err(value) => value
            .into_texts()
            .map(AudienceRef::Many)
            .ok_or(Error::invalid_claims(
                "\"aud\" must be a string or an array of strings",
            )),
    }
}

fn date_claim<'a>(value: impl ClaimValue<'a>) -> Result<DateRef<'a>, Error> {
    value
        .into_number()
        .and_then(|text| {
            let (secs, whole) = date_secs(&text)?;
            Some(DateRef { secs, whole, text })
        })
        .ok_or(Error::invalid_claims(
            "\"exp\", \"nbf\" and \"iat\" must be non-negative numbers of at most 2^53",
        ))
}

/// Separates a new member of the object `out` has opened from the one
/// before, if any.
fn comma(out: &mut String) {
    if !out.ends_with('{') {
        out.push(',');
    }
}

/// Starts a member of the object `out` has opened: `"name":` (given quoted).
fn member<'o>(out: &'o mut String, quoted_name: &str) -> &'o mut String {
    comma(out);
    out.push_str(quoted_name);
    out.push(':');
    out
}

/// A claims set as compact JSON: the registered claims (in [`REGISTERED`]
/// order), then the other members in order, their values written by
/// `write_value`.
fn claims_json<'m, V: 'm>(
    registered: &Registered<'_>,
    custom: impl Iterator<Item = (&'m str, &'m V)>,
    write_value: impl Fn(&V, &mut String),
) -> String {
    let mut out = String::with_capacity(256);
    out.push('{');
    registered.write_members(&mut out);
    for (name, value) in custom {
        comma(&mut out);
        write_string(name, &mut out);
        out.push(':');
        write_value(value, &mut out);
    }
    out.push('}');
    out
}

impl<'a> Registered<'a> {
    /// The registered claims from their slots (in [`REGISTERED`] order),
    /// checked in that order, so the first wrong one in that order is the error.
    fn read<V: ClaimValue<'a>>(slots: [Option<V>; REGISTERED.len()]) -> Result<Self, Error> {
        let [iss, sub, aud, exp, nbf, iat, jti] = slots;
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

    /// Writes the registered claims present, in [`REGISTERED`] order, as
    /// members of the object `out` has opened (with a comma before each but
    /// the object's first).
    fn write_members(&self, out: &mut String) {
        if let Some(issuer) = &self.issuer {
            write_string(issuer, member(out, "\"iss\""));
        }
        if let Some(subject) = &self.subject {
            write_string(subject, member(out, "\"sub\""));
        }
        match &self.audience {
            Some(AudienceRef::One(one)) => write_string(one, member(out, "\"aud\"")),
            Some(AudienceRef::Many(many)) => {
                let out = member(out, "\"aud\"");
                out.push('[');
                for (index, item) in many.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write_string(item, out);
                }
                out.push(']');
            }
            None => {}
        }
        let dates = [
            ("\"exp\"", &self.expires_at),
            ("\"nbf\"", &self.not_before),
            ("\"iat\"", &self.issued_at),
        ];
        for (name, date) in dates {
            if let Some(date) = date {
                date.write_to(member(out, name));
            }
        }
        if let Some(id) = &self.jwt_id {
            write_string(id, member(out, "\"jti\""));
        }
    }

    /// Whether the registered claim `name` is present; `None` for another name.
    fn has(&self, name: &str) -> Option<bool> {
        Some(match name {
            "iss" => self.issuer.is_some(),
            "sub" => self.subject.is_some(),
            "aud" => self.audience.is_some(),
            "exp" => self.expires_at.is_some(),
            "nbf" => self.not_before.is_some(),
            "iat" => self.issued_at.is_some(),
            "jti" => self.jwt_id.is_some(),
            _ => return None,
        })
    }
}

/// How a claims reader keeps the members that are not registered claims.
pub(crate) trait Custom<'a>: Default {
    /// Reads one member's value from `parser` (at `depth`) and keeps it.
    fn read(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError>;
    /// Whether two of the members share a name.
    fn has_duplicate_names(&self) -> bool;
    /// Whether a member is called `name`.
    fn contains(&self, name: &str) -> bool;
}

/// A [`Custom`] for any lifetime of the JSON text: what callers of
/// verification name, before the text exists.
pub(crate) trait CustomKind {
    type Of<'a>: Custom<'a>;
}

impl CustomKind for Built {
    type Of<'a> = Built;
}

/// Names [`Unbuilt`] for any lifetime ([`verify_with`](crate::verify_with)
/// and the JavaScript bindings' verify).
pub(crate) struct Checked;

impl CustomKind for Checked {
    type Of<'a> = Unbuilt<'a>;
}

/// Custom members checked but not built: for [`ClaimsRef`](crate::ClaimsRef),
/// and the JavaScript bindings, which hand the payload's text to `JSON.parse`.
pub(crate) type Unbuilt<'a> = RawMembers<'a>;

impl<'a> Custom<'a> for Unbuilt<'a> {
    fn read(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        Members::member(self, name, parser, depth)
    }

    fn has_duplicate_names(&self) -> bool {
        has_duplicate_names(self.iter().map(|(name, _)| name.as_ref()))
    }

    fn contains(&self, name: &str) -> bool {
        self.iter().any(|(member, _)| member == name)
    }
}

/// Custom members built, to be kept in [`Claims`]: the parser's own list of
/// built members.
pub(crate) type Built = MemberList;

impl<'a> Custom<'a> for Built {
    fn read(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        self.read_member(name, parser, depth)
    }

    fn has_duplicate_names(&self) -> bool {
        self.has_duplicates()
    }

    fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(member, _)| member == name)
    }
}

/// The members of a claims set as they are parsed: each registered claim in
/// its slot (in [`REGISTERED`] order), every other member in `custom`.
struct Slots<R, C> {
    registered: [Option<R>; REGISTERED.len()],
    /// A registered name appeared twice.
    repeated: bool,
    custom: C,
}

impl<R, C: Default> Default for Slots<R, C> {
    fn default() -> Self {
        Self {
            registered: Default::default(),
            repeated: false,
            custom: C::default(),
        }
    }
}

impl<R, C> Slots<R, C> {
    /// Puts a registered claim's value in its slot; gives back any other.
    fn place_registered(&mut self, name: &str, value: R) -> Option<R> {
        match registered_index(name) {
            Some(index) => {
                self.place_at(index, value);
                None
            }
            None => Some(value),
        }
    }

    fn place_at(&mut self, index: usize, value: R) {
        if let Some(slot) = self.registered.get_mut(index) {
            self.repeated |= slot.is_some();
            *slot = Some(value);
        }
    }
}

impl<'a, R: ClaimValue<'a>, C: Custom<'a>> Members<'a> for Slots<R, C> {
    fn member(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        if let Some(index) = registered_index(&name) {
            let value = R::read(parser, depth)?;
            self.place_at(index, value);
            Ok(())
        } else {
            self.custom.read(name, parser, depth)
        }
    }

    fn has_duplicate_names(&mut self, _: &mut Parser<'a>) -> bool {
        // A custom name is never a registered one.
        self.repeated || self.custom.has_duplicate_names()
    }
}

/// A claims set checked against every rule, the registered claims borrowed
/// from the JSON text: what verification judges, before (for the Rust API)
/// it becomes [`Claims`]. `C` keeps the other members.
pub(crate) struct ClaimsView<'a, C = Unbuilt<'a>> {
    pub registered: Registered<'a>,
    custom: C,
}

impl<'a, C: Custom<'a>> ClaimsView<'a, C> {
    /// Reads a claims set from JSON text: the same rules and the same errors
    /// as [`parse_object`](crate::json::parse_object) then
    /// [`Claims::from_object`]; a JSON error is mapped by `json_error`.
    pub(crate) fn read(
        json: &'a [u8],
        json_error: impl FnOnce(ParseError) -> Error,
    ) -> Result<Self, Error> {
        let mut slots = Slots::<Raw<'a>, C>::default();
        parse_members(json, sink(&mut slots)).map_err(json_error)?;
        Ok(Self {
            registered: Registered::read(slots.registered)?,
            custom: slots.custom,
        })
    }

    /// Whether the claim `name`, registered or custom, is present.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.registered
            .has(name)
            .unwrap_or_else(|| self.custom.contains(name))
    }
}

impl ClaimsView<'_> {
    /// The claims set as compact JSON, written as [`Claims::to_json`] writes
    /// it: registered claims first, then the others in order, each value
    /// copied as it was checked (for the JavaScript `sign`, whose input is
    /// `JSON.stringify` text, byte for byte what building it would write).
    #[cfg_attr(not(feature = "js"), allow(dead_code))]
    pub(crate) fn to_json(&self) -> String {
        let custom = self
            .custom
            .iter()
            .map(|(name, value)| (name.as_ref(), value));
        claims_json(&self.registered, custom, Raw::write_to)
    }
}

impl<'a> ClaimsView<'a> {
    /// The custom (non-registered) member `name`, checked but not built.
    pub(crate) fn custom_member(&self, name: &str) -> Option<&Raw<'a>> {
        self.custom
            .iter()
            .find_map(|(member, value)| (member == name).then_some(value))
    }

    /// The custom members, in order.
    pub(crate) fn custom_members(&self) -> impl Iterator<Item = (&str, &Raw<'a>)> {
        self.custom
            .iter()
            .map(|(name, value)| (name.as_ref(), value))
    }

    /// The owned claims set, every custom member built.
    pub(crate) fn to_claims(&self) -> Claims {
        let custom = self
            .custom
            .iter()
            .filter_map(|(name, value)| Some((name.as_ref().into(), value.clone().into_value()?)))
            .collect();
        Claims::from_parts(self.registered.clone(), Object::from_unique_members(custom))
    }
}

impl ClaimsView<'_, Built> {
    /// The owned claims set.
    pub(crate) fn into_claims(self) -> Claims {
        Claims::from_parts(self.registered, Object::from_unique_members(self.custom.0))
    }
}

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

    fn from_parts(registered: Registered<'_>, custom: Object) -> Self {
        Self {
            issuer: registered.issuer.map(Cow::into_owned),
            subject: registered.subject.map(Cow::into_owned),
            audience: registered.audience.map(AudienceRef::into_owned),
            expires_at: registered.expires_at.map(DateRef::into_owned),
            not_before: registered.not_before.map(DateRef::into_owned),
            issued_at: registered.issued_at.map(DateRef::into_owned),
            jwt_id: registered.jwt_id.map(Cow::into_owned),
            custom,
        }
    }

    /// Reads a claims set from a JSON object, checking the registered claims'
    /// types: `iss`, `sub`, `jti` strings; `aud` a string or an array of strings;
    /// `exp`, `nbf`, `iat` numbers in range.
    ///
    /// # Errors
    /// [`Error::InvalidClaims`] for a registered claim of the wrong type.
    pub fn from_object(object: Object) -> Result<Self, Error> {
        let mut slots = Slots::<Value, Built>::default();
        for (name, value) in object.into_members() {
            if let Some(value) = slots.place_registered(&name, value) {
                slots.custom.0.push((name, value));
            }
        }
        let registered = Registered::read(slots.registered)?;
        Ok(Self::from_parts(
            registered,
            Object::from_unique_members(slots.custom.0),
        ))
    }

    /// Reads a claims set from JSON text, building every value: the same
    /// rules and errors as [`parse_object`](crate::json::parse_object) then
    /// [`Claims::from_object`] (the reference the views are tested against).
    #[cfg(test)]
    pub(crate) fn from_json(
        json: &[u8],
        json_error: impl FnOnce(ParseError) -> Error,
    ) -> Result<Self, Error> {
        let mut slots = Slots::<Value, Built>::default();
        parse_members(json, sink(&mut slots)).map_err(json_error)?;
        let registered = Registered::read(slots.registered)?;
        Ok(Self::from_parts(
            registered,
            Object::from_unique_members(slots.custom.0),
        ))
    }

    /// Sets a claim by name. Registered names are type-checked and set on their
    /// field; any other name is kept as custom data.
    ///
    /// # Errors
    /// [`Error::InvalidClaims`] when a registered claim gets a value of the wrong type.
    pub fn insert(&mut self, name: &str, value: impl Into<Value>) -> Result<(), Error> {
        let value = value.into();
        match name {
            "iss" => self.issuer = Some(text_claim(value)?.into_owned()),
            "sub" => self.subject = Some(text_claim(value)?.into_owned()),
            "aud" => self.audience = Some(audience_claim(value)?.into_owned()),
            "exp" => self.expires_at = Some(date_claim(value)?.into_owned()),
            "nbf" => self.not_before = Some(date_claim(value)?.into_owned()),
            "iat" => self.issued_at = Some(date_claim(value)?.into_owned()),
            "jti" => self.jwt_id = Some(text_claim(value)?.into_owned()),
            _ => self.custom.insert(name, value),
        }
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
        let registered = Registered {
            issuer: self.issuer.as_deref().map(Cow::Borrowed),
            subject: self.subject.as_deref().map(Cow::Borrowed),
            audience: self.audience.as_ref().map(Audience::as_view),
            expires_at: self.expires_at.as_ref().map(NumericDate::as_view),
            not_before: self.not_before.as_ref().map(NumericDate::as_view),
            issued_at: self.issued_at.as_ref().map(NumericDate::as_view),
            jwt_id: self.jwt_id.as_deref().map(Cow::Borrowed),
        };
        claims_json(&registered, self.custom.iter(), Value::write_to)
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
            let unbuilt = ClaimsView::<Unbuilt<'_>>::read(json.as_bytes(), error)
                .expect("valid claims")
                .to_json();
            let built = ClaimsView::<Built>::read(json.as_bytes(), error)
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
            let viewed = ClaimsView::<Built>::read(json, map).map(ClaimsView::into_claims);
            let checked = ClaimsView::<Unbuilt<'_>>::read(json, map).map(|_| ());
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
    fn registered_index_is_the_position_in_registered() {
        for (index, name) in REGISTERED.iter().enumerate() {
            assert_eq!(registered_index(name), Some(index));
        }
        for other in ["", "ISS", "iss ", "roles", "exp2"] {
            assert_eq!(registered_index(other), None);
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
