//! Payloads that are not a plain object, or with mistyped registered claims.

use super::{assert_code, js, json, sign, text, KEY_512};
use jwt_edge::js::Signer;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn payload_with_mistyped_registered_claims_is_err_jwt_invalid() {
    let payloads = [
        r#"{"exp":"soon"}"#,
        r#"{"nbf":"now"}"#,
        r#"{"iat":true}"#,
        r#"{"exp":-1}"#,
        r#"{"iss":1}"#,
        r#"{"sub":{}}"#,
        r#"{"aud":5}"#,
        r#"{"aud":[1]}"#,
        r#"{"jti":null}"#,
    ];
    let signer = Signer::new(&text(KEY_512), &JsValue::UNDEFINED).expect("signer");
    for payload in payloads {
        assert_code(
            sign(&json(payload), &text(KEY_512), &JsValue::UNDEFINED),
            "ERR_JWT_INVALID",
            payload,
        );
        assert_code(signer.sign(&json(payload)), "ERR_JWT_INVALID", payload);
    }
}

#[wasm_bindgen_test]
fn payload_that_is_not_a_plain_object_is_err_jwt_invalid() {
    let payloads = [
        json("[]"),
        JsValue::NULL,
        JsValue::UNDEFINED,
        text("a string"),
        text("{}"),
        JsValue::from_f64(42.0),
        JsValue::TRUE,
        js("new Date(0)"),
        js("function () {}"),
        js("Symbol('payload')"),
        js("{ big: 1n }"),
        js("(() => { const o = {}; o.self = o; return o; })()"),
        js("{ get sub() { throw new Error('boom'); } }"),
        js("{ toJSON() { return [1, 2]; } }"),
        js(r"{ sub: '\uD800' }"),
        json(&format!(
            "{{\"deep\":{}{}}}",
            "[".repeat(100),
            "]".repeat(100)
        )),
    ];
    let signer = Signer::new(&text(KEY_512), &JsValue::UNDEFINED).expect("signer");
    for payload in &payloads {
        let context = format!("{payload:?}");
        assert_code(
            sign(payload, &text(KEY_512), &JsValue::UNDEFINED),
            "ERR_JWT_INVALID",
            &context,
        );
        assert_code(signer.sign(payload), "ERR_JWT_INVALID", &context);
    }
}
