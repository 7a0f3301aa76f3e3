//! Rule 2: a length cap, applied before anything else.

use super::{assert_verifies, error_of, key, raw, validation, verify_with};
use crate::common::codes::JWS_INVALID;
use crate::common::{code, EXP};
use jwt_edge::{decode_unverified, verify_jws, DEFAULT_MAX_TOKEN_LENGTH};

/// A validly signed token of exactly `length` bytes.
fn token_of_length(length: usize) -> String {
    let encoded_len = |bytes: usize| (4 * bytes).div_ceil(3);
    let signature_len = encoded_len(32);
    let payload_base = format!(r#"{{"exp":{EXP},"x":""}}"#).len();
    for pad in 0..3 {
        let header = format!(r#"{{"alg":"HS256"{}}}"#, " ".repeat(pad));
        for filler in 0..length {
            let total =
                encoded_len(header.len()) + encoded_len(payload_base + filler) + signature_len + 2;
            if total == length {
                let payload = format!(r#"{{"exp":{EXP},"x":"{}"}}"#, "a".repeat(filler));
                let token = raw(&header, &payload);
                assert_eq!(token.len(), length);
                return token;
            }
            if total > length {
                break;
            }
        }
    }
    panic!("no token of length {length}");
}

#[test]
fn rule_2_oversized_input_is_refused_before_it_is_split_or_decoded() {
    let garbage: String = "\u{1}!%\u{e9}=+/ ".chars().cycle().take(1 << 20).collect();
    let dots = ".".repeat(100_000);
    for (what, input) in [("1 MB of garbage", garbage), ("100,000 dots", dots)] {
        for error in [
            error_of(&input, &validation()),
            decode_unverified(&input).expect_err("refused"),
        ] {
            assert_eq!(error.code(), JWS_INVALID, "{what}");
            assert_eq!(
                error.reason(),
                Some("token is longer than the configured maximum"),
                "{what}: refused by the cap, not by a later check"
            );
        }
    }
}

#[test]
fn rule_2_default_cap_is_16_kib() {
    assert_eq!(DEFAULT_MAX_TOKEN_LENGTH, 16 * 1024);
    let at_cap = token_of_length(DEFAULT_MAX_TOKEN_LENGTH);
    assert_verifies(&at_cap, &validation());
    assert!(decode_unverified(&at_cap).is_ok());

    let over = token_of_length(DEFAULT_MAX_TOKEN_LENGTH + 1);
    assert_eq!(verify_with(&over, &validation()), Err(JWS_INVALID));
    assert_eq!(code(decode_unverified(&over)), Err(JWS_INVALID));
    assert_eq!(
        code(verify_jws(&over, &key(), &validation())),
        Err(JWS_INVALID)
    );
    // The same token is fine once the cap allows it: only its length was wrong.
    assert_verifies(
        &over,
        &validation().max_token_length(DEFAULT_MAX_TOKEN_LENGTH + 1),
    );
}

#[test]
fn rule_2_custom_cap_is_exact() {
    let token = token_of_length(1000);
    // Just under the cap, and at it: accepted.
    assert_verifies(&token, &validation().max_token_length(1001));
    assert_verifies(&token, &validation().max_token_length(1000));
    // One byte over: refused.
    let capped = validation().max_token_length(999);
    assert_eq!(verify_with(&token, &capped), Err(JWS_INVALID));
    assert_eq!(code(verify_jws(&token, &key(), &capped)), Err(JWS_INVALID));
}
