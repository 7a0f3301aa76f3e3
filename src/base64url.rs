//! Strict base64url without padding (RFC 7515 §2, Appendix C).

use alloc::string::String;
use alloc::vec::Vec;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Decodes one segment of a compact JWS.
///
/// Only the URL-safe alphabet is accepted: `+`, `/`, `=` padding, white space and
/// non-canonical trailing bits (two encodings of the same bytes) are all refused,
/// so every token has exactly one spelling.
pub(crate) fn decode(segment: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(segment).ok()
}

/// Encodes bytes as base64url without padding, appending to `out`.
pub(crate) fn encode_into(bytes: &[u8], out: &mut String) {
    URL_SAFE_NO_PAD.encode_string(bytes, out);
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn refuses_non_canonical_trailing_bits() {
        // "YQ" is the canonical encoding of "a"; "YR" decodes to the same byte
        // with a non-zero trailing bit.
        assert_eq!(decode("YQ"), Some(b"a".to_vec()));
        assert_eq!(decode("YR"), None);
    }

    #[test]
    fn refuses_impossible_length() {
        assert_eq!(decode("Y"), None);
    }
}
