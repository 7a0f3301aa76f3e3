//! Tokens: not a string, expired, without `exp`, a wrong signature, an
//! algorithm not allowed, `crit`.

use super::{
    assert_code, at_now, claim_of, forged, get_string, has, js, json, text, thrown, token,
    token_with, with_payload, KEY_512, NOW,
};
use crate::common::b64;
use js_sys::Symbol;
use jwt_edge::js::{decode, expires_at, is_expired, seconds_until_expiry, verify, Verifier};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn token_that_is_not_a_string_is_err_jws_invalid() {
    let not_strings = [
        JsValue::from_f64(1.0),
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::FALSE,
        json("{}"),
        json(r#"["a","b","c"]"#),
        js("new String('a.b.c')"),
        Symbol::for_("token").into(),
        js("1n"),
    ];
    let mut verifier = Verifier::new(&text(KEY_512), &JsValue::UNDEFINED).expect("verifier");
    for token in &not_strings {
        let context = format!("{token:?}");
        assert_code(
            verify(token, &text(KEY_512), &JsValue::UNDEFINED),
            "ERR_JWS_INVALID",
            &context,
        );
        assert_code(decode(token), "ERR_JWS_INVALID", &context);
        assert_code(expires_at(token), "ERR_JWS_INVALID", &context);
        assert_code(
            seconds_until_expiry(token, Some(NOW)),
            "ERR_JWS_INVALID",
            &context,
        );
        assert_code(
            is_expired(token, None, Some(NOW)),
            "ERR_JWS_INVALID",
            &context,
        );
        assert_code(verifier.verify(token), "ERR_JWS_INVALID", &context);
    }
}

#[wasm_bindgen_test]
fn expired_token_is_err_jwt_expired_with_claim_exp() {
    let token = token();
    // Valid up to one second before `exp`...
    assert!(verify(
        &text(&token),
        &text(KEY_512),
        &json(&format!(r#"{{"now":{}}}"#, NOW + 899.0))
    )
    .is_ok());
    // ...and expired from `exp` on.
    let result = verify(
        &text(&token),
        &text(KEY_512),
        &json(&format!(r#"{{"now":{}}}"#, NOW + 900.0)),
    );
    let (code, claim, reason) = claim_of(result);
    assert_eq!(code, "ERR_JWT_EXPIRED");
    assert_eq!(claim.as_deref(), Some("exp"));
    assert_eq!(reason.as_deref(), Some("check_failed"));
    // The leeway stretches it.
    let options = json(&format!(r#"{{"now":{},"leeway":30}}"#, NOW + 929.0));
    assert!(verify(&text(&token), &text(KEY_512), &options).is_ok());
    // With the real clock (long after `NOW`) it is expired too.
    assert_code(
        verify(&text(&token), &text(KEY_512), &JsValue::UNDEFINED),
        "ERR_JWT_EXPIRED",
        "real clock",
    );
}

#[wasm_bindgen_test]
fn token_without_exp_is_refused_by_default() {
    let token = token_with("");
    let (code, claim, reason) = claim_of(verify(&text(&token), &text(KEY_512), &at_now("")));
    assert_eq!(code, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    assert_eq!(claim.as_deref(), Some("exp"));
    assert_eq!(reason.as_deref(), Some("missing"));
    let no_required = at_now(r#""requiredClaims":[]"#);
    assert!(verify(&text(&token), &text(KEY_512), &no_required).is_ok());
}

#[wasm_bindgen_test]
fn wrong_signature_is_err_jws_signature_verification_failed() {
    let token = token();
    let other_key = KEY_512.replace('0', "1");
    assert_code(
        verify(&text(&token), &text(&other_key), &at_now("")),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "other key",
    );
    // A tampered payload (an admin claim smuggled in) fails the same way.
    let tampered = with_payload(&token, r#"{"sub":"admin","exp":9999999999}"#);
    let error = thrown(verify(&text(&tampered), &text(KEY_512), &at_now("")));
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
    );
    assert!(!has(&error, "claim"), "a signature failure names no claim");
}

#[wasm_bindgen_test]
fn signature_is_checked_before_the_claims() {
    // An expired token with a wrong signature says nothing about `exp`.
    let token = token();
    let late = json(&format!(r#"{{"now":{}}}"#, NOW + 10_000.0));
    assert_code(
        verify(&text(&token), &text(&KEY_512.replace('a', "b")), &late),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "expired and forged",
    );
}

#[wasm_bindgen_test]
fn algorithm_not_in_the_allowed_list_is_err_jose_alg_not_allowed() {
    for alg in ["HS384", "HS512"] {
        let token = token_with(&format!(r#""alg":"{alg}","expiresIn":900"#));
        // The default list is ["HS256"].
        assert_code(
            verify(&text(&token), &text(KEY_512), &at_now("")),
            "ERR_JOSE_ALG_NOT_ALLOWED",
            alg,
        );
    }
    let hs256 = token();
    assert_code(
        verify(
            &text(&hs256),
            &text(KEY_512),
            &at_now(r#""algorithms":["HS512"]"#),
        ),
        "ERR_JOSE_ALG_NOT_ALLOWED",
        "HS256 token, HS512 allowed",
    );
    for header in [
        r#"{"alg":"none"}"#,
        r#"{"alg":"None"}"#,
        r#"{"alg":"RS256"}"#,
        r#"{"alg":"hs256"}"#,
    ] {
        let forged = forged(header, r#"{"sub":"admin","exp":9999999999}"#);
        assert_code(
            verify(&text(&forged), &text(KEY_512), &at_now("")),
            "ERR_JOSE_ALG_NOT_ALLOWED",
            header,
        );
    }
    let unsigned = format!(
        "{}.{}.",
        b64(r#"{"alg":"none"}"#),
        b64(r#"{"sub":"admin"}"#)
    );
    assert_code(
        verify(&text(&unsigned), &text(KEY_512), &at_now("")),
        "ERR_JOSE_ALG_NOT_ALLOWED",
        "alg none, empty signature",
    );
}

#[wasm_bindgen_test]
fn crit_header_is_err_jose_not_supported() {
    let forged = forged(
        r#"{"alg":"HS256","crit":["exp"],"exp":1}"#,
        r#"{"sub":"x"}"#,
    );
    assert_code(decode(&text(&forged)), "ERR_JOSE_NOT_SUPPORTED", "decode");
    assert_code(
        verify(&text(&forged), &text(KEY_512), &at_now("")),
        "ERR_JOSE_NOT_SUPPORTED",
        "verify",
    );
}
