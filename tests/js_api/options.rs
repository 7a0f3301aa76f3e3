//! The options of `verify` and `sign`: what is refused, and the defaults.

use super::{
    assert_code, assert_sign_options_refused, assert_verify_options_refused, at_now, get_string,
    js, json, sign, text, thrown, token, token_with, KEY_512, NOW,
};
use jwt_edge::js::{expires_at, verify, Signer, Verifier};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn invalid_verify_options_are_err_invalid_options() {
    let token = token();
    let bad_options = [
        at_now(r#""leeway":301"#),
        at_now(r#""leeway":-1"#),
        at_now(r#""leeway":"10""#),
        js(&format!("({{ now: {NOW}, leeway: NaN }})")),
        js(&format!("({{ now: {NOW}, leeway: Infinity }})")),
        at_now(r#""audiance":"api""#),
        at_now(r#""Issuer":"x""#),
        at_now(r#""algorithms":["none"]"#),
        at_now(r#""algorithms":["HS256","none"]"#),
        at_now(r#""algorithms":["RS256"]"#),
        at_now(r#""algorithms":[]"#),
        at_now(r#""algorithms":"HS256""#),
        at_now(r#""maxTokenLength":0"#),
        at_now(r#""maxAge":"forever""#),
        at_now(r#""requiredClaims":"exp""#),
        at_now(r#""typ":1"#),
        json(r#"{"now":-1}"#),
        json(r#"{"now":"now"}"#),
        json("[]"),
        text("HS256"),
        JsValue::from_f64(0.0),
        JsValue::TRUE,
    ];
    for options in &bad_options {
        assert_verify_options_refused(&token, options);
    }
}

#[wasm_bindgen_test]
fn unknown_option_name_is_named_in_the_message() {
    let error = thrown(verify(
        &text(&token()),
        &text(KEY_512),
        &at_now(r#""audiance":"api""#),
    ));
    let message = get_string(&error, "message").expect("a message");
    assert!(message.contains("audiance"), "{message}");
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_INVALID_OPTIONS")
    );
}

#[wasm_bindgen_test]
fn empty_issuer_or_audience_list_is_refused_not_ignored() {
    // An empty list must not switch the check off (a fail-open): it is refused.
    let token = token_with(r#""expiresIn":900,"issuer":"evil","audience":"evil""#);
    for options in [r#""issuer":[]"#, r#""audience":[]"#] {
        assert_code(
            verify(&text(&token), &text(KEY_512), &at_now(options)),
            "ERR_INVALID_OPTIONS",
            options,
        );
    }
}

#[wasm_bindgen_test]
fn undefined_and_null_options_mean_the_defaults() {
    let token = token_with(r#""expiresIn":"100000w""#);
    for options in [JsValue::UNDEFINED, JsValue::NULL, json("{}")] {
        assert!(verify(&text(&token), &text(KEY_512), &options).is_ok());
        assert!(sign(&json("{}"), &text(KEY_512), &options).is_ok());
        assert!(Verifier::new(&text(KEY_512), &options).is_ok());
        assert!(Signer::new(&text(KEY_512), &options).is_ok());
    }
}

#[wasm_bindgen_test]
fn invalid_sign_options_are_err_invalid_options() {
    let bad_options = [
        json(r#"{"alg":"none"}"#),
        json(r#"{"alg":"RS256"}"#),
        json(r#"{"alg":["HS256"]}"#),
        json(r#"{"expiresIn":"soon"}"#),
        json(r#"{"expiresIn":"1.5h"}"#),
        json(r#"{"expiresIn":-1}"#),
        json(r#"{"expiresIn":"99999999999999999999w"}"#),
        json(r#"{"notBefore":1e300}"#),
        json(r#"{"jwtId":false}"#),
        json(r#"{"jwtId":1}"#),
        json(r#"{"audience":[1]}"#),
        json(r#"{"issuer":null}"#),
        json(r#"{"expiresin":60}"#),
        json(r#"{"now":-5}"#),
        json("[]"),
        text("{}"),
    ];
    for options in &bad_options {
        assert_sign_options_refused(options);
    }
    // A time past 2^53 seconds is found when signing.
    let late = json(r#"{"now":9007199254740992,"expiresIn":1}"#);
    assert_code(
        sign(&json("{}"), &text(KEY_512), &late),
        "ERR_INVALID_OPTIONS",
        "2^53 + 1",
    );
    let signer = Signer::new(&text(KEY_512), &late).expect("the options themselves are valid");
    assert_code(
        signer.sign(&json("{}")),
        "ERR_INVALID_OPTIONS",
        "Signer at 2^53 + 1",
    );
}

#[wasm_bindgen_test]
fn durations_are_digits_and_a_unit_with_ascii_spaces_around() {
    for (duration, seconds) in [
        ("90", 90.0),
        ("15m", 900.0),
        (" 2 h ", 7200.0),
        ("\\t7 days\\n", 604_800.0),
    ] {
        let token = token_with(&format!(r#""expiresIn":"{duration}""#));
        let exp = expires_at(&text(&token)).expect("a signed token");
        assert_eq!(exp, Some(NOW + seconds), "{duration:?}");
    }
    // Only ASCII white space is a space here: a no-break space or an
    // ideographic space makes the duration invalid.
    for duration in ["15\\u00a0m", "\\u30001h", "1h\\u2003"] {
        let options = at_now(&format!(r#""expiresIn":"{duration}""#));
        assert_code(
            sign(&json("{}"), &text(KEY_512), &options),
            "ERR_INVALID_OPTIONS",
            duration,
        );
    }
}
