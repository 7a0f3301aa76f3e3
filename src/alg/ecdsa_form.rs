//! An ECDSA signature's form checked, and written in DER, from its bytes
//! alone, before it is handed to the runtime's own crypto
//! (`src/public_key/hand_over.rs`).
//!
//! Written here rather than through the curve crates' types for speed: per
//! ES256 verification in Node 20, the crates' `Signature::from_slice` (its
//! scalars decoded to check them) and `to_der` took 0.56 µs of WebAssembly
//! where these comparisons and this encoding take 0.03 µs. The orders are
//! the curves' own: the tests compare them with the curve crates'.

use alloc::vec::Vec;

/// The order of P-256's group, big-endian (SEC 2 §2.4.2).
pub(crate) const P256_ORDER: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
];

/// The order of P-384's group, big-endian (SEC 2 §2.5.1).
pub(crate) const P384_ORDER: [u8; 48] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xc7, 0x63, 0x4d, 0x81, 0xf4, 0x37, 0x2d, 0xdf,
    0x58, 0x1a, 0x0d, 0xb2, 0x48, 0xb0, 0xa7, 0x7a, 0xec, 0xec, 0x19, 0x6a, 0xcc, 0xc5, 0x29, 0x73,
];

/// The order of P-521's group, big-endian in 66 bytes (SEC 2 §2.6.1).
pub(crate) const P521_ORDER: [u8; 66] = [
    0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xfa, 0x51, 0x86, 0x87, 0x83, 0xbf, 0x2f, 0x96, 0x6b, 0x7f, 0xcc, 0x01, 0x48, 0xf7, 0x09,
    0xa5, 0xd0, 0x3b, 0xb5, 0xc9, 0xb8, 0x89, 0x9c, 0x47, 0xae, 0xbb, 0x6f, 0xb7, 0x1e, 0x91, 0x38,
    0x64, 0x09,
];

/// Whether `signature` is `r || s`, each exactly as long as `order` and
/// nonzero and below it (CVE-2022-21449). Big-endian numbers of one length
/// compare as byte strings.
pub(crate) fn r_and_s_in_range(signature: &[u8], order: &[u8]) -> bool {
    let in_range = |half: &[u8]| half.iter().any(|&byte| byte != 0) && half < order;
    signature.len() == 2 * order.len() && {
        let (r, s) = signature.split_at(order.len());
        in_range(r) && in_range(s)
    }
}

/// Appends `signature` (`r || s`, both nonzero) DER-encoded:
/// `SEQUENCE { INTEGER r, INTEGER s }` (RFC 3279 §2.2.3), each integer in
/// its fewest bytes, with a zero byte before one whose top bit is set. Every
/// length is below 256 (P-521's sequence is at most 138 bytes long).
pub(crate) fn write_der(signature: &[u8], out: &mut Vec<u8>) {
    let (r, s) = signature.split_at(signature.len() / 2);
    let (r, s) = (minimal(r), minimal(s));
    push_header(out, 0x30, integer_len(r) + integer_len(s));
    for integer in [r, s] {
        let padded = integer.first().is_some_and(|&byte| byte >= 0x80);
        push_header(out, 0x02, integer.len() + usize::from(padded));
        if padded {
            out.push(0);
        }
        out.extend_from_slice(integer);
    }
}

/// `bytes` without its leading zero bytes, but at least one byte.
fn minimal(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&byte| byte != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    bytes.get(start..).unwrap_or_default()
}

/// The DER encoding's length of the INTEGER `integer` (minimal).
fn integer_len(integer: &[u8]) -> usize {
    let content = integer.len() + usize::from(integer.first().is_some_and(|&byte| byte >= 0x80));
    1 + length_len(content) + content
}

/// How many bytes DER writes the length `len` (below 256) in.
fn length_len(len: usize) -> usize {
    if len < 0x80 {
        1
    } else {
        2
    }
}

/// A tag and the length `len` (below 256) that follows it.
fn push_header(out: &mut Vec<u8>, tag: u8, len: usize) {
    // Below 256 (see `write_der`): the casts are exact.
    #[allow(clippy::cast_possible_truncation)]
    let len = len as u8;
    if len < 0x80 {
        out.extend_from_slice(&[tag, len]);
    } else {
        out.extend_from_slice(&[tag, 0x81, len]);
    }
}

#[cfg(test)]
mod tests;
