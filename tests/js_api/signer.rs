//! The `Signer` class: the claims its options write, its key.

use super::{
    assert_code, at_now, get, get_number, get_string, has, json, keys, text, SignsText, KEY_256,
    KEY_40, NOW,
};
use js_sys::JSON;
use jwt_edge::js::{decode, verify, Signer};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn signer_writes_exactly_the_claims_its_options_set() {
    let options = at_now(
        r#""expiresIn":"15m","issuer":"https://auth.example","audience":"api","subject":"user-1","jwtId":true,"keyId":"k1","typ":"at+jwt""#,
    );
    let signer = Signer::new(&text(KEY_256), &options).expect("signer");
    let first = signer
        .sign_text(&json(r#"{"role":"admin"}"#))
        .expect("sign");
    let second = signer
        .sign_text(&json(r#"{"role":"admin"}"#))
        .expect("sign");

    let decoded = decode(&text(&first)).expect("decode");
    let header = get(&decoded, "header");
    assert_eq!(keys(&header), ["alg", "kid", "typ"]);
    assert_eq!(get_string(&header, "alg").as_deref(), Some("HS256"));
    assert_eq!(get_string(&header, "kid").as_deref(), Some("k1"));
    assert_eq!(get_string(&header, "typ").as_deref(), Some("at+jwt"));

    let payload = get(&decoded, "payload");
    assert_eq!(
        keys(&payload),
        ["aud", "exp", "iat", "iss", "jti", "role", "sub"]
    );
    assert_eq!(get_number(&payload, "iat"), Some(NOW));
    assert_eq!(get_number(&payload, "exp"), Some(NOW + 900.0));
    assert_eq!(
        get_string(&payload, "iss").as_deref(),
        Some("https://auth.example")
    );
    assert_eq!(get_string(&payload, "aud").as_deref(), Some("api"));
    assert_eq!(get_string(&payload, "sub").as_deref(), Some("user-1"));
    assert_eq!(get_string(&payload, "role").as_deref(), Some("admin"));

    let jti = |token: &str| {
        let payload = get(&decode(&text(token)).expect("decode"), "payload");
        get_string(&payload, "jti").expect("a jti")
    };
    let (jti_1, jti_2) = (jti(&first), jti(&second));
    for id in [&jti_1, &jti_2] {
        assert_eq!(id.len(), 22, "128 bits in base64url: {id}");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "not base64url: {id}"
        );
    }
    assert_ne!(jti_1, jti_2, "a random jti per token");

    // The same token verifies with matching options.
    let verify_options = at_now(
        r#""issuer":"https://auth.example","audience":"api","subject":"user-1","typ":"at+jwt""#,
    );
    assert!(verify(&text(&first), &text(KEY_256), &verify_options).is_ok());
}

#[wasm_bindgen_test]
fn signer_options_override_the_payload_and_fixed_jwt_id_is_kept() {
    let signer = Signer::new(
        &text(KEY_256),
        &at_now(r#""issuer":"me","audience":["a","b"],"jwtId":"id-1","notBefore":"30s""#),
    )
    .expect("signer");
    let token = signer
        .sign_text(&json(r#"{"iss":"someone else"}"#))
        .expect("sign");
    let payload = get(&decode(&text(&token)).expect("decode"), "payload");
    assert_eq!(get_string(&payload, "iss").as_deref(), Some("me"));
    assert_eq!(
        JSON::stringify(&get(&payload, "aud")).expect("json"),
        r#"["a","b"]"#
    );
    assert_eq!(get_string(&payload, "jti").as_deref(), Some("id-1"));
    assert_eq!(get_number(&payload, "nbf"), Some(NOW + 30.0));
    assert!(!has(&payload, "exp"));
}

#[wasm_bindgen_test]
fn signer_refuses_a_key_too_short_for_its_algorithm() {
    assert_code(
        Signer::new(&text(KEY_40), &json(r#"{"alg":"HS384"}"#)),
        "ERR_KEY_INVALID",
        "40 bytes, HS384",
    );
    assert_code(
        Signer::new(&text(KEY_40), &json(r#"{"alg":"HS512"}"#)),
        "ERR_KEY_INVALID",
        "40 bytes, HS512",
    );
    assert!(Signer::new(&text(KEY_40), &JsValue::UNDEFINED).is_ok());
}
