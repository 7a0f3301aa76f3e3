//! Rule 7: numeric dates and the time checks, and the expiry helpers of an
//! unverified token.

use super::{
    assert_claim_failure, assert_verifies, error_of, lax, validation, verify_with, with_payload,
};
use crate::common::codes::{EXPIRED, JWT_INVALID};
use crate::common::{code, EXP, NOW};
use jwt_edge::{decode_unverified, Error, NumericDate, Validation};

#[test]
fn rule_7_exp_nbf_iat_must_be_json_numbers() {
    let not_numbers = [
        format!(r#""{EXP}""#),
        r#""99999999999""#.into(),
        r#""""#.into(),
        "true".into(),
        "false".into(),
        "null".into(),
        "{}".into(),
        format!("[{EXP}]"),
        "1e400".into(),
        "-1e400".into(),
        "-1".into(),
        "-0.5".into(),
        format!("-{EXP}"),
        "9007199254740993".into(),
        "18446744073709551616".into(),
        "1e16".into(),
        "9007199254740992.5".into(),
    ];
    for claim in ["exp", "nbf", "iat"] {
        for value in &not_numbers {
            let payload = if claim == "exp" {
                format!(r#"{{"exp":{value}}}"#)
            } else {
                format!(r#"{{"exp":{EXP},"{claim}":{value}}}"#)
            };
            let token = with_payload(&payload);
            assert_eq!(
                verify_with(&token, &validation()),
                Err(JWT_INVALID),
                "{payload}"
            );
            assert_eq!(verify_with(&token, &lax()), Err(JWT_INVALID), "{payload}");
        }
    }
    // The largest NumericDate, 2^53, is a number like any other.
    assert_verifies(&with_payload(r#"{"exp":9007199254740992}"#), &validation());
}

#[test]
fn rule_7_cve_2026_25537_string_nbf_is_refused() {
    // The proof of concept: a string `nbf` that a lenient library skips.
    let token = with_payload(r#"{"nbf":"99999999999","exp":10000000000}"#);
    assert_eq!(verify_with(&token, &validation()), Err(JWT_INVALID));
    assert_eq!(verify_with(&token, &lax()), Err(JWT_INVALID));
    assert_eq!(code(decode_unverified(&token)), Err(JWT_INVALID));
    // With a numeric `nbf` it is a not-yet-valid token, as intended.
    let numeric = with_payload(r#"{"nbf":99999999999,"exp":100000000000}"#);
    assert_claim_failure(&numeric, &validation(), "nbf", "check_failed");
}

#[test]
fn rule_7_fractional_dates_work() {
    let token = with_payload(r#"{"exp":1000.5}"#);
    assert_verifies(&token, &Validation::new(1000));
    assert_eq!(verify_with(&token, &Validation::new(1001)), Err(EXPIRED));

    let token = with_payload(r#"{"nbf":1000.5,"exp":2000}"#);
    assert_claim_failure(&token, &Validation::new(1000), "nbf", "check_failed");
    assert_verifies(&token, &Validation::new(1001));
}

#[test]
fn rule_7_exp_is_exclusive_with_leeway() {
    let token = with_payload(&format!(r#"{{"exp":{EXP}}}"#));
    assert_verifies(&token, &Validation::new(EXP - 1));
    let error = error_of(&token, &Validation::new(EXP));
    assert_eq!(error.code(), EXPIRED, "exp == now is expired");
    assert_eq!(error.claim(), Some("exp"));
    let leeway = |now| Validation::new(now).leeway(10).expect("valid leeway");
    assert_verifies(&token, &leeway(EXP + 9));
    assert_eq!(verify_with(&token, &leeway(EXP + 10)), Err(EXPIRED));
}

#[test]
fn rule_7_nbf_is_inclusive_with_leeway() {
    let nbf = NOW;
    let token = with_payload(&format!(r#"{{"nbf":{nbf},"exp":{EXP}}}"#));
    assert_verifies(&token, &Validation::new(nbf));
    assert_claim_failure(&token, &Validation::new(nbf - 1), "nbf", "check_failed");
    let leeway = |now| Validation::new(now).leeway(10).expect("valid leeway");
    assert_verifies(&token, &leeway(nbf - 10));
    assert_claim_failure(&token, &leeway(nbf - 11), "nbf", "check_failed");
}

#[test]
fn rule_7_iat_must_not_be_in_the_future() {
    let token = with_payload(&format!(r#"{{"iat":{NOW},"exp":{EXP}}}"#));
    assert_verifies(&token, &Validation::new(NOW));
    assert_claim_failure(&token, &Validation::new(NOW - 1), "iat", "check_failed");
    let leeway = |now| Validation::new(now).leeway(10).expect("valid leeway");
    assert_verifies(&token, &leeway(NOW - 10));
    assert_claim_failure(&token, &leeway(NOW - 11), "iat", "check_failed");
}

#[test]
fn rule_7_max_age_is_checked_on_iat() {
    let issued = NOW - 100;
    let token = with_payload(&format!(r#"{{"iat":{issued},"exp":{EXP}}}"#));
    assert_verifies(&token, &validation().max_age(100));
    // Too old is expired, as in jose: ERR_JWT_EXPIRED with claim iat.
    let error = error_of(&token, &validation().max_age(99));
    assert_eq!(
        (error.code(), error.claim(), error.reason()),
        ("ERR_JWT_EXPIRED", Some("iat"), Some("check_failed"))
    );
    let leeway = validation().max_age(95).leeway(5).expect("valid leeway");
    assert_verifies(&token, &leeway);
    // max_age makes iat required.
    let no_iat = with_payload(&format!(r#"{{"exp":{EXP}}}"#));
    assert_claim_failure(&no_iat, &validation().max_age(100), "iat", "missing");
}

#[test]
fn rule_7_leeway_is_capped_at_300_seconds() {
    assert!(Validation::new(NOW).leeway(300).is_ok());
    for leeway in [301, 3600, u64::MAX] {
        let error = Validation::new(NOW)
            .leeway(leeway)
            .expect_err("too much leeway");
        assert_eq!(error.code(), "ERR_INVALID_OPTIONS");
        let Error::InvalidOptions { option, .. } = &error else {
            panic!("expected InvalidOptions, got {error:?}");
        };
        assert_eq!(option, "leeway");
    }
}
#[test]
fn unverified_token_expiry_helpers() {
    let token = decode_unverified(&with_payload(&format!(r#"{{"exp":{EXP}}}"#))).expect("ok");
    assert_eq!(token.expires_at().map(NumericDate::as_secs), Some(EXP));
    assert_eq!(token.seconds_until_expiry(EXP - 100), Some(100));
    assert_eq!(token.seconds_until_expiry(EXP), Some(0));
    assert_eq!(token.seconds_until_expiry(EXP + 5), Some(-5));
    assert!(!token.is_expired(EXP - 1, 0));
    assert!(token.is_expired(EXP, 0));
    assert!(!token.is_expired(EXP + 9, 10));
    assert!(token.is_expired(EXP + 10, 10));
    assert!(token.is_expired(u64::MAX, 0));

    let forever = decode_unverified(&with_payload(r#"{"sub":"user-1"}"#)).expect("ok");
    assert_eq!(forever.expires_at(), None);
    assert_eq!(forever.seconds_until_expiry(NOW), None);
    assert!(!forever.is_expired(u64::MAX, 0));
}
