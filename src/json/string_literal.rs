//! String literals: the plain runs copied whole, the escapes decoded.

use super::grammar::hex4;
use super::{ParseError, Parser};
use alloc::borrow::Cow;
use alloc::string::String;

impl<'a> Parser<'a> {
    /// A string literal: borrowed from the input when it has no escapes.
    #[inline]
    pub(super) fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.expect(b'"')?;
        let start = self.pos;
        // The common case: a plain run up to the closing quote.
        let run_len = run_length(self.rest()).ok_or(ParseError::Syntax)?;
        if self.rest().get(run_len) == Some(&b'"') {
            // The run ends before an ASCII byte, so it ends on a char boundary.
            let text = self
                .text
                .get(start..start + run_len)
                .ok_or(ParseError::Syntax)?;
            self.pos = start + run_len + 1;
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::new();
        loop {
            let run_len = run_length(self.rest()).ok_or(ParseError::Syntax)?;
            let run = self
                .text
                .get(self.pos..self.pos + run_len)
                .ok_or(ParseError::Syntax)?;
            out.push_str(run);
            self.pos += run_len;
            match self.next() {
                Some(b'"') => return Ok(Cow::Owned(out)),
                Some(b'\\') => self.escape(&mut out)?,
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let decoded = match self.next().ok_or(ParseError::Syntax)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(ParseError::Syntax),
        };
        out.push(decoded);
        Ok(())
    }

    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                // A high surrogate must be followed by an escaped low surrogate.
                if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                    return Err(ParseError::Syntax);
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(ParseError::Syntax);
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(ParseError::Syntax),
            _ => first,
        };
        char::from_u32(code).ok_or(ParseError::Syntax)
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let code = hex4(self.text.as_bytes(), self.pos).ok_or(ParseError::Syntax)?;
        self.pos += 4;
        Ok(code)
    }
}

/// The length of the run of `bytes` before the first quote, backslash or
/// control character: a plain stretch of a string.
fn run_length(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| ENDS_PLAIN_RUN[usize::from(b)])
}

/// Which bytes end a plain run in a string: one lookup per byte instead of
/// three comparisons.
const ENDS_PLAIN_RUN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < table.len() {
        table[byte] = byte < 0x20 || byte == b'"' as usize || byte == b'\\' as usize;
        byte += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use crate::json::{parse_object, ParseError, Value};
    use alloc::format;

    #[test]
    fn strings_end_only_at_quotes_and_stop_at_backslashes_and_control_bytes() {
        for byte in 0..=0x7f_u8 {
            let json = [br#"{"k":"a"#.as_slice(), &[byte], br#"b"}"#].concat();
            let parsed = parse_object(&json).map(|object| object.get("k").cloned());
            let expected = match byte {
                0..0x20 | b'"' => Err(ParseError::Syntax),
                // `\b` is an escape.
                b'\\' => Ok(Some(Value::String("a\u{8}".into()))),
                _ => Ok(Some(Value::String(format!("a{}b", char::from(byte))))),
            };
            assert_eq!(parsed, expected, "byte {byte:#x}");
        }
        // A multi-byte character continues a run.
        assert_eq!(
            parse_object("{\"k\":\"a\u{e9}\u{1f600}b\"}".as_bytes())
                .map(|object| object.get("k").cloned()),
            Ok(Some(Value::String("a\u{e9}\u{1f600}b".into())))
        );
    }
}
