//! A strict RFC 8259 parser for JOSE headers and JWT payloads.

use super::{Number, Object, Value, MAX_DEPTH};
use alloc::borrow::Cow;
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
    let mut members = MemberList::default();
    parse_members(bytes, sink(&mut members))?;
    Ok(Object::from_unique_members(members.0))
}

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
    let mut parser = Parser::new(text);
    parser.expect(b'[').ok()?;
    let mut items = Vec::new();
    parser.skip_whitespace();
    if parser.peek() == Some(b']') {
        return Some(items);
    }
    loop {
        parser.skip_whitespace();
        // Nesting was checked when the array was: any depth below the limit.
        items.push(parser.raw(1).ok()?);
        parser.skip_whitespace();
        match parser.next() {
            Some(b',') => {}
            Some(b']') => return Some(items),
            _ => return None,
        }
    }
}

/// A member sink as the object loop should take it. In the WebAssembly builds
/// for size it is a `dyn` trait object, so that the loop exists once (a copy
/// per kind of sink costs kilobytes of download); natively and with feature
/// `speed` it is the sink itself, so that the loop is specialized and inlined
/// (faster).
#[cfg(all(target_arch = "wasm32", not(feature = "speed")))]
pub(crate) fn sink<'s, 'a>(members: &'s mut impl Members<'a>) -> &'s mut dyn Members<'a> {
    members
}

/// A member sink as the object loop should take it (see the version for
/// size).
#[cfg(any(not(target_arch = "wasm32"), feature = "speed"))]
pub(crate) fn sink<'s, 'a, M: Members<'a>>(members: &'s mut M) -> &'s mut M {
    members
}

/// Receives the members of the top-level object, in order, as they are parsed.
pub(crate) trait Members<'a> {
    /// One member: reads its value from `parser` (at `depth`) and keeps it.
    /// The name is borrowed from the input unless it had escapes.
    fn member(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError>;

    /// Called when the object closes: whether two members shared a name.
    fn has_duplicate_names(&mut self, parser: &mut Parser<'a>) -> bool;
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

/// The members of an object, built, names owned: for nested objects,
/// [`parse_object`] and the custom members of a claims set.
#[derive(Default)]
pub(crate) struct MemberList(pub(crate) Vec<(String, Value)>);

impl MemberList {
    /// Reads the value of member `name` and keeps both.
    pub(crate) fn read_member<'a>(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        let value = parser.value(depth)?;
        self.0.push((name.into_owned(), value));
        Ok(())
    }

    /// Whether two members share a name.
    pub(crate) fn has_duplicates(&self) -> bool {
        has_duplicate_names(self.0.iter().map(|(name, _)| name.as_str()))
    }
}

impl<'a> Members<'a> for MemberList {
    fn member(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        self.read_member(name, parser, depth)
    }

    fn has_duplicate_names(&mut self, _: &mut Parser<'a>) -> bool {
        self.has_duplicates()
    }
}

/// The members of an object checked but not built, names and strings
/// borrowed from the text unless they had escapes: the JavaScript bindings'
/// options, and the members of a claims set that verification does not keep.
pub(crate) type RawMembers<'a> = Vec<(Cow<'a, str>, Raw<'a>)>;

impl<'a> Members<'a> for RawMembers<'a> {
    fn member(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        let value = parser.raw(depth)?;
        self.push((name, value));
        Ok(())
    }

    fn has_duplicate_names(&mut self, _: &mut Parser<'a>) -> bool {
        has_duplicate_names(self.iter().map(|(name, _)| name.as_ref()))
    }
}

/// The scanner.
pub(crate) struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// The names of the objects being checked without being built, innermost
    /// last, for the duplicate check when each closes.
    names: Vec<Cow<'a, str>>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            names: Vec::new(),
        }
    }

    /// The unread input.
    #[inline]
    fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.pos..).unwrap_or_default()
    }

    /// The input from `start` to here.
    #[inline]
    fn since(&self, start: usize) -> Result<&'a str, ParseError> {
        self.text.get(start..self.pos).ok_or(ParseError::Syntax)
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    #[inline]
    fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.next() == Some(byte) {
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    #[inline]
    fn skip_whitespace(&mut self) {
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
                self.object_into(depth, sink(&mut Unbuilt { first }))?;
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
        Ok(Object::from_unique_members(members.0))
    }

    pub(crate) fn object_into<M: Members<'a> + ?Sized>(
        &mut self,
        depth: usize,
        members: &mut M,
    ) -> Result<(), ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.expect(b'{')?;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
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
            members.member(name, self, depth + 1)?;
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b'}') => break,
                _ => return Err(ParseError::Syntax),
            }
        }
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
    fn array_with(
        &mut self,
        depth: usize,
        mut item: impl FnMut(&mut Self, usize) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        if depth >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.expect(b'[')?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            item(self, depth + 1)?;
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b']') => return Ok(()),
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// A string literal: borrowed from the input when it has no escapes.
    #[inline]
    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
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
        let mut code = 0;
        for _ in 0..4 {
            let digit = char::from(self.next().ok_or(ParseError::Syntax)?)
                .to_digit(16)
                .ok_or(ParseError::Syntax)?;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    /// A number's text, as written.
    #[inline]
    fn number(&mut self) -> Result<&'a str, ParseError> {
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
        self.since(start)
    }

    fn digits(&mut self) {
        self.pos += self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    }

    fn required_digits(&mut self) -> Result<(), ParseError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(ParseError::Syntax);
        }
        self.digits();
        Ok(())
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

/// The members of an object checked but not built: only their names are kept,
/// on the parser's stack of names from `first` on, for the duplicate check.
/// (An object nested in a value pushes its own names and takes them off again
/// when it closes, before this object's next name is pushed.)
struct Unbuilt {
    first: usize,
}

impl<'a> Members<'a> for Unbuilt {
    fn member(
        &mut self,
        name: Cow<'a, str>,
        parser: &mut Parser<'a>,
        depth: usize,
    ) -> Result<(), ParseError> {
        parser.raw(depth)?;
        parser.names.push(name);
        Ok(())
    }

    fn has_duplicate_names(&mut self, parser: &mut Parser<'a>) -> bool {
        let names = parser.names.get(self.first..).unwrap_or_default();
        let repeated = has_duplicate_names(names.iter().map(AsRef::as_ref));
        parser.names.truncate(self.first);
        repeated
    }
}

/// Whether two names are the same. Small objects (the usual JOSE header or
/// claims set) are compared pairwise; large ones are sorted, so the check stays
/// `O(n log n)` for hostile input.
pub(crate) fn has_duplicate_names<'n>(names: impl Iterator<Item = &'n str> + Clone) -> bool {
    const PAIRWISE_LIMIT: usize = 16;
    let mut pairs = names.clone().enumerate();
    if names.clone().nth(PAIRWISE_LIMIT).is_none() {
        return pairs.any(|(i, name)| names.clone().skip(i + 1).any(|other| other == name));
    }
    let mut sorted: Vec<&str> = names.collect();
    heapsort(&mut sorted);
    sorted
        .iter()
        .zip(sorted.iter().skip(1))
        .any(|(a, b)| a == b)
}

/// Sorts in place in `O(n log n)`, without recursion or allocation. (Written
/// out because the standard library's sorts are several kilobytes of
/// WebAssembly; names are compared by their bytes.)
fn heapsort(items: &mut [&str]) {
    /// Moves the item at `root` down into the heap `items[..end]`.
    fn sift_down(items: &mut [&str], mut root: usize) {
        loop {
            let mut child = 2 * root + 1;
            let (Some(left), right) = (items.get(child), items.get(child + 1)) else {
                return;
            };
            if right.is_some_and(|right| right > left) {
                child += 1;
            }
            match (items.get(root), items.get(child)) {
                (Some(parent), Some(larger)) if larger > parent => {
                    items.swap(root, child);
                    root = child;
                }
                _ => return,
            }
        }
    }
    for root in (0..items.len() / 2).rev() {
        sift_down(items, root);
    }
    for end in (1..items.len()).rev() {
        items.swap(0, end);
        if let Some(heap) = items.get_mut(..end) {
            sift_down(heap, 0);
        }
    }
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
    fn heapsort_sorts_like_the_standard_library() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in (0..40).chain([100, 257, 1000]) {
            let words: Vec<String> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    format!("k{}", state % 50)
                })
                .collect();
            let mut sorted: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut expected = sorted.clone();
            heapsort(&mut sorted);
            expected.sort_unstable();
            assert_eq!(sorted, expected);
            let unique = expected.windows(2).all(|pair| pair[0] != pair[1]);
            assert_eq!(
                has_duplicate_names(words.iter().map(String::as_str)),
                !unique
            );
        }
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
