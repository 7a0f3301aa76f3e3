//! The exports as JavaScript sees them: through the JS glue that wasm-bindgen
//! generated for this test module, with their JavaScript names, `undefined`
//! for omitted arguments, `new` for the classes and a real `throw`.
//!
//! The library's `#[wasm_bindgen]` exports are linked into the test module,
//! so the runner's glue (`wasm-bindgen-test.js`, already loaded and
//! initialised) exports `verify`, `Verifier`, ... next to the test hooks. The
//! loader below finds that module the way the runner loaded it: `require` from
//! the runner's main script under Node, the same URL under a browser. If a
//! future wasm-bindgen-test-runner renames the file, `glue()` fails with a
//! message saying so (and only these tests fail).

use super::{
    code_of, get, get_number, get_string, instance_of, js, json, text, token, token_with, KEY_512,
    NOW,
};
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const LOADER: &str = r#"(() => {
    const file = "wasm-bindgen-test";
    if (typeof process === "object" && process.versions && process.versions.node) {
        if (process.mainModule) {
            return Promise.resolve(process.mainModule.require(`./${file}.js`));
        }
        const main = process.argv[1];
        const url = "file://" + main.slice(0, main.lastIndexOf("/") + 1) + file + ".js";
        return import(url);
    }
    return import(new URL(file, globalThis.location.href).href);
})()"#;

/// The generated glue module (its exports object or module namespace).
async fn glue() -> JsValue {
    let promise: Promise = js(LOADER).dyn_into().expect("the loader returns a promise");
    let module = JsFuture::from(promise).await.unwrap_or_else(|error| {
        panic!("the runner's glue module `wasm-bindgen-test.js` was not found: {error:?}")
    });
    assert!(
        get(&module, "WasmBindgenTestContext").is_function(),
        "loaded a module, but not the runner's glue"
    );
    module
}

fn export(module: &JsValue, name: &str) -> Function {
    get(module, name)
        .dyn_into()
        .unwrap_or_else(|_| panic!("the glue exports no function `{name}`"))
}

/// `module[name](...args)`, as JavaScript calls it.
fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    Reflect::apply(
        &export(module, name),
        &JsValue::UNDEFINED,
        &args.iter().collect::<Array>(),
    )
}

fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = get(target, name).dyn_into().expect("a method");
    Reflect::apply(&method, target, &args.iter().collect::<Array>())
}

fn construct(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    Reflect::construct(&export(module, name), &args.iter().collect::<Array>())
}

#[wasm_bindgen_test]
async fn glue_exports_every_function_and_class_under_its_javascript_name() {
    let module = glue().await;
    for name in [
        "decode",
        "verify",
        "sign",
        "expiresAt",
        "secondsUntilExpiry",
        "isExpired",
        "Verifier",
        "Signer",
    ] {
        export(&module, name);
    }
    for name in ["expires_at", "seconds_until_expiry", "is_expired"] {
        assert!(
            get(&module, name).is_undefined(),
            "Rust name `{name}` leaked"
        );
    }
}

#[wasm_bindgen_test]
async fn glue_functions_return_values_and_throw_jwt_errors() {
    let module = glue().await;
    // sign(payload, key, options) -> string; verify(token, key, options) -> payload.
    let options = json(&format!(r#"{{"now":{NOW},"expiresIn":60}}"#));
    let token = call(
        &module,
        "sign",
        &[json(r#"{"sub":"js"}"#), text(KEY_512), options],
    )
    .expect("sign");
    assert!(token.is_string());
    let now_only = json(&format!(r#"{{"now":{NOW}}}"#));
    let payload =
        call(&module, "verify", &[token.clone(), text(KEY_512), now_only]).expect("verify");
    assert_eq!(get_string(&payload, "sub").as_deref(), Some("js"));
    let decoded = call(&module, "decode", core::slice::from_ref(&token)).expect("decode");
    assert_eq!(
        get_string(&get(&decoded, "header"), "alg").as_deref(),
        Some("HS256")
    );

    // A failure is a real throw of a JwtError, options omitted entirely.
    assert_eq!(
        code_of(call(
            &module,
            "verify",
            &[JsValue::from_f64(1.0), text(KEY_512)]
        )),
        "ERR_JWS_INVALID"
    );
    assert_eq!(
        code_of(call(&module, "verify", &[token.clone(), text(KEY_512)])),
        "ERR_JWT_EXPIRED",
        "the real clock is long after NOW"
    );
    assert_eq!(code_of(call(&module, "decode", &[])), "ERR_JWS_INVALID");
    assert_eq!(
        code_of(call(&module, "sign", &[json("[]"), text(KEY_512)])),
        "ERR_JWT_INVALID"
    );
}

#[wasm_bindgen_test]
async fn glue_expiry_helpers_take_undefined_for_omitted_arguments() {
    let module = glue().await;
    let token = text(&token());
    assert_eq!(
        call(&module, "expiresAt", core::slice::from_ref(&token))
            .expect("expiresAt")
            .as_f64(),
        Some(NOW + 900.0)
    );
    assert!(call(&module, "expiresAt", &[text(&token_with(""))])
        .expect("expiresAt")
        .is_undefined());
    // `now` omitted: the real clock, long after NOW.
    let remaining = call(&module, "secondsUntilExpiry", core::slice::from_ref(&token))
        .expect("secondsUntilExpiry")
        .as_f64()
        .expect("a number");
    assert!(remaining < 0.0);
    let at_now = call(
        &module,
        "secondsUntilExpiry",
        &[token.clone(), JsValue::from_f64(NOW)],
    );
    assert_eq!(at_now.expect("secondsUntilExpiry").as_f64(), Some(900.0));
    // `leeway` undefined, `now` given.
    let expired = call(
        &module,
        "isExpired",
        &[token.clone(), JsValue::UNDEFINED, JsValue::from_f64(NOW)],
    );
    assert_eq!(expired.expect("isExpired"), JsValue::FALSE);
    assert_eq!(
        call(&module, "isExpired", core::slice::from_ref(&token)).expect("isExpired"),
        JsValue::TRUE
    );
    assert_eq!(
        code_of(call(
            &module,
            "isExpired",
            &[token, JsValue::from_f64(301.0)]
        )),
        "ERR_INVALID_OPTIONS"
    );
}

#[wasm_bindgen_test]
async fn glue_classes_are_constructed_with_new_and_throw_from_the_constructor() {
    let module = glue().await;
    let options = json(&format!(
        r#"{{"now":{NOW},"algorithms":["HS256","HS512"]}}"#
    ));
    let verifier = construct(&module, "Verifier", &[text(KEY_512), options]).expect("new Verifier");
    assert!(instance_of(&verifier, &get(&module, "Verifier")));

    let signer = construct(&module, "Signer", &[text(KEY_512)]).expect("new Signer, no options");
    assert!(instance_of(&signer, &get(&module, "Signer")));
    let from_signer = call_method(
        &signer,
        "sign",
        &[json(r#"{"sub":"s","iat":1700000000,"exp":1700000001}"#)],
    )
    .expect("signer.sign");
    let payload = call_method(&verifier, "verify", &[from_signer]).expect("verifier.verify");
    assert_eq!(get_string(&payload, "sub").as_deref(), Some("s"));
    assert_eq!(get_number(&payload, "exp"), Some(1_700_000_001.0));

    assert_eq!(
        code_of(call_method(&verifier, "verify", &[text("a.b.c")])),
        "ERR_JWS_INVALID"
    );
    assert_eq!(
        code_of(construct(&module, "Verifier", &[text("short")])),
        "ERR_KEY_INVALID"
    );
    assert_eq!(
        code_of(construct(
            &module,
            "Signer",
            &[text(KEY_512), json(r#"{"alg":"none"}"#)]
        )),
        "ERR_INVALID_OPTIONS"
    );
}
