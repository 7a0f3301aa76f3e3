//! Member names kept as places in a checked text (`checker.rs`), compared as
//! the strings they stand for: `"\u0061"` and `"a"` are the same name.

use super::duplicate_names::has_duplicates;
use core::cmp::Ordering;

/// A string literal in a checked text: where its text is, without the
/// quotes, and whether it has escapes (the top bit of `end`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Name {
    start: Place,
    end: Place,
}

/// A place in a checked text. The builds without a verifier read texts of at
/// most 16 KiB (a token's segments are at most three quarters of the default
/// 16 KiB cap), whose places fit in 15 bits: 290 bytes less gzipped in
/// `jwt-edge/decode` than 31 bits. A verifier's cap can be raised.
#[cfg(not(any(test, feature = "js-verify")))]
type Place = u16;
#[cfg(any(test, feature = "js-verify"))]
type Place = u32;

/// The bit of `Name::end` that says the literal has escapes.
const ESCAPED: Place = 1 << (Place::BITS - 1);

/// The longest text checked: where places fit in 15 bits, a token's segments
/// at most; else the longest whose places fit.
#[cfg(not(any(test, feature = "js-verify")))]
pub(crate) const MAX_TEXT: usize = 16 * 1024;
#[cfg(any(test, feature = "js-verify"))]
pub(crate) const MAX_TEXT: usize = ESCAPED as usize - 1;

impl Name {
    /// The literal from `start` to `end`.
    pub(crate) fn new(start: usize, end: usize, escaped: bool) -> Self {
        let place = |at: usize| Place::try_from(at).unwrap_or(Place::MAX) & !ESCAPED;
        Self {
            start: place(start),
            end: place(end) | if escaped { ESCAPED } else { 0 },
        }
    }

    fn escaped(self) -> bool {
        self.end & ESCAPED != 0
    }

    fn literal(self, text: &[u8]) -> &[u8] {
        #[allow(clippy::unnecessary_fallible_conversions)] // infallible where `Place` is `u16`
        let place = |at: Place| usize::try_from(at).unwrap_or(usize::MAX);
        text.get(place(self.start)..place(self.end & !ESCAPED))
            .unwrap_or_default()
    }

    /// The UTF-8 bytes of the string the literal stands for.
    fn decoded(self, text: &[u8]) -> Decoded<'_> {
        Decoded {
            rest: self.literal(text),
            pending: [0; 4],
            pending_len: 0,
            pending_at: 0,
        }
    }

    /// Whether this name is `known`.
    pub(crate) fn is(self, text: &[u8], known: &str) -> bool {
        if self.escaped() {
            self.decoded(text).eq(known.bytes())
        } else {
            self.literal(text) == known.as_bytes()
        }
    }

    /// The string the literal stands for: borrowed from `text` (checked
    /// UTF-8) unless it has escapes.
    #[cfg(any(test, verifies_in_place))]
    pub(crate) fn to_str(self, text: &[u8]) -> alloc::borrow::Cow<'_, str> {
        use alloc::borrow::Cow;
        if self.escaped() {
            let bytes = self.decoded(text).collect();
            Cow::Owned(alloc::string::String::from_utf8(bytes).unwrap_or_default())
        } else {
            Cow::Borrowed(core::str::from_utf8(self.literal(text)).unwrap_or_default())
        }
    }

    /// Whether this name is `known` (lowercase ASCII) when ASCII letters are
    /// taken as lowercase.
    pub(crate) fn is_ignoring_ascii_case(self, text: &[u8], known: &str) -> bool {
        self.decoded(text)
            .map(|byte| byte.to_ascii_lowercase())
            .eq(known.bytes())
    }

    /// The order of the strings the two names stand for (by their UTF-8 bytes).
    fn cmp(self, other: Self, text: &[u8]) -> Ordering {
        if self.escaped() || other.escaped() {
            self.decoded(text).cmp(other.decoded(text))
        } else {
            self.literal(text).cmp(other.literal(text))
        }
    }
}

/// Whether two of `names` (in `text`) are the same.
pub(crate) fn has_duplicate_names(text: &[u8], names: &mut [Name]) -> bool {
    has_duplicates(names, |a, b| a.cmp(*b, text))
}

/// The bytes of a checked literal with its escapes decoded.
struct Decoded<'t> {
    rest: &'t [u8],
    /// The UTF-8 of the last escape, from `pending_at` on still to come.
    pending: [u8; 4],
    pending_len: usize,
    pending_at: usize,
}

impl Decoded<'_> {
    /// The four hex digits at the start of `rest` (checked already).
    fn hex4(&mut self) -> u32 {
        let mut code = 0;
        for _ in 0..4 {
            let Some((&digit, rest)) = self.rest.split_first() else {
                break;
            };
            self.rest = rest;
            code = code * 16 + char::from(digit).to_digit(16).unwrap_or(0);
        }
        code
    }

    /// The code point of the escape after a backslash.
    fn escape(&mut self) -> u32 {
        let Some((&kind, rest)) = self.rest.split_first() else {
            return 0;
        };
        self.rest = rest;
        match kind {
            b'b' => 0x8,
            b'f' => 0xc,
            b'n' => u32::from(b'\n'),
            b'r' => u32::from(b'\r'),
            b't' => u32::from(b'\t'),
            b'u' => {
                let first = self.hex4();
                if (0xD800..=0xDBFF).contains(&first) {
                    // `\u` and the low surrogate (the checker made sure).
                    self.rest = self.rest.get(2..).unwrap_or_default();
                    0x10000 + ((first - 0xD800) << 10) + (self.hex4().wrapping_sub(0xDC00) & 0x3ff)
                } else {
                    first
                }
            }
            other => u32::from(other),
        }
    }
}

impl Iterator for Decoded<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        if let Some(&byte) = self.pending.get(self.pending_at..self.pending_len)?.first() {
            self.pending_at += 1;
            return Some(byte);
        }
        let (&byte, rest) = self.rest.split_first()?;
        self.rest = rest;
        if byte != b'\\' {
            return Some(byte);
        }
        let code = self.escape();
        // UTF-8, written out: `char::encode_utf8` carries a formatted panic.
        #[allow(clippy::cast_possible_truncation)] // each is masked to a byte
        let (len, bytes) = match code {
            0..0x80 => (1, [code as u8, 0, 0, 0]),
            0x80..0x800 => (
                2,
                [0xc0 | (code >> 6) as u8, 0x80 | (code & 0x3f) as u8, 0, 0],
            ),
            0x800..0x10000 => (
                3,
                [
                    0xe0 | (code >> 12) as u8,
                    0x80 | (code >> 6 & 0x3f) as u8,
                    0x80 | (code & 0x3f) as u8,
                    0,
                ],
            ),
            _ => (
                4,
                [
                    0xf0 | (code >> 18 & 0x07) as u8,
                    0x80 | (code >> 12 & 0x3f) as u8,
                    0x80 | (code >> 6 & 0x3f) as u8,
                    0x80 | (code & 0x3f) as u8,
                ],
            ),
        };
        self.pending = bytes;
        self.pending_len = len;
        self.pending_at = 1;
        Some(bytes[0])
    }
}
