//! What is thrown: an `Error` named `JwtError`, an instance of the published
//! class (the package's own, `pkg-template/error.js`) or a plain `Error`.

use super::{
    at_now, describe, get, get_string, has, instance_of, js, json, publish_error_class,
    publish_package_error_class, sign, text, thrown, token, token_with, unpublish_error_class,
    KEY_512, NOW,
};
use js_sys::{Function, Reflect};
use jwt_edge::js::{decode, is_expired, verify, Verifier};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// Asserts a thrown error's `code`, `claim`, `reason` and `message`, in this
/// order (`None`: the error has no such member).
fn assert_members(error: &JsValue, expected: [Option<&str>; 4]) {
    for (name, value) in ["code", "claim", "reason", "message"]
        .into_iter()
        .zip(expected)
    {
        match value {
            Some(value) => assert_eq!(get_string(error, name).as_deref(), Some(value), "{name}"),
            None => assert!(!has(error, name), "{name} is set: {}", describe(error)),
        }
    }
}

/// The members of a signature failure: no claim, no reason.
const SIGNATURE_FAILED_MEMBERS: [Option<&str>; 4] = [
    Some("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"),
    None,
    None,
    Some("signature verification failed"),
];

#[wasm_bindgen_test]
fn thrown_errors_are_instances_of_error() {
    let failures: Vec<JsValue> = vec![
        thrown(verify(&text("x"), &text(KEY_512), &JsValue::UNDEFINED)),
        thrown(verify(&text(&token()), &JsValue::NULL, &JsValue::UNDEFINED)),
        thrown(sign(&JsValue::NULL, &text(KEY_512), &JsValue::UNDEFINED)),
        thrown(decode(&JsValue::NULL)),
        thrown(Verifier::new(&text("short"), &JsValue::UNDEFINED)),
        thrown(is_expired(&text(&token()), Some(301.0), None)),
    ];
    for error in &failures {
        assert!(error.is_instance_of::<js_sys::Error>(), "{error:?}");
        assert_eq!(get_string(error, "name").as_deref(), Some("JwtError"));
        assert!(get_string(error, "code").is_some());
        assert!(get(error, "stack").is_string(), "an Error carries a stack");
    }
}

#[wasm_bindgen_test]
fn thrown_errors_are_instances_of_the_published_class() {
    let class = publish_package_error_class();

    let error = thrown(verify(
        &text(&token_with(r#""expiresIn":900,"notBefore":60"#)),
        &text(KEY_512),
        &at_now(""),
    ));
    let signature = thrown(verify(&text(&token()), &text(&"k".repeat(64)), &at_now("")));
    let options = thrown(sign(
        &json("{}"),
        &text(KEY_512),
        &json(r#"{"alg":"none"}"#),
    ));
    unpublish_error_class();

    for thrown in [&error, &signature, &options] {
        assert!(thrown.is_instance_of::<js_sys::Error>());
        assert!(
            Reflect::get_prototype_of(thrown)
                .is_ok_and(|prototype| JsValue::from(prototype) == get(&class, "prototype")),
            "not made by the published class: {}",
            describe(thrown)
        );
        assert!(
            instance_of(thrown, &class),
            "instanceof the published class"
        );
        assert_eq!(get_string(thrown, "name").as_deref(), Some("JwtError"));
    }
    // The constructor receives (message, code, claim, reason).
    assert_members(
        &error,
        [
            Some("ERR_JWT_CLAIM_VALIDATION_FAILED"),
            Some("nbf"),
            Some("check_failed"),
            Some("\"nbf\" claim check failed"),
        ],
    );
    assert_members(&signature, SIGNATURE_FAILED_MEMBERS);
    assert_eq!(
        get_string(&options, "code").as_deref(),
        Some("ERR_INVALID_OPTIONS")
    );
}

#[wasm_bindgen_test]
fn without_a_published_class_a_plain_error_named_jwt_error_is_thrown() {
    unpublish_error_class();
    let expired = thrown(verify(
        &text(&token()),
        &text(KEY_512),
        &json(&format!(r#"{{"now":{}}}"#, NOW + 900.0)),
    ));
    let signature = thrown(verify(&text(&token()), &text(&"k".repeat(64)), &at_now("")));
    for error in [&expired, &signature] {
        assert!(error.is_instance_of::<js_sys::Error>());
        assert_eq!(
            Reflect::get_prototype_of(error).map(JsValue::from).ok(),
            Some(
                get(&js_sys::global(), "Error")
                    .dyn_into::<Function>()
                    .map(|error| get(&error, "prototype"))
                    .expect("Error")
            ),
            "a plain Error"
        );
        assert_eq!(get_string(error, "name").as_deref(), Some("JwtError"));
    }
    assert_members(
        &expired,
        [
            Some("ERR_JWT_EXPIRED"),
            Some("exp"),
            Some("check_failed"),
            Some("\"exp\" claim timestamp check failed"),
        ],
    );
    assert_members(&signature, SIGNATURE_FAILED_MEMBERS);
}

#[wasm_bindgen_test]
fn unusable_published_class_falls_back_to_a_plain_error() {
    let unusable = [
        text("not a class"),
        json("{}"),
        js("() => {}"),
        js("class Broken { constructor() { throw new Error('boom'); } }"),
    ];
    let mut results = Vec::new();
    for class in &unusable {
        publish_error_class(class);
        results.push(thrown(decode(&text("not a token"))));
    }
    unpublish_error_class();
    for error in &results {
        assert!(error.is_instance_of::<js_sys::Error>());
        assert_eq!(get_string(error, "name").as_deref(), Some("JwtError"));
        assert_eq!(
            get_string(error, "code").as_deref(),
            Some("ERR_JWS_INVALID")
        );
    }
}

#[wasm_bindgen_test]
fn throwing_accessors_planted_by_other_code_still_yield_a_jwt_error() {
    // A getter that throws where the class is published, and a setter that
    // throws on every object's prototype chain: neither exception may escape
    // in place of the JwtError.
    js(
        r#"Object.defineProperty(globalThis, Symbol.for("jwt-edge.JwtError"), {
        get() { throw new Error("planted getter"); }, configurable: true })"#,
    );
    js(r#"Object.defineProperty(Object.prototype, "claim", {
        set() { throw new Error("planted setter"); }, configurable: true })"#);
    let expired = verify(
        &text(&token()),
        &text(KEY_512),
        &json(&format!(r#"{{"now":{}}}"#, NOW + 900.0)),
    );
    js("delete Object.prototype.claim");
    unpublish_error_class();
    let error = thrown(expired);
    assert!(error.is_instance_of::<js_sys::Error>(), "{error:?}");
    assert_eq!(get_string(&error, "name").as_deref(), Some("JwtError"));
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_JWT_EXPIRED")
    );
    assert_eq!(
        get_string(&error, "reason").as_deref(),
        Some("check_failed")
    );
}
