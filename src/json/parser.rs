//! A strict RFC 8259 parser for JOSE headers and JWT payloads.

use super::{Number, Object, Value, MAX_DEPTH};
use alloc::string::String;
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
    // Checking UTF-8 once up front lets the scanner below slice strings freely.
    let text = core::str::from_utf8(bytes).map_err(|_| ParseError::Syntax)?;
    let mut parser = Parser { text, pos: 0 };
    parser.skip_whitespace();
    if parser.peek() != Some(b'{') {
        // Tell "valid JSON but not an object" apart from garbage.
        let value = parser.value(0);
        parser.skip_whitespace();
        return Err(match value {
            Ok(_) if parser.pos == text.len() => ParseError::NotAnObject,
            Ok(_) => ParseError::Syntax,
            Err(error) => error,
        });
    }
    let object = parser.object(0)?;
    parser.skip_whitespace();
    if parser.pos != text.len() {
        return Err(ParseError::Syntax);
    }
    Ok(object)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
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

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        match self.peek().ok_or(ParseError::Syntax)? {
            b'{' => self.object(depth).map(Value::Object),
            b'[' => self.array(depth),
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => Err(ParseError::Syntax),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.text.as_bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn object(&mut self, depth: usize) -> Result<Object, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.expect(b'{')?;
        let mut members: Vec<(String, Value)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Object::new());
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(ParseError::Syntax);
            }
            let name = self.string()?;
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push((name, value));
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b'}') => break,
                _ => return Err(ParseError::Syntax),
            }
        }
        if has_duplicate_names(&members) {
            return Err(ParseError::DuplicateMember);
        }
        Ok(Object::from_unique_members(members))
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.expect(b'[')?;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b']') => break,
                _ => return Err(ParseError::Syntax),
            }
        }
        Ok(Value::Array(items))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character.
            let rest = &self.text.as_bytes()[self.pos..];
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or(ParseError::Syntax)?;
            // The run ends before an ASCII byte, so it ends on a char boundary.
            out.push_str(
                self.text
                    .get(self.pos..self.pos + run)
                    .ok_or(ParseError::Syntax)?,
            );
            self.pos += run;
            match self.next() {
                Some(b'"') => return Ok(out),
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
        let mut code = 0;
        for _ in 0..4 {
            let digit = char::from(self.next().ok_or(ParseError::Syntax)?)
                .to_digit(16)
                .ok_or(ParseError::Syntax)?;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Number, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.next() {
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(ParseError::Syntax),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        let text = self.text.get(start..self.pos).ok_or(ParseError::Syntax)?;
        Ok(Number::from_validated(text.into()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), ParseError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(ParseError::Syntax);
        }
        self.digits();
        Ok(())
    }
}

/// Whether two members share a name. Small objects (the usual JOSE header or
/// claims set) are compared pairwise; large ones are sorted, so the check stays
/// `O(n log n)` for hostile input.
fn has_duplicate_names(members: &[(String, Value)]) -> bool {
    const PAIRWISE_LIMIT: usize = 16;
    if members.len() <= PAIRWISE_LIMIT {
        return members
            .iter()
            .enumerate()
            .any(|(i, (name, _))| members[i + 1..].iter().any(|(other, _)| other == name));
    }
    let mut names: Vec<&str> = members.iter().map(|(name, _)| name.as_str()).collect();
    names.sort_unstable();
    names.windows(2).any(|pair| pair[0] == pair[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::ToString;

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
