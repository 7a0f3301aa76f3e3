//! `decode`: header and payload without a key, malformed tokens still refused.

use super::{
    assert_code, at_now, get, get_number, get_string, json, keys, sign, text, token, with_payload,
    NOW,
};
use js_sys::{Object, Reflect, JSON};
use jwt_edge::js::decode;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn decode_returns_header_and_payload_without_a_key() {
    let token = sign(
        &json(r#"{"sub":"user-1","roles":["a","b"]}"#),
        &text(&"q".repeat(64)),
        &at_now(r#""alg":"HS512","expiresIn":60,"keyId":"key-7","typ":"at+jwt""#),
    )
    .expect("sign");
    let decoded = decode(&text(&token)).expect("decode");
    assert_eq!(keys(&decoded), ["header", "payload"]);
    let header = get(&decoded, "header");
    assert_eq!(keys(&header), ["alg", "kid", "typ"]);
    assert_eq!(get_string(&header, "alg").as_deref(), Some("HS512"));
    assert_eq!(get_string(&header, "kid").as_deref(), Some("key-7"));
    assert_eq!(get_string(&header, "typ").as_deref(), Some("at+jwt"));
    let payload = get(&decoded, "payload");
    assert_eq!(keys(&payload), ["exp", "iat", "roles", "sub"]);
    assert_eq!(get_string(&payload, "sub").as_deref(), Some("user-1"));
    assert_eq!(get_number(&payload, "iat"), Some(NOW));
    assert_eq!(get_number(&payload, "exp"), Some(NOW + 60.0));
    assert_eq!(
        JSON::stringify(&get(&payload, "roles")).expect("json"),
        r#"["a","b"]"#
    );
    // Plain objects, not class instances.
    for object in [&decoded, &header, &payload] {
        assert_eq!(
            Reflect::get_prototype_of(object).map(JsValue::from).ok(),
            Some(JsValue::from(
                Reflect::get_prototype_of(&Object::new()).expect("proto")
            ))
        );
    }
}

#[wasm_bindgen_test]
fn decode_still_refuses_malformed_tokens() {
    for token in ["", "a.b", "a.b.c.d", "eyJhbGciOiJIUzI1NiJ9..", "a b.c.d"] {
        assert_code(decode(&text(token)), "ERR_JWS_INVALID", token);
    }
    let token = token();
    assert_code(
        decode(&text(&format!("{token}="))),
        "ERR_JWS_INVALID",
        "padding",
    );
    assert_code(
        decode(&text(&format!(" {token}"))),
        "ERR_JWS_INVALID",
        "whitespace",
    );
    let not_claims = with_payload(&token, r#"{"exp":"soon"}"#);
    assert_code(
        decode(&text(&not_claims)),
        "ERR_JWT_INVALID",
        "exp is a string",
    );
}
