//! JSON values as JOSE needs them: strict to read, exact to write.
//!
//! A JWT's header and payload are JSON objects (RFC 7519 §7.2), but ordinary JSON
//! parsers are too lenient for a security token: they keep the last of two
//! members with the same name (RFC 7515 §5.2 and RFC 8725 §3.4 say reject), and
//! they round numbers through `f64`. This module's parser rejects duplicate names,
//! invalid UTF-8, lone surrogates and nesting deeper than [`MAX_DEPTH`], and keeps
//! every number as the exact text it was written with.

#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
mod checker;
mod decimal;
mod duplicate_names;
mod grammar;
mod members;
#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
mod name_order;
mod parser;
mod raw;
mod string_literal;
mod writer;

use alloc::string::String;
use alloc::vec::Vec;

#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
pub(crate) use checker::{check_object, Kind, Member};
pub(crate) use decimal::parse as parse_f64;
pub(crate) use members::{
    sink, KnownMembers, MemberList, Members, NameTable, NamesOnly, RawMembers, ReadValue,
};
#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
pub(crate) use name_order::Name;
pub use parser::ParseError;
pub(crate) use parser::{parse_members, parse_object, Parser};
pub(crate) use raw::{array_items, Raw};
pub(crate) use writer::{write_array, write_string};

/// How deeply arrays and objects may nest in a header or payload.
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, kept as written.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object with unique member names, in the order they were written.
    Object(Object),
}

impl Value {
    /// The string, if this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// Appends the JSON text of this value to `out`.
    pub fn write_to(&self, out: &mut String) {
        writer::write_value(self, out);
    }

    /// The JSON text of this value.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }
}

/// `From` for each type a variant of [`Value`] holds as it is.
macro_rules! value_from_variant {
    ($($held:ty => $variant:ident),*) => {$(
        impl From<$held> for Value {
            fn from(held: $held) -> Self {
                Self::$variant(held)
            }
        }
    )*};
}

value_from_variant!(bool => Bool, Number => Number, String => String, Object => Object);

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Self::String(text.into())
    }
}

impl From<u64> for Value {
    fn from(number: u64) -> Self {
        Self::Number(Number::from(number))
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        Self::Array(items.into_iter().map(Into::into).collect())
    }
}

/// A JSON number, kept as the exact text that was parsed or generated, so that
/// large integers and decimals survive a round trip unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number as written, e.g. `"1.50"` or `"1e3"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The nearest `f64` (infinite when the text is out of `f64`'s range).
    #[must_use]
    pub fn as_f64(&self) -> f64 {
        decimal::parse(&self.0)
    }

    /// The number when it is written as a plain non-negative integer that fits
    /// in `u64`.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        plain_u64(&self.0)
    }

    pub(crate) fn into_string(self) -> String {
        self.0
    }

    pub(crate) fn from_validated(text: String) -> Self {
        Self(text)
    }
}

impl From<u64> for Number {
    fn from(number: u64) -> Self {
        let mut text = String::new();
        write_u64(number, &mut text);
        Self(text)
    }
}

/// Appends the decimal digits of `number` to `out`.
pub(crate) fn write_u64(number: u64, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut rest = number;
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        // `rest % 10` is below 10, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (rest % 10) as u8;
        *slot = b'0' + digit;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let written = digits.get(digits.len() - len..).unwrap_or_default();
    out.extend(written.iter().map(|&b| char::from(b)));
}

/// `text` as a `u64` when it is written as a plain non-negative integer that
/// fits.
pub(crate) fn plain_u64(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 20 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Up to 19 digits cannot overflow; only a 20th needs checked arithmetic
    // (which on wasm32 costs a 128-bit multiplication per step).
    let (head, last) = match bytes.split_at_checked(19) {
        Some((head, last)) => (head, last),
        None => (bytes, &[][..]),
    };
    let value = head
        .iter()
        .fold(0u64, |acc, &digit| acc * 10 + u64::from(digit - b'0'));
    match last {
        [] => Some(value),
        [digit] => value.checked_mul(10)?.checked_add(u64::from(digit - b'0')),
        _ => None,
    }
}

/// A JSON object: members in the order they were written, names unique.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object {
    members: Vec<(String, Value)>,
}

impl Object {
    /// An empty object.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            members: Vec::new(),
        }
    }

    /// The value of the member `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.members
            .iter()
            .find(|(member, _)| member == name)
            .map(|(_, value)| value)
    }

    /// Sets the member `name`, replacing an earlier value in place.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<Value>) {
        let name = name.into();
        let value = value.into();
        match self.members.iter_mut().find(|(member, _)| *member == name) {
            Some(slot) => slot.1 = value,
            None => self.members.push((name, value)),
        }
    }

    /// Removes the member `name` and returns its value.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let index = self.members.iter().position(|(member, _)| member == name)?;
        Some(self.members.remove(index).1)
    }

    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.members
            .iter()
            .map(|(name, value)| (name.as_str(), value))
    }

    /// The number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no members.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Appends the JSON text of this object to `out`.
    pub fn write_to(&self, out: &mut String) {
        writer::write_object(self, out);
    }

    pub(crate) fn from_unique_members(members: Vec<(String, Value)>) -> Self {
        Self { members }
    }

    pub(crate) fn into_members(self) -> Vec<(String, Value)> {
        self.members
    }
}

#[cfg(test)]
mod tests {
    use super::plain_u64;
    use alloc::format;
    use alloc::string::ToString;

    /// The straightforward checked version, as the reference.
    fn reference(text: &str) -> Option<u64> {
        let bytes = text.as_bytes();
        if bytes.is_empty() || bytes.len() > 20 || !bytes.iter().all(u8::is_ascii_digit) {
            return None;
        }
        bytes.iter().try_fold(0u64, |acc, &digit| {
            acc.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
        })
    }

    #[test]
    fn plain_u64_reads_exactly_the_plain_integers_that_fit() {
        let mut cases: alloc::vec::Vec<alloc::string::String> = [
            "",
            "0",
            "00",
            "7",
            "1700000000",
            "9007199254740993",
            "18446744073709551615",
            "18446744073709551616",
            "18446744073709551619",
            "19999999999999999999",
            "99999999999999999999",
            "100000000000000000000",
            "-1",
            "1.0",
            "1e3",
            "12a",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        for power in 0..=20u32 {
            let base = 10u128.pow(power);
            for delta in [0u128, 1, 5, 9] {
                cases.push(format!("{}", base + delta));
                cases.push(format!("{}", (base * 2).saturating_sub(delta + 1)));
            }
        }
        cases.push(format!("{}", u64::MAX));
        for text in &cases {
            assert_eq!(plain_u64(text), reference(text), "{text}");
        }
    }
}
