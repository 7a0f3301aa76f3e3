//! Garbage tokens, options and keys: errors, never traps; the length cap.

use super::{
    assert_code, assert_sign_options_refused, assert_verify_options_refused, at_now, code_of,
    concat, forged, get_string, js, json, lone_surrogate, sign, text, token, token_with,
    with_payload, KEY_512, NOW,
};
use crate::common::b64;
use js_sys::Symbol;
use jwt_edge::js::{decode, expires_at, is_expired, seconds_until_expiry, verify, Verifier};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// Garbage tokens: each must come back as a `JwtError`, never a trap.
pub(super) fn garbage_tokens() -> Vec<JsValue> {
    let good = token();
    let mut tokens: Vec<JsValue> = [
        "",
        ".",
        "..",
        "...",
        "a.b.c",
        "a.b",
        "a.b.c.d",
        "\0.\0.\0",
        "====.====.====",
        "eyJ.eyJ.eyJ",
        "\u{FEFF}eyJhbGciOiJIUzI1NiJ9.e30.",
        "é.é.é",
        "😀.😀.😀",
    ]
    .iter()
    .map(|token| text(token))
    .collect();
    tokens.push(text(&".".repeat(100_000)));
    tokens.push(text(&"a".repeat(1 << 20)));
    tokens.push(text(&format!("{good}{}", "A".repeat(1 << 20))));
    tokens.push(text(&format!("Bearer {good}")));
    tokens.push(text(&format!("{good}.")));
    tokens.push(text(&good.replace('.', "..")));
    tokens.push(text(&good[..good.len() - 1]));
    tokens.push(lone_surrogate(0xD800));
    tokens.push(lone_surrogate(0xDFFF));
    tokens.push(concat(&[
        lone_surrogate(0xD800),
        text("."),
        lone_surrogate(0xDC00),
        text(".x"),
    ]));
    tokens.push(concat(&[text(&good), lone_surrogate(0xD800)]));
    let deep = format!("{{\"d\":{}}}", "[".repeat(5000));
    for (header, payload) in [
        ("null", "{}"),
        ("[]", "{}"),
        ("\"HS256\"", "{}"),
        ("{}", "{}"),
        (r#"{"alg":1}"#, "{}"),
        (r#"{"alg":"HS256","alg":"HS256"}"#, "{}"),
        (r#"{"alg":"HS256","b64":false}"#, "{}"),
        (r#"{"alg":"HS256","cty":"JWT"}"#, "{}"),
        (r#"{"alg":"HS256""#, "{}"),
        (r#"{"alg":"HS256"} "#, "{}"),
        ("{\"alg\":\"HS256\",\"x\":\"\\ud800\"}", "{}"),
        (r#"{"alg":"HS256"}"#, "[]"),
        (r#"{"alg":"HS256"}"#, "null"),
        (r#"{"alg":"HS256"}"#, r#"{"exp":"soon"}"#),
        (r#"{"alg":"HS256"}"#, r#"{"exp":1e400}"#),
        (r#"{"alg":"HS256"}"#, r#"{"exp":9007199254740993}"#),
        (r#"{"alg":"HS256"}"#, r#"{"a":1,"a":2}"#),
        (r#"{"alg":"HS256"}"#, "{\"s\":\"\\udc00\"}"),
        (r#"{"alg":"HS256"}"#, deep.as_str()),
        (r#"{"alg":"HS256"}"#, "\u{FF}\u{FE}"),
    ] {
        tokens.push(text(&forged(header, payload)));
        tokens.push(text(&with_payload(&good, payload)));
    }
    // Invalid UTF-8 in the header and payload bytes.
    let invalid_utf8 = format!(
        "{}.{}.{}",
        b64([0xFF, 0xFE, 0x7B]),
        b64([0xC0, 0x80]),
        b64([0u8; 32])
    );
    tokens.push(text(&invalid_utf8));
    tokens.extend([
        JsValue::from_f64(f64::NAN),
        JsValue::NULL,
        JsValue::UNDEFINED,
        json("[]"),
        js("1n"),
        Symbol::for_("token").into(),
    ]);
    tokens
}

#[wasm_bindgen_test]
fn garbage_tokens_are_jwt_errors_not_traps() {
    let mut verifier = Verifier::new(
        &text(KEY_512),
        &at_now(r#""algorithms":["HS256","HS384","HS512"]"#),
    )
    .expect("verifier");
    for token in &garbage_tokens() {
        let context = format!("{:.80?}", token.as_string().unwrap_or_default());
        code_of(verify(token, &text(KEY_512), &at_now("")));
        code_of(verifier.verify(token));
        // The unverified readers may accept a well-formed token with a bad
        // signature; what matters is that they never trap.
        if let Err(error) = decode(token) {
            assert!(error.is_instance_of::<js_sys::Error>(), "{context}");
            assert!(get_string(&error, "code").is_some(), "{context}");
        }
        for result in [
            expires_at(token).map(|_| ()),
            seconds_until_expiry(token, Some(NOW)).map(|_| ()),
            is_expired(token, Some(0.0), Some(NOW)).map(|_| ()),
        ] {
            if let Err(error) = result {
                assert!(get_string(&error, "code").is_some(), "{context}");
            }
        }
    }
    // The good token still verifies afterwards: nothing was corrupted.
    assert!(verifier.verify(&text(&token())).is_ok());
}

/// Garbage option values: each must be refused with `ERR_INVALID_OPTIONS`.
fn garbage_options() -> Vec<JsValue> {
    vec![
        json("[]"),
        json(r#"["HS256"]"#),
        json("[{}]"),
        text(""),
        text("HS256"),
        text(r#"{"now":1}"#),
        JsValue::from_f64(0.0),
        JsValue::from_f64(f64::NAN),
        JsValue::TRUE,
        Symbol::for_("options").into(),
        js("function () {}"),
        js("() => ({})"),
        js("new Date(0)"),
        js("1n"),
        json(r#"{"issuer":{"a":{"b":{"c":1}}}}"#),
        json(r#"{"algorithms":[["HS256"]]}"#),
        json(r#"{"algorithms":[{"alg":"HS256"}]}"#),
        json(r#"{"leeway":{}}"#),
        json(r#"{"leeway":[10]}"#),
        json(r#"{"now":{"seconds":1}}"#),
        json(r#"{"now":1e300}"#),
        json(r#"{"maxTokenLength":1e300}"#),
        json(r#"{"maxAge":"99999999999999999999d"}"#),
        json(r#"{"requiredClaims":[1]}"#),
        json(r#"{"audience":[null]}"#),
        json(&format!(
            "{{\"issuer\":{}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        )),
        js("{ now: 1n }"),
        js("{ leeway: 10n }"),
        js("{ deep: { deeper: { big: 2n ** 64n } } }"),
        js("(() => { const o = {}; o.self = o; return o; })()"),
        js("{ get now() { throw new Error('boom'); } }"),
        js("{ toJSON() { throw new Error('boom'); } }"),
        js(r"{ issuer: '\uD800' }"),
        js(r"{ '\uDC00': 1 }"),
        js("new Proxy({}, { ownKeys() { throw new Error('boom'); } })"),
    ]
}

#[wasm_bindgen_test]
fn garbage_options_are_err_invalid_options_not_traps() {
    let token = token();
    for options in &garbage_options() {
        assert_verify_options_refused(&token, options);
        assert_sign_options_refused(options);
    }
    // Still working afterwards.
    assert!(verify(&text(&token), &text(KEY_512), &at_now("")).is_ok());
}

#[wasm_bindgen_test]
fn lone_surrogates_in_keys_do_not_trap() {
    // A key string with lone surrogates is read lossily; it must not trap, and
    // the same string must sign and verify consistently.
    let key = concat(&[lone_surrogate(0xD800), text(&"k".repeat(40))]);
    let token = sign(&json("{}"), &key, &at_now(r#""expiresIn":60"#)).expect("sign");
    assert!(verify(&text(&token), &key, &at_now("")).is_ok());
}

#[wasm_bindgen_test]
fn token_length_cap_is_enforced_and_configurable() {
    let long = token_with(&format!(
        r#""expiresIn":900,"jwtId":"{}""#,
        "j".repeat(20_000)
    ));
    assert!(long.len() > 16 * 1024);
    assert_code(
        verify(&text(&long), &text(KEY_512), &at_now("")),
        "ERR_JWS_INVALID",
        "over 16 KiB",
    );
    assert!(verify(
        &text(&long),
        &text(KEY_512),
        &at_now(r#""maxTokenLength":65536"#)
    )
    .is_ok());
    let short_cap = at_now(r#""maxTokenLength":10"#);
    assert_code(
        verify(&text(&token()), &text(KEY_512), &short_cap),
        "ERR_JWS_INVALID",
        "cap 10",
    );
}
