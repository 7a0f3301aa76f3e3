//! Signing then verifying, for every algorithm and both kinds of key.

use super::{
    assert_code, at_now, bytes_key, get, get_number, get_string, json, sign, text, ALGORITHMS,
    KEY_256, KEY_512, NOW,
};
use js_sys::{Array, JSON};
use jwt_edge::js::{decode, verify};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn sign_then_verify_round_trips_for_every_algorithm_with_string_keys() {
    for alg in ALGORITHMS {
        let options = at_now(&format!(r#""alg":"{alg}","expiresIn":60"#));
        let payload = json(r#"{"sub":"user-1","roles":["admin"],"n":1.5}"#);
        let token = sign(&payload, &text(KEY_512), &options).expect("sign");
        let verify_options = at_now(&format!(r#""algorithms":["{alg}"]"#));
        let verified = verify(&text(&token), &text(KEY_512), &verify_options).expect(alg);
        assert_eq!(get_string(&verified, "sub").as_deref(), Some("user-1"));
        assert_eq!(get_number(&verified, "iat"), Some(NOW));
        assert_eq!(get_number(&verified, "exp"), Some(NOW + 60.0));
        assert_eq!(get_number(&verified, "n"), Some(1.5));
        assert!(Array::is_array(&get(&verified, "roles")));
        let header = get(&decode(&text(&token)).expect("decode"), "header");
        assert_eq!(get_string(&header, "alg").as_deref(), Some(alg));
        assert_eq!(get_string(&header, "typ").as_deref(), Some("JWT"));
    }
}

#[wasm_bindgen_test]
fn sign_then_verify_round_trips_for_every_algorithm_with_uint8array_keys() {
    let secret: Vec<u8> = (0u8..64).map(|i| i.wrapping_mul(37) ^ 0xA5).collect();
    for alg in ALGORITHMS {
        let options = at_now(&format!(r#""alg":"{alg}","expiresIn":60"#));
        let token = sign(&json(r#"{"sub":"bytes"}"#), &bytes_key(&secret), &options).expect("sign");
        let verify_options = at_now(&format!(r#""algorithms":["{alg}"]"#));
        let verified = verify(&text(&token), &bytes_key(&secret), &verify_options).expect(alg);
        assert_eq!(get_string(&verified, "sub").as_deref(), Some("bytes"));
        let wrong: Vec<u8> = secret.iter().map(|byte| byte ^ 1).collect();
        assert_code(
            verify(&text(&token), &bytes_key(&wrong), &verify_options),
            "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
            alg,
        );
    }
}

#[wasm_bindgen_test]
fn string_key_is_its_utf8_bytes() {
    let token = sign(&json("{}"), &text(KEY_256), &at_now(r#""expiresIn":60"#)).expect("sign");
    let verified = verify(&text(&token), &bytes_key(KEY_256.as_bytes()), &at_now(""));
    assert!(verified.is_ok());
    // Non-ASCII: "é" is two bytes in UTF-8, so 16 of them make a 32-byte key.
    let accented = "é".repeat(16);
    let token = sign(&json("{}"), &text(&accented), &at_now(r#""expiresIn":60"#))
        .expect("32 UTF-8 bytes is long enough");
    assert!(verify(&text(&token), &bytes_key(accented.as_bytes()), &at_now("")).is_ok());
}

#[wasm_bindgen_test]
fn sign_keeps_a_payload_iat_and_the_other_members() {
    let payload = json(r#"{"iat":1600000000,"nested":{"a":[1,2,{"b":null}]},"flag":true}"#);
    let token = sign(&payload, &text(KEY_256), &at_now(r#""expiresIn":60"#)).expect("sign");
    let decoded = get(&decode(&text(&token)).expect("decode"), "payload");
    assert_eq!(get_number(&decoded, "iat"), Some(1_600_000_000.0));
    assert_eq!(
        JSON::stringify(&get(&decoded, "nested")).expect("stringify"),
        r#"{"a":[1,2,{"b":null}]}"#
    );
    assert_eq!(get(&decoded, "flag"), JsValue::TRUE);
}
