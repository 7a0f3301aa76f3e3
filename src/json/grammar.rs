//! The pieces of RFC 8259's grammar both readers scan alike: numbers and the
//! four hex digits of a `\u` escape (the parser, `parser.rs` and
//! `string_literal.rs`, and the checker, `checker.rs`).

/// Where the number that starts at `start` of `bytes` ends: `-`, an integer
/// without leading zeros, a fraction, an exponent; `None` when it is not one.
#[inline]
pub(super) fn number_end(bytes: &[u8], start: usize) -> Option<usize> {
    let at = |pos: usize| bytes.get(pos).copied();
    let digits = |mut pos: usize| {
        while matches!(at(pos), Some(b'0'..=b'9')) {
            pos += 1;
        }
        pos
    };
    let required_digits = |pos: usize| matches!(at(pos), Some(b'0'..=b'9')).then(|| digits(pos));
    let mut pos = start;
    if at(pos) == Some(b'-') {
        pos += 1;
    }
    pos = match at(pos)? {
        b'0' => pos + 1,
        b'1'..=b'9' => digits(pos + 1),
        _ => return None,
    };
    if at(pos) == Some(b'.') {
        pos = required_digits(pos + 1)?;
    }
    if matches!(at(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(at(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        pos = required_digits(pos)?;
    }
    Some(pos)
}

/// The value of the four hex digits at `at` of `bytes`; `None` when they are
/// not four hex digits.
#[inline]
pub(super) fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0, |code, &digit| {
        Some(code * 16 + char::from(digit).to_digit(16)?)
    })
}
