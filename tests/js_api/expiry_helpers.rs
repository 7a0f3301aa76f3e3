//! The expiry helpers: `expiresAt`, `secondsUntilExpiry`, `isExpired`, and
//! the leeway.

use super::{
    assert_code, forged, get_string, js, json, sign, text, thrown, token, token_with, KEY_512, NOW,
};
use jwt_edge::js::{expires_at, is_expired, seconds_until_expiry, verify, Verifier};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn expires_at_is_exp_or_undefined() {
    assert_eq!(
        expires_at(&text(&token())).expect("expiresAt"),
        Some(NOW + 900.0)
    );
    assert_eq!(expires_at(&text(&token_with(""))).expect("expiresAt"), None);
    // Not verified: a token signed with another key still has its `exp` read.
    let foreign = sign(
        &json(r#"{"exp":1234}"#),
        &text(&"z".repeat(64)),
        &json(r#"{"alg":"HS512"}"#),
    )
    .expect("sign");
    assert_eq!(
        expires_at(&text(&foreign)).expect("expiresAt"),
        Some(1234.0)
    );
    assert_code(expires_at(&text("a.b.c")), "ERR_JWS_INVALID", "malformed");
}

#[wasm_bindgen_test]
fn numeric_dates_beyond_the_fast_path_are_rounded_as_javascript_rounds_them() {
    // More than 19 significant digits, integers past 2^53 and powers of ten
    // past 10^22 leave the crate's fast path; the result must still be the
    // correctly rounded double, the one `Number` gives.
    for exp in [
        "1700000900.000000000000000000001",
        "1700000900.49999999999999999999999999999999",
        "9007199254740993",
        "9007199254740995",
        "18446744073709551617",
        "1.7000009e9",
        "17000009e-23",
        "1e23",
        "170000090000000000000000000000e-20",
        "1.00000000000000011102230246251565404236316680908203125",
        "1e-400",
        "1e400",
    ] {
        let expected = js(&format!("Number({exp:?})")).as_f64().expect("a number");
        let token = forged(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{exp}}}"#));
        let result = expires_at(&text(&token));
        if expected.is_finite() && expected < 2f64.powi(53) && expected >= 0.0 {
            assert_eq!(result.expect(exp), Some(expected), "{exp}");
        } else {
            // Out of range for a numeric date: refused whatever the rounding.
            assert_code(result, "ERR_JWT_INVALID", exp);
        }
    }
}

#[wasm_bindgen_test]
fn seconds_until_expiry_goes_negative_once_expired() {
    let token = text(&token());
    assert_eq!(
        seconds_until_expiry(&token, Some(NOW)).expect("s"),
        Some(900.0)
    );
    assert_eq!(
        seconds_until_expiry(&token, Some(NOW + 900.0)).expect("s"),
        Some(0.0)
    );
    assert_eq!(
        seconds_until_expiry(&token, Some(NOW + 1000.0)).expect("s"),
        Some(-100.0)
    );
    // The real clock is long after NOW.
    let remaining = seconds_until_expiry(&token, None)
        .expect("s")
        .expect("has exp");
    assert!(remaining < -1000.0, "{remaining}");
    assert_eq!(
        seconds_until_expiry(&text(&token_with("")), Some(NOW)).expect("s"),
        None
    );
    for now in [f64::NAN, -1.0, f64::INFINITY, 1e300] {
        assert_code(
            seconds_until_expiry(&token, Some(now)),
            "ERR_INVALID_OPTIONS",
            &format!("now {now}"),
        );
    }
}

#[wasm_bindgen_test]
fn is_expired_compares_now_with_exp_and_leeway() {
    let token = text(&token());
    let exp = NOW + 900.0;
    assert!(!is_expired(&token, Some(0.0), Some(exp - 1.0)).expect("isExpired"));
    assert!(is_expired(&token, Some(0.0), Some(exp)).expect("isExpired"));
    assert!(is_expired(&token, None, Some(exp)).expect("isExpired"));
    assert!(!is_expired(&token, Some(30.0), Some(exp + 29.0)).expect("isExpired"));
    assert!(is_expired(&token, Some(30.0), Some(exp + 30.0)).expect("isExpired"));
    assert!(is_expired(&token, Some(300.0), None).expect("the real clock is long after NOW"));
    assert!(!is_expired(&text(&token_with("")), Some(0.0), Some(1e15)).expect("no exp"));
}

#[wasm_bindgen_test]
fn is_expired_refuses_a_leeway_out_of_range() {
    let token = text(&token());
    for leeway in [
        301.0,
        -1.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
    ] {
        let error = thrown(is_expired(&token, Some(leeway), Some(NOW)));
        assert_eq!(
            get_string(&error, "code").as_deref(),
            Some("ERR_INVALID_OPTIONS"),
            "leeway {leeway}"
        );
        assert!(error.is_instance_of::<js_sys::Error>());
    }
    assert_code(
        is_expired(&token, Some(0.0), Some(f64::NAN)),
        "ERR_INVALID_OPTIONS",
        "now NaN",
    );
}

/// Leeway is a configuration value from 0 to 300 seconds: NaN, any negative
/// number, infinities and anything over 300 are refused as options, by
/// `verify`, `new Verifier` and `isExpired` alike.
/// (Rust takes a `u64`, capped by `Validation::leeway`.)
#[wasm_bindgen_test]
fn leeway_nan_negative_or_over_300_is_a_configuration_error() {
    let token = text(&token());
    for leeway in [
        "NaN",
        "-1",
        "-0.5",
        "-1e-9",
        "-Infinity",
        "Infinity",
        "300.5",
        "301",
        "1e300",
    ] {
        let options = js(&format!("({{ now: {NOW}, leeway: {leeway} }})"));
        let error = thrown(verify(&token, &text(KEY_512), &options));
        assert_eq!(
            get_string(&error, "code").as_deref(),
            Some("ERR_INVALID_OPTIONS"),
            "verify, leeway {leeway}"
        );
        let message = get_string(&error, "message").expect("a message");
        assert!(message.contains("leeway"), "{message}");
        assert_code(
            Verifier::new(&text(KEY_512), &options),
            "ERR_INVALID_OPTIONS",
            &format!("Verifier, leeway {leeway}"),
        );
        let number = js(leeway).as_f64().expect("a number");
        assert_code(
            is_expired(&token, Some(number), Some(NOW)),
            "ERR_INVALID_OPTIONS",
            &format!("isExpired, leeway {leeway}"),
        );
    }
    // The bounds themselves, negative zero and fractions within them are fine.
    for leeway in ["0", "-0", "0.5", "299.9", "300"] {
        let options = js(&format!("({{ now: {NOW}, leeway: {leeway} }})"));
        assert!(verify(&token, &text(KEY_512), &options).is_ok(), "{leeway}");
        assert!(Verifier::new(&text(KEY_512), &options).is_ok(), "{leeway}");
        let number = js(leeway).as_f64().expect("a number");
        assert!(
            is_expired(&token, Some(number), Some(NOW)).is_ok(),
            "{leeway}"
        );
    }
}
