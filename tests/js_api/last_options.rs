//! The one-shot `verify` and `sign` keep the options they read last, matched
//! by their `JSON.stringify` text and their number of own keys: other options
//! are always read anew, and a member set to `undefined` beside the same text
//! is still refused.

use super::{assert_code, claim_of, get_number, js, json, text, token_with, KEY_512, NOW, sign};
use jwt_edge::js::{verify};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn other_verify_options_are_never_judged_by_the_last_ones() {
    let token = text(&token_with(r#""expiresIn":900,"audience":"api""#));
    let key = text(KEY_512);
    let api = json(&format!(r#"{{"now":{NOW},"audience":"api"}}"#));
    let web = json(&format!(r#"{{"now":{NOW},"audience":"web"}}"#));
    for _ in 0..2 {
        assert!(verify(&token, &key, &api).is_ok());
        assert!(verify(&token, &key, &api).is_ok());
        let (code, claim, _) = claim_of(verify(&token, &key, &web));
        assert_eq!(
            (code.as_str(), claim.as_deref()),
            ("ERR_JWT_CLAIM_VALIDATION_FAILED", Some("aud"))
        );
    }
    // Without options: the real clock, by which the token has long expired.
    assert!(verify(&token, &key, &api).is_ok());
    assert_code(
        verify(&token, &key, &wasm_bindgen::JsValue::UNDEFINED),
        "ERR_JWT_EXPIRED",
        "the defaults",
    );
}

#[wasm_bindgen_test]
fn an_undefined_member_beside_the_last_options_text_is_still_refused() {
    let token = text(&token_with(r#""expiresIn":900,"audience":"api""#));
    let key = text(KEY_512);
    let options = format!("{{ now: {NOW}, audience: 'api' }}");
    let with_undefined = format!("{{ now: {NOW}, audience: 'api', issuer: undefined }}");
    assert!(verify(&token, &key, &js(&options)).is_ok());
    assert_code(
        verify(&token, &key, &js(&with_undefined)),
        "ERR_INVALID_OPTIONS",
        "verify",
    );
    let sign_options = format!("{{ now: {NOW}, expiresIn: 60 }}");
    let sign_with_undefined = format!("{{ now: {NOW}, expiresIn: 60, subject: undefined }}");
    assert!(sign(&json("{}"), &key, &js(&sign_options)).is_ok());
    assert_code(
        sign(&json("{}"), &key, &js(&sign_with_undefined)),
        "ERR_INVALID_OPTIONS",
        "sign",
    );
}

#[wasm_bindgen_test]
fn other_sign_options_are_never_written_with_the_last_ones() {
    let key = text(KEY_512);
    let expiry = |seconds: u32| {
        let options = json(&format!(r#"{{"now":{NOW},"expiresIn":{seconds}}}"#));
        let token = text(&sign(&json("{}"), &key, &options).expect("sign"));
        let payload = verify(&token, &key, &json(&format!(r#"{{"now":{NOW}}}"#))).expect("verify");
        get_number(&payload, "exp")
    };
    for _ in 0..2 {
        assert_eq!(expiry(60), Some(NOW + 60.0));
        assert_eq!(expiry(60), Some(NOW + 60.0));
        assert_eq!(expiry(120), Some(NOW + 120.0));
    }
}
