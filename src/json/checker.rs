//! A strict check of a JSON object's text that builds nothing and allocates
//! nothing: the parser's rules (RFC 8259 syntax, UTF-8, no lone surrogates,
//! unique member names, nesting at most [`MAX_DEPTH`]), with the same error for
//! the same text, and of the values only what a token's reader looks at: the
//! kind and place of the top-level members it names.
//!
//! Reading a token without verifying it (`decode` and the expiry helpers)
//! needs no value built: `JSON.parse` builds the ones JavaScript gets. The
//! parser keeps names as strings in a vector and its members generic over
//! what keeps them; this keeps names as places in the text (on the stack, or
//! in one allocation where a verifier's raised cap lets texts be longer), and
//! compares them decoded only when they differ in their escapes. Measured on
//! `jwt-edge/decode` (entry and `.wasm`, gzipped), with the token reader in
//! `token/in_place.rs`: see that file.

use super::grammar::{hex4, number_end};
use super::name_order::{has_duplicate_names, Name, MAX_TEXT};
use super::{ParseError, MAX_DEPTH};
#[cfg(any(test, feature = "js-verify"))]
use alloc::vec::Vec;

/// The names of the objects open at once. Every one fits: a member takes at
/// least four bytes (`"":0` and a comma or the closing brace). On the stack
/// where texts are at most 16 KiB (the builds without a verifier), else
/// allocated for the text.
#[cfg(not(any(test, feature = "js-verify")))]
type OpenNames = [Name; MAX_TEXT / 4];
#[cfg(any(test, feature = "js-verify"))]
type OpenNames = Vec<Name>;

fn open_names_for(text: &[u8]) -> OpenNames {
    #[cfg(not(any(test, feature = "js-verify")))]
    let _ = text;
    #[cfg(not(any(test, feature = "js-verify")))]
    return [Name::default(); MAX_TEXT / 4];
    #[cfg(any(test, feature = "js-verify"))]
    alloc::vec![Name::default(); text.len() / 4]
}

/// The kind of a member's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    String,
    Number,
    True,
    False,
    Null,
    Object,
    /// An array, and whether it has items and all of them are strings.
    Array {
        empty: bool,
        all_strings: bool,
    },
}

/// A top-level member's value: its kind and its text (a string's without the
/// quotes, still escaped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Member {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// Checks that `text` is a JSON object; for each of `known` that it has,
/// the member in the same place of `slots` (a name written with escapes is
/// matched decoded, as the parser does).
pub(crate) fn check_object(
    text: &[u8],
    known: &[&str],
    slots: &mut [Option<Member>],
) -> Result<(), ParseError> {
    if text.len() > MAX_TEXT || core::str::from_utf8(text).is_err() {
        return Err(ParseError::Syntax);
    }
    let mut checker = Checker {
        text,
        pos: 0,
        names: open_names_for(text),
        open_names: 0,
    };
    checker.skip_whitespace();
    if checker.peek() != Some(b'{') {
        // Tell "valid JSON but not an object" apart from garbage.
        let value = checker.value(0);
        checker.skip_whitespace();
        return Err(match value {
            Ok(_) if checker.pos == text.len() => ParseError::NotAnObject,
            Ok(_) => ParseError::Syntax,
            Err(error) => error,
        });
    }
    checker.object(0, Some((known, slots)))?;
    checker.skip_whitespace();
    if checker.pos != text.len() {
        return Err(ParseError::Syntax);
    }
    Ok(())
}

/// The scanner, and the names of the objects open, innermost last.
struct Checker<'t> {
    text: &'t [u8],
    pos: usize,
    names: OpenNames,
    open_names: usize,
}

impl Checker<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.next() == Some(byte) {
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A value at `depth`.
    fn value(&mut self, depth: usize) -> Result<Kind, ParseError> {
        let (kind, literal): (_, &[u8]) = match self.peek() {
            Some(b'{') => return self.object(depth, None).map(|()| Kind::Object),
            Some(b'[') => return self.array(depth),
            Some(b'"') => return self.string().map(|_| Kind::String),
            Some(b'-' | b'0'..=b'9') => return self.number().map(|()| Kind::Number),
            Some(b't') => (Kind::True, b"true"),
            Some(b'f') => (Kind::False, b"false"),
            Some(b'n') => (Kind::Null, b"null"),
            _ => return Err(ParseError::Syntax),
        };
        match self.text.get(self.pos..) {
            Some(rest) if rest.starts_with(literal) => {
                self.pos += literal.len();
                Ok(kind)
            }
            _ => Err(ParseError::Syntax),
        }
    }

    /// An object at `depth`; `known` names the members whose values go to
    /// its slots (the top-level object's).
    fn object(
        &mut self,
        depth: usize,
        mut known: Option<(&[&str], &mut [Option<Member>])>,
    ) -> Result<(), ParseError> {
        let first = self.open_names;
        self.delimited(depth, b'{', b'}', |checker| {
            let name = checker.string()?;
            let slot = checker
                .names
                .get_mut(checker.open_names)
                .ok_or(ParseError::Syntax)?;
            *slot = name;
            checker.open_names += 1;
            checker.skip_whitespace();
            checker.expect(b':')?;
            checker.skip_whitespace();
            let start = checker.pos;
            let kind = checker.value(depth + 1)?;
            if let Some((names, slots)) = known.as_mut() {
                let place = names.iter().position(|known| name.is(checker.text, known));
                if let Some(slot) = place.and_then(|index| slots.get_mut(index)) {
                    let (start, end) = match kind {
                        Kind::String => (start + 1, checker.pos - 1),
                        _ => (start, checker.pos),
                    };
                    *slot = Some(Member { kind, start, end });
                }
            }
            Ok(())
        })?;
        let names = self
            .names
            .get_mut(first..self.open_names)
            .unwrap_or_default();
        let repeated = has_duplicate_names(self.text, names);
        self.open_names = first;
        if repeated {
            return Err(ParseError::DuplicateMember);
        }
        Ok(())
    }

    /// An array at `depth`.
    fn array(&mut self, depth: usize) -> Result<Kind, ParseError> {
        let (mut empty, mut all_strings) = (true, true);
        self.delimited(depth, b'[', b']', |checker| {
            empty = false;
            all_strings &= checker.value(depth + 1)? == Kind::String;
            Ok(())
        })?;
        Ok(Kind::Array { empty, all_strings })
    }

    /// `open`, then entries separated by commas, then `close`, each entry
    /// read by `entry`.
    fn delimited(
        &mut self,
        depth: usize,
        open: u8,
        close: u8,
        mut entry: impl FnMut(&mut Self) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.expect(open)?;
        self.skip_whitespace();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            entry(self)?;
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(byte) if byte == close => return Ok(()),
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// A string literal; where its text is, without the quotes.
    fn string(&mut self) -> Result<Name, ParseError> {
        self.expect(b'"')?;
        let start = self.pos;
        let mut escaped = false;
        loop {
            match self.next().ok_or(ParseError::Syntax)? {
                b'"' => return Ok(Name::new(start, self.pos - 1, escaped)),
                b'\\' => {
                    escaped = true;
                    self.escape()?;
                }
                0..0x20 => return Err(ParseError::Syntax),
                _ => {}
            }
        }
    }

    /// An escape after its backslash; a `\u` high surrogate must be followed
    /// by an escaped low one.
    fn escape(&mut self) -> Result<(), ParseError> {
        match self.next().ok_or(ParseError::Syntax)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => match self.hex4()? {
                0xD800..=0xDBFF => {
                    self.expect(b'\\')?;
                    self.expect(b'u')?;
                    if (0xDC00..=0xDFFF).contains(&self.hex4()?) {
                        Ok(())
                    } else {
                        Err(ParseError::Syntax)
                    }
                }
                0xDC00..=0xDFFF => Err(ParseError::Syntax),
                _ => Ok(()),
            },
            _ => Err(ParseError::Syntax),
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let code = hex4(self.text, self.pos).ok_or(ParseError::Syntax)?;
        self.pos += 4;
        Ok(code)
    }

    /// A number.
    fn number(&mut self) -> Result<(), ParseError> {
        self.pos = number_end(self.text, self.pos).ok_or(ParseError::Syntax)?;
        Ok(())
    }
}
