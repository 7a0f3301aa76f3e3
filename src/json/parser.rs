//! A strict RFC 8259 parser for JOSE headers and JWT payloads.

use super::grammar::number_end;
use super::members::{sink, MemberList, Members, NamesOnly};
use super::{Object, Raw, Value, MAX_DEPTH};
use alloc::borrow::Cow;
use alloc::vec::Vec;

/// Why a JSON text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Not valid JSON (or not UTF-8).
    Syntax,
    /// Valid JSON, but the top-level value is not an object.
    NotAnObject,
    /// An object names the same member twice.
    DuplicateMember,
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl ParseError {
    /// A short description, used as the reason of the crate's error.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Syntax => "not valid UTF-8 JSON",
            Self::NotAnObject => "not a JSON object",
            Self::DuplicateMember => "duplicate member name",
            Self::TooDeep => "JSON nested too deeply",
        }
    }
}

/// Parses a JSON text whose top-level value must be an object.
pub(crate) fn parse_object(bytes: &[u8]) -> Result<Object, ParseError> {
    let mut members = MemberList::default();
    parse_members(bytes, sink(&mut members))?;
    Ok(Object::from_unique_members(members))
}

/// Parses a JSON text whose top-level value must be an object, handing its
/// members to `members`. Errors come in the same order whatever `members`
/// keeps: the first syntax error (or nesting too deep) in the text, then
/// duplicate names when the object closes, then anything after it.
pub(crate) fn parse_members<'a, M: Members<'a> + ?Sized>(
    bytes: &'a [u8],
    members: &mut M,
) -> Result<(), ParseError> {
    // Checking UTF-8 once up front lets the scanner below slice strings freely.
    let text = core::str::from_utf8(bytes).map_err(|_| ParseError::Syntax)?;
    let mut parser = Parser::new(text);
    parser.skip_whitespace();
    if parser.peek() != Some(b'{') {
        // Tell "valid JSON but not an object" apart from garbage.
        let value = parser.raw(0);
        parser.skip_whitespace();
        return Err(match value {
            Ok(_) if parser.pos == text.len() => ParseError::NotAnObject,
            Ok(_) => ParseError::Syntax,
            Err(error) => error,
        });
    }
    parser.object_into(0, members)?;
    parser.skip_whitespace();
    if parser.pos != text.len() {
        return Err(ParseError::Syntax);
    }
    Ok(())
}

/// The scanner. Strings are read in `string_literal.rs`.
pub(crate) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
    /// The names of the objects being checked without being built, innermost
    /// last, for the duplicate check when each closes.
    pub(super) names: Vec<Cow<'a, str>>,
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            names: Vec::new(),
        }
    }

    /// The unread input.
    #[inline]
    pub(super) fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.pos..).unwrap_or_default()
    }

    /// The input from `start` to here.
    #[inline]
    fn since(&self, start: usize) -> Result<&'a str, ParseError> {
        self.text.get(start..self.pos).ok_or(ParseError::Syntax)
    }

    #[inline]
    pub(super) fn peek(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    #[inline]
    pub(super) fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    #[inline]
    pub(super) fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.next() == Some(byte) {
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    #[inline]
    pub(super) fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A value, built.
    pub(crate) fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        match self.peek().ok_or(ParseError::Syntax)? {
            b'{' => self.object(depth).map(Value::Object),
            b'[' => self.array(depth),
            // A scalar (containers are handled above, so this never parses
            // again).
            _ => self.raw(depth)?.into_value().ok_or(ParseError::Syntax),
        }
    }

    /// A value, checked against every rule but not built.
    pub(crate) fn raw(&mut self, depth: usize) -> Result<Raw<'a>, ParseError> {
        let start = self.pos;
        match self.peek().ok_or(ParseError::Syntax)? {
            b'{' => {
                let first = self.names.len();
                self.object_into(depth, sink(&mut NamesOnly { first }))?;
                self.since(start).map(Raw::Object)
            }
            b'[' => {
                self.array_with(depth, |parser, depth| parser.raw(depth).map(drop))?;
                self.since(start).map(Raw::Array)
            }
            b'"' => self.string().map(Raw::String),
            b't' => self.literal("true").map(|()| Raw::Bool(true)),
            b'f' => self.literal("false").map(|()| Raw::Bool(false)),
            b'n' => self.literal("null").map(|()| Raw::Null),
            b'-' | b'0'..=b'9' => self.number().map(Raw::Number),
            _ => Err(ParseError::Syntax),
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), ParseError> {
        if self.rest().starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn object(&mut self, depth: usize) -> Result<Object, ParseError> {
        let mut members = MemberList::default();
        self.object_into(depth, sink(&mut members))?;
        Ok(Object::from_unique_members(members))
    }

    /// An object, each member handed to `members`.
    pub(crate) fn object_into<M: Members<'a> + ?Sized>(
        &mut self,
        depth: usize,
        members: &mut M,
    ) -> Result<(), ParseError> {
        self.delimited::<b'{', b'}'>(depth, |parser, depth| {
            if parser.peek() != Some(b'"') {
                return Err(ParseError::Syntax);
            }
            let name = parser.string()?;
            parser.skip_whitespace();
            parser.expect(b':')?;
            parser.skip_whitespace();
            members.member(name, parser, depth)
        })?;
        if members.has_duplicate_names(self) {
            return Err(ParseError::DuplicateMember);
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        self.array_with(depth, |parser, depth| {
            items.push(parser.value(depth)?);
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    /// An array, each item read by `item`.
    pub(super) fn array_with(
        &mut self,
        depth: usize,
        item: impl FnMut(&mut Self, usize) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        self.delimited::<b'[', b']'>(depth, item)
    }

    /// An array or an object: `OPEN`, then entries separated by commas, then
    /// `CLOSE`, each entry read by `entry` (at `depth + 1`).
    #[inline]
    fn delimited<const OPEN: u8, const CLOSE: u8>(
        &mut self,
        depth: usize,
        mut entry: impl FnMut(&mut Self, usize) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.expect(OPEN)?;
        self.skip_whitespace();
        if self.peek() == Some(CLOSE) {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            entry(self, depth + 1)?;
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(byte) if byte == CLOSE => return Ok(()),
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// A number's text, as written.
    #[inline]
    fn number(&mut self) -> Result<&'a str, ParseError> {
        let start = self.pos;
        self.pos = number_end(self.text.as_bytes(), start).ok_or(ParseError::Syntax)?;
        self.since(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::{String, ToString};

    #[test]
    fn parses_every_kind_of_value() {
        let object =
            parse_object(br#" {"a":[1,-2.5e3,true,false,null],"b":{"c":"\u00e9\ud83d\ude00\n"}} "#)
                .expect("valid JSON");
        assert_eq!(object.len(), 2);
        let Some(Value::Object(inner)) = object.get("b") else {
            panic!("b is an object")
        };
        assert_eq!(inner.get("c").and_then(Value::as_str), Some("é😀\n"));
    }

    #[test]
    fn rejects_duplicate_member_names_small_and_large() {
        assert_eq!(
            parse_object(br#"{"a":1,"a":2}"#),
            Err(ParseError::DuplicateMember)
        );
        let members: Vec<String> = (0..40).map(|i| format!("\"k{i}\":0")).collect();
        let large = format!("{{{},\"k7\":1}}", members.join(","));
        assert_eq!(
            parse_object(large.as_bytes()),
            Err(ParseError::DuplicateMember)
        );
        // Nested objects are checked too.
        assert_eq!(
            parse_object(br#"{"o":{"x":1,"x":1}}"#),
            Err(ParseError::DuplicateMember)
        );
    }

    #[test]
    fn rejects_non_objects_at_the_top_level() {
        for text in ["[]", "1", "\"\"", "null", "true"] {
            assert_eq!(
                parse_object(text.as_bytes()),
                Err(ParseError::NotAnObject),
                "{text}"
            );
        }
    }

    #[test]
    fn bounds_nesting_depth_without_recursing_past_it() {
        let deep = "[".repeat(10_000);
        let text = format!("{{\"a\":{deep}}}");
        assert_eq!(parse_object(text.as_bytes()), Err(ParseError::TooDeep));
        let ok = format!(
            "{{\"a\":{}{}}}",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert!(parse_object(ok.as_bytes()).is_ok());
    }

    #[test]
    fn rejects_invalid_utf8_lone_surrogates_and_bad_syntax() {
        for bad in [
            &b"{\"a\":\"\xff\"}"[..],
            &b"{\"a\":\"\xc0\xaf\"}"[..],
            br#"{"a":"\ud800"}"#,
            br#"{"a":"\udc00"}"#,
            br#"{"a":01}"#,
            br#"{"a":1.}"#,
            br#"{"a":.5}"#,
            br#"{"a":+1}"#,
            br#"{"a":1,}"#,
            br#"{"a" 1}"#,
            b"{a:1}",
            b"{\"a\":\"tab\there\"}",
            br#"{"a":1} x"#,
            br#"{"a":tru}"#,
            br#"{"a":"\x"}"#,
            br#"{"a":NaN}"#,
        ] {
            assert_eq!(
                parse_object(bad),
                Err(ParseError::Syntax),
                "{:?}",
                bad.to_vec()
            );
        }
    }

    #[test]
    fn keeps_numbers_as_written() {
        let object = parse_object(br#"{"n":12345678901234567890123,"f":1.50}"#).expect("valid");
        let Some(Value::Number(n)) = object.get("n") else {
            panic!()
        };
        assert_eq!(n.as_str(), "12345678901234567890123");
        assert_eq!(
            object.get("f").map(Value::to_json),
            Some("1.50".to_string())
        );
    }
}
