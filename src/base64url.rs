//! Strict base64url without padding (RFC 7515 §2, Appendix C).
//!
//! Written out here rather than taken from a general-purpose crate: the JWS
//! alphabet is one fixed case, and this keeps the WebAssembly build small and
//! free of panicking paths (every table index is provably in bounds).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Marks a byte outside the alphabet in [`DECODE`].
const INVALID: u8 = 0xff;

/// The 6-bit value of each alphabet byte; [`INVALID`] for every other byte.
static DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut index = 0;
    while index < 64 {
        // `index` is below 64: the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        let value = index as u8;
        table[ALPHABET[index] as usize] = value;
        index += 1;
    }
    table
};

/// The 6-bit value of `byte`, or [`INVALID`] outside the URL-safe alphabet.
fn sextet(byte: u8) -> u32 {
    u32::from(DECODE[usize::from(byte)])
}

/// Whether all of `sextets` are alphabet values (an [`INVALID`] has bit 6 set).
fn all_valid(sextets: &[u32]) -> bool {
    sextets.iter().fold(0, |any, &value| any | value) < 64
}

/// The number of bytes a segment of `len` characters decodes to; `None` for
/// a length no encoding has (one character past a whole group).
pub(crate) fn decoded_len(len: usize) -> Option<usize> {
    match len % 4 {
        0 => Some(len / 4 * 3),
        2 => Some(len / 4 * 3 + 1),
        3 => Some(len / 4 * 3 + 2),
        _ => None,
    }
}

/// Decodes the segment at `segment` of `buffer` into the same buffer from
/// `to` on, `to` at most `segment.start`; the decoded length. Each group of
/// four characters is read before its three bytes are written, so the bytes
/// never overtake the characters still to read. For reading a token in its
/// own buffer without allocating (`token/in_place.rs`).
#[cfg(any(test, not(feature = "js-verify"), verifies_in_place))]
pub(crate) fn decode_within(buffer: &mut [u8], segment: Range<usize>, to: usize) -> Option<usize> {
    let len = decoded_len(segment.len())?;
    let (mut bits, mut count, mut out) = (0u32, 0, to);
    let mut put = |buffer: &mut [u8], byte: u32| -> Option<()> {
        // Masked to a byte.
        #[allow(clippy::cast_possible_truncation)]
        let byte = (byte & 0xff) as u8;
        *buffer.get_mut(out)? = byte;
        out += 1;
        Some(())
    };
    for at in segment {
        let value = sextet(*buffer.get(at)?);
        if value >= 64 {
            return None;
        }
        bits = bits << 6 | value;
        count += 1;
        if count == 4 {
            for shift in [16, 8, 0] {
                put(buffer, bits >> shift)?;
            }
            (bits, count) = (0, 0);
        }
    }
    // The unused low bits of a final partial group must be zero.
    match count {
        2 if bits.trailing_zeros() >= 4 => put(buffer, bits >> 4)?,
        3 if bits.trailing_zeros() >= 2 => {
            put(buffer, bits >> 10)?;
            put(buffer, bits >> 2)?;
        }
        0 => {}
        _ => return None,
    }
    Some(len)
}

/// Decodes one segment of a compact JWS.
///
/// Only the URL-safe alphabet is accepted: `+`, `/`, `=` padding, white space and
/// non-canonical trailing bits (two encodings of the same bytes) are all refused,
/// so every token has exactly one spelling.
pub(crate) fn decode(segment: &str) -> Option<Vec<u8>> {
    // Not `vec![0; n]`: `calloc` can cost more than the decoding (glibc runs
    // its fast-bin consolidation for it).
    let mut out = Vec::with_capacity(decoded_len(segment.len())?);
    decode_onto(segment, &mut out)?;
    Some(out)
}

/// [`decode`] appended to `out`; returns where the bytes are. On failure `out`
/// is left as it was.
pub(crate) fn decode_onto(segment: &str, out: &mut Vec<u8>) -> Option<Range<usize>> {
    let start = out.len();
    let end = start.checked_add(decoded_len(segment.len())?)?;
    out.resize(end, 0);
    let decoded = out
        .get_mut(start..)
        .and_then(|tail| decode_to(segment.as_bytes(), tail));
    if decoded.is_none() {
        out.truncate(start);
    }
    decoded.map(|()| start..end)
}

/// [`decode`] into `buffer` when the bytes fit in it, else onto the heap.
pub(crate) fn decode_in<'b>(segment: &str, buffer: &'b mut [u8]) -> Option<Cow<'b, [u8]>> {
    let len = decoded_len(segment.len())?;
    match buffer.get_mut(..len) {
        Some(out) => {
            decode_to(segment.as_bytes(), out)?;
            Some(Cow::Borrowed(out))
        }
        None => decode(segment).map(Cow::Owned),
    }
}

/// Decodes `segment` into `out`, which is exactly [`decoded_len`] long.
fn decode_to(segment: &[u8], out: &mut [u8]) -> Option<()> {
    let (octets, rest) = segment.as_chunks::<8>();
    let (quad, tail) = match rest.split_first_chunk::<4>() {
        Some((quad, tail)) => (Some(quad), tail),
        None => (None, rest),
    };
    let (whole, last) = out.split_at_mut_checked(segment.len() / 4 * 3)?;
    // Eight characters (six bytes) at a time, stored as one eight-byte word
    // where the two bytes past the group are still to be written (by the next
    // group), else as six bytes.
    let mut position = 0;
    for octet in octets {
        let (mut bits, mut any) = (0u64, 0u64);
        for &byte in octet {
            let value = u64::from(DECODE[usize::from(byte)]);
            any |= value;
            bits = bits << 6 | value;
        }
        if any >= 64 {
            return None;
        }
        let bytes = (bits << 16).to_be_bytes();
        if let Some(word) = whole.get_mut(position..position + 8) {
            word.copy_from_slice(&bytes);
        } else if let (Some(group), Some(six)) = (
            whole.get_mut(position..position + 6),
            bytes.first_chunk::<6>(),
        ) {
            group.copy_from_slice(six);
        }
        position += 6;
    }
    let triple = whole.get_mut(position..).unwrap_or_default();
    match (quad, triple) {
        (Some(quad), [b0, b1, b2]) => {
            let [s0, s1, s2, s3] = quad.map(sextet);
            if !all_valid(&[s0, s1, s2, s3]) {
                return None;
            }
            [_, *b0, *b1, *b2] = (s0 << 18 | s1 << 12 | s2 << 6 | s3).to_be_bytes();
        }
        (None, []) => {}
        // Not reached: `out` has the length `decoded_len` gives.
        _ => return None,
    }
    // The bits of a partial group beyond its last whole byte must be zero.
    match (tail, last) {
        ([], []) => {}
        (&[c0, c1], [b0]) => {
            let [s0, s1] = [c0, c1].map(sextet);
            if !all_valid(&[s0, s1]) || s1 & 0xf != 0 {
                return None;
            }
            [.., *b0] = (s0 << 2 | s1 >> 4).to_be_bytes();
        }
        (&[c0, c1, c2], [b0, b1]) => {
            let [s0, s1, s2] = [c0, c1, c2].map(sextet);
            if !all_valid(&[s0, s1, s2]) || s2 & 0x3 != 0 {
                return None;
            }
            [.., *b0, *b1] = (s0 << 10 | s1 << 4 | s2 >> 2).to_be_bytes();
        }
        // One character is never a whole byte (and `out` has the length
        // `decoded_len` gives).
        _ => return None,
    }
    Some(())
}

/// The alphabet byte for the low six bits of `bits`.
fn character(bits: u32) -> u8 {
    ALPHABET[(bits & 0x3f) as usize]
}

/// Encodes bytes as base64url without padding, appending to `out`.
pub(crate) fn encode_into(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len().div_ceil(3) * 4);
    // 48 bytes at a time into 64 characters on the stack, appended at once
    // (pushing characters one by one checks the capacity for each).
    let mut block = [0u8; 64];
    for chunk in bytes.chunks(48) {
        let (triples, tail) = chunk.as_chunks::<3>();
        let mut len = 0;
        for (&[b0, b1, b2], quad) in triples.iter().zip(block.as_chunks_mut::<4>().0) {
            let bits = u32::from(b0) << 16 | u32::from(b1) << 8 | u32::from(b2);
            *quad = [18, 12, 6, 0].map(|shift| character(bits >> shift));
            len += 4;
        }
        // Only the last chunk has a tail (48 is a multiple of three).
        match (tail, block.get_mut(len..).unwrap_or_default()) {
            (&[b0], [c0, c1, ..]) => {
                let bits = u32::from(b0);
                [*c0, *c1] = [character(bits >> 2), character(bits << 4)];
                len += 2;
            }
            (&[b0, b1], [c0, c1, c2, ..]) => {
                let bits = u32::from(b0) << 8 | u32::from(b1);
                [*c0, *c1, *c2] = [
                    character(bits >> 10),
                    character(bits >> 4),
                    character(bits << 2),
                ];
                len += 3;
            }
            _ => {}
        }
        // The alphabet is ASCII, so the block is always valid UTF-8.
        let text = block.get(..len).unwrap_or_default();
        out.push_str(core::str::from_utf8(text).unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;

    fn encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        encode_into(bytes, &mut out);
        out
    }

    #[test]
    fn refuses_padding_standard_alphabet_and_whitespace() {
        assert_eq!(decode("YWI"), Some(b"ab".to_vec()));
        assert_eq!(decode("YWI="), None);
        assert_eq!(decode("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(decode("+/8"), None);
        assert_eq!(decode("YW I"), None);
        assert_eq!(decode("YWI\n"), None);
    }

    #[test]
    fn decoding_onto_a_buffer_appends_or_leaves_it_unchanged() {
        let mut out = b"{".to_vec();
        assert_eq!(decode_onto("YWI", &mut out), Some(1..3));
        assert_eq!(out, b"{ab");
        // A bad character near the end, after most bytes were written.
        assert_eq!(decode_onto("YWJjZGVmZ2g*", &mut out), None);
        assert_eq!(decode_onto("Y", &mut out), None);
        assert_eq!(out, b"{ab");
    }

    #[test]
    fn refuses_non_canonical_trailing_bits() {
        // "YQ" is the canonical encoding of "a"; "YR" decodes to the same byte
        // with a non-zero trailing bit.
        assert_eq!(decode("YQ"), Some(b"a".to_vec()));
        assert_eq!(decode("YR"), None);
        assert_eq!(decode("YWI"), Some(b"ab".to_vec()));
        assert_eq!(decode("YWJ"), None);
    }

    #[test]
    fn refuses_impossible_length() {
        assert_eq!(decode("Y"), None);
        assert_eq!(decode("YWJjZ"), None);
    }

    /// The encoder and the strict decoder agree with the `base64` crate's
    /// URL-safe, unpadded engine on every length and every byte value, and the
    /// decoder refuses exactly what that engine refuses.
    #[test]
    fn agrees_with_the_base64_crate() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for start in 0..bytes.len() {
            for len in [
                0, 1, 2, 3, 4, 5, 31, 32, 33, 47, 48, 49, 50, 64, 95, 96, 97, 98, 145, 200,
            ] {
                let Some(input) = bytes.get(start..start + len) else {
                    continue;
                };
                let text = encode(input);
                assert_eq!(text, URL_SAFE_NO_PAD.encode(input));
                assert_eq!(decode(&text).as_deref(), Some(input));
            }
        }
        // Every string of up to five characters over a mix of the alphabet's
        // edges, the standard alphabet, padding, white space and non-ASCII.
        let alphabet = [
            'A', 'Q', 'g', 'w', '_', '-', '+', '/', '=', ' ', 'Z', '9', 'é',
        ];
        let mut candidates = vec![String::new()];
        for _ in 0..5 {
            candidates = candidates
                .iter()
                .flat_map(|prefix| {
                    alphabet.iter().map(move |&c| {
                        let mut text = prefix.clone();
                        text.push(c);
                        text
                    })
                })
                .collect();
            for text in &candidates {
                assert_eq!(decode(text), URL_SAFE_NO_PAD.decode(text).ok(), "{text:?}");
            }
        }
    }
}
