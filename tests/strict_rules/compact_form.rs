//! Rule 1: the compact form only, three non-empty segments of canonical
//! base64url.

use super::{
    assert_malformed, assert_verifies, error_of, insert_middle, mutate_segment, parts, segment,
    sign_segments, valid_token_where, validation, verify_with, with_payload, ALPHABET, SEGMENTS,
};
use crate::common::codes::SIGNATURE_FAILED;
use crate::common::{unb64, EXP};
use base64::Engine as _;

#[test]
fn rule_1_compact_form_only_three_nonempty_segments() {
    let token = with_payload(&format!(r#"{{"exp":{EXP}}}"#));
    assert_verifies(&token, &validation());
    let [header, payload, signature] = parts(&token);

    // Fewer or more than three segments. The reason is checked too: with more
    // than three, the extra dots would otherwise only be caught later, as bad
    // base64url in the signature.
    for (what, bad) in [
        ("empty string", String::new()),
        ("one dot", ".".into()),
        ("three dots", "...".into()),
        ("one segment", header.into()),
        ("two segments", format!("{header}.{payload}")),
        ("four segments, empty", format!("{token}.")),
        ("four segments", format!("{token}.{signature}")),
        ("six segments", format!("{token}.{token}")),
        (
            "JSON serialization",
            format!(
                r#"{{"payload":"{payload}","protected":"{header}","signature":"{signature}"}}"#
            ),
        ),
    ] {
        assert_malformed(&bad, what);
        assert_eq!(
            error_of(&bad, &validation()).reason(),
            Some("a compact JWS has exactly three segments"),
            "{what}"
        );
    }

    // Empty header or payload, signed over exactly what they contain.
    for (what, bad) in [
        ("two dots", "..".into()),
        ("empty header", sign_segments("", payload)),
        ("empty payload", sign_segments(header, "")),
        ("empty header and payload", sign_segments("", "")),
    ] {
        assert_malformed(&bad, what);
    }

    // An empty signature segment is well-formed but never a valid signature.
    let unsigned = format!("{header}.{payload}.");
    assert_eq!(verify_with(&unsigned, &validation()), Err(SIGNATURE_FAILED));
}

#[test]
fn rule_1_base64url_only_no_plus_or_slash_in_any_segment() {
    for which in SEGMENTS {
        for (url_safe, standard) in [('-', '+'), ('_', '/')] {
            let token = valid_token_where(which, |s| s.contains(url_safe));
            let bad = mutate_segment(&token, which, |s| {
                s.replace(url_safe, &standard.to_string())
            });
            assert_malformed(&bad, &format!("{standard:?} in the {which:?}"));
        }
    }
}

#[test]
fn rule_1_no_padding_in_any_segment() {
    for which in SEGMENTS {
        let token = valid_token_where(which, |s| s.len() % 4 != 0);
        // The padding a standard encoder would write, then one stray '='.
        let bad = mutate_segment(&token, which, |s| {
            format!("{s}{}", "=".repeat(4 - s.len() % 4))
        });
        assert_malformed(&bad, &format!("padding on the {which:?}"));
        let bad = mutate_segment(&token, which, |s| format!("{s}="));
        assert_malformed(&bad, &format!("one '=' on the {which:?}"));
        let bad = mutate_segment(&token, which, |s| insert_middle(s, "=="));
        assert_malformed(&bad, &format!("'==' inside the {which:?}"));
    }
}

#[test]
fn rule_1_no_whitespace_in_any_segment() {
    for which in SEGMENTS {
        let token = valid_token_where(which, |_| true);
        for space in [" ", "\t", "\n", "\r", "\r\n", "\u{a0}", "\u{2028}"] {
            for (place, bad) in [
                (
                    "inside",
                    mutate_segment(&token, which, |s| insert_middle(s, space)),
                ),
                (
                    "before",
                    mutate_segment(&token, which, |s| format!("{space}{s}")),
                ),
                (
                    "after",
                    mutate_segment(&token, which, |s| format!("{s}{space}")),
                ),
            ] {
                assert_malformed(&bad, &format!("{space:?} {place} the {which:?}"));
            }
        }
    }
}

#[test]
fn rule_1_no_non_canonical_trailing_bits_in_any_segment() {
    for which in SEGMENTS {
        // Only encodings of a length that is not a multiple of 4 have unused
        // bits in their last character; its lowest bit is always one of them.
        let token = valid_token_where(which, |s| s.len() % 4 != 0);
        let bad = mutate_segment(&token, which, |s| {
            let (head, last) = s.split_at(s.len() - 1);
            let index = ALPHABET
                .iter()
                .position(|&c| c == last.as_bytes()[0])
                .expect("base64url character");
            format!("{head}{}", char::from(ALPHABET[index ^ 1]))
        });
        // Both spellings decode to the same bytes with a lenient decoder.
        let lenient = base64::engine::GeneralPurpose::new(
            &base64::alphabet::URL_SAFE,
            base64::engine::GeneralPurposeConfig::new()
                .with_encode_padding(false)
                .with_decode_allow_trailing_bits(true)
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireNone),
        );
        assert_eq!(
            lenient.decode(segment(&bad, which)).expect("lenient"),
            unb64(segment(&token, which))
        );
        assert_malformed(&bad, &format!("trailing bits of the {which:?}"));
    }
}

#[test]
fn rule_1_other_characters_and_impossible_lengths_are_malformed() {
    for which in SEGMENTS {
        let token = valid_token_where(which, |_| true);
        for odd in [
            "?", "#", "!", "*", "%", "~", "$", "\0", "\u{e9}", "\u{ff0d}", "\\",
        ] {
            let bad = mutate_segment(&token, which, |s| insert_middle(s, odd));
            assert_malformed(&bad, &format!("{odd:?} in the {which:?}"));
        }
        // A base64 length of 4n + 1 encodes no whole number of bytes.
        let bad = mutate_segment(&token, which, |s| {
            let mut s = s.to_string();
            while s.len() % 4 != 1 {
                s.push('A');
            }
            s
        });
        assert_malformed(&bad, &format!("impossible length of the {which:?}"));
    }
}
