//! JSON values checked against every rule but not built.

use super::{Number, Parser, Value};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// A JSON value checked but not built: scalars as read (borrowed where
/// possible), arrays and objects as their text, which has passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Raw<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(Cow<'a, str>),
    Array(&'a str),
    Object(&'a str),
}

impl Raw<'_> {
    /// Writes the value back: strings escaped as [`write_string`] does,
    /// everything else exactly as it was read (arrays and objects as their
    /// text, which keeps any white space in it).
    ///
    /// [`write_string`]: super::write_string
    #[cfg_attr(not(feature = "js"), allow(dead_code))]
    pub(crate) fn write_to(&self, out: &mut String) {
        match self {
            Raw::Null => out.push_str("null"),
            Raw::Bool(true) => out.push_str("true"),
            Raw::Bool(false) => out.push_str("false"),
            Raw::Number(text) | Raw::Array(text) | Raw::Object(text) => out.push_str(text),
            Raw::String(text) => super::write_string(text, out),
        }
    }

    /// The value built, as [`Parser::value`] builds it where it was read (a
    /// member's value of the top-level object). `None` only for an array or
    /// object whose text is not JSON, which a checked one never is.
    pub(crate) fn into_value(self) -> Option<Value> {
        Some(match self {
            Raw::Null => Value::Null,
            Raw::Bool(flag) => Value::Bool(flag),
            Raw::Number(text) => Value::Number(Number::from_validated(text.into())),
            Raw::String(text) => Value::String(text.into_owned()),
            Raw::Array(text) | Raw::Object(text) => Parser::new(text).value(1).ok()?,
        })
    }
}

/// The items of a checked [`Raw::Array`]'s text, or `None` if `text` is not
/// an array.
pub(crate) fn array_items(text: &str) -> Option<Vec<Raw<'_>>> {
    let mut items = Vec::new();
    Parser::new(text)
        .array_with(0, |parser, depth| {
            items.push(parser.raw(depth)?);
            Ok(())
        })
        .ok()?;
    Some(items)
}
