//! Keys: a string or a `Uint8Array`, at least as long as the hash output.

use super::{assert_code, at_now, bytes_key, js, json, sign, text, token};
use js_sys::Symbol;
use jwt_edge::js::{verify, Signer, Verifier};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Asserts that `verify`, `sign`, `new Verifier` and `new Signer` all refuse
/// `key` with `ERR_KEY_INVALID`.
fn assert_refused_everywhere(key: &JsValue, token: &str) {
    let context = format!("{key:?}");
    assert_code(
        verify(&text(token), key, &at_now("")),
        "ERR_KEY_INVALID",
        &context,
    );
    assert_code(
        sign(&json("{}"), key, &JsValue::UNDEFINED),
        "ERR_KEY_INVALID",
        &context,
    );
    assert_code(
        Verifier::new(key, &JsValue::UNDEFINED),
        "ERR_KEY_INVALID",
        &context,
    );
    assert_code(
        Signer::new(key, &JsValue::UNDEFINED),
        "ERR_KEY_INVALID",
        &context,
    );
}

#[wasm_bindgen_test]
fn key_of_the_wrong_type_is_err_key_invalid() {
    let token = token();
    let wrong_keys = [
        JsValue::from_f64(42.0),
        json(r#"{"key":"a secret of at least thirty-two bytes!"}"#),
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::TRUE,
        json("[1,2,3]"),
        js("new ArrayBuffer(64)"),
        js("new Uint16Array(64)"),
        js("new DataView(new ArrayBuffer(64))"),
        js("new String('a secret of at least thirty-two bytes!')"),
        Symbol::for_("key").into(),
        js("10n ** 80n"),
    ];
    for key in &wrong_keys {
        assert_refused_everywhere(key, &token);
    }
}

#[wasm_bindgen_test]
fn key_shorter_than_the_hash_output_is_err_key_invalid() {
    let short = "x".repeat(31);
    let short_keys = [
        text(""),
        text(&short),
        bytes_key(&[0u8; 31]),
        bytes_key(&[]),
    ];
    let token = token();
    for key in &short_keys {
        assert_refused_everywhere(key, &token);
    }
    // The minimum grows with the algorithm: 32, 48, 64 bytes.
    for (alg, min) in [("HS256", 32), ("HS384", 48), ("HS512", 64)] {
        let options = json(&format!(r#"{{"alg":"{alg}"}}"#));
        let just_short = "k".repeat(min - 1);
        assert_code(
            sign(&json("{}"), &text(&just_short), &options),
            "ERR_KEY_INVALID",
            alg,
        );
        assert!(sign(&json("{}"), &text(&"k".repeat(min)), &options).is_ok());
    }
}
