//! The JavaScript API's rules, shared by `tests/node.rs` (Node) and
//! `tests/web.rs` (a headless browser).
//!
//! Every call goes through the `#[wasm_bindgen]` exports of `jwt_edge::js` with
//! JavaScript values built by `js_sys`, exactly as the npm package's callers
//! pass them; only the generated glue (argument marshalling and turning `Err`
//! into a `throw`) is skipped. A failure must come back as `Err(JwtError)`:
//! a panic would trap and abort the whole run.
//!
//! This module holds the helpers; the tests are in a file per topic.
//!
//! Tests in one run share `globalThis`. The tests about the published
//! `JwtError` class (`thrown_errors.rs`) set (or delete) it themselves and
//! delete it before they return; every other test passes whether or not a
//! class is published.

// JWKs, JWK Sets and key pairs: only in the builds with the asymmetric families.
#[cfg(feature = "asymmetric")]
mod asymmetric_keys;
mod claims;
mod decode;
mod expiry_helpers;
mod garbage_input;
mod glue;
mod jose_codes;
mod keys;
mod last_key;
mod long_tokens;
mod options;
mod options_in_javascript;
mod payloads;
mod round_trips;
mod signer;
mod thrown_errors;
mod tokens;
mod undefined_options;
mod verifier;

use crate::common::b64;
use crate::common::codes::{CONFIGURATION_CODES, TOKEN_CODES};
use js_sys::{Function, JsString, Object, Reflect, Symbol, Uint8Array, JSON};
use jwt_edge::js::{verify, Signer, Verifier};
use wasm_bindgen::{JsCast, JsValue};

/// The export `sign`, its token (a string) taken as one.
fn sign(payload: &JsValue, key: &JsValue, options: &JsValue) -> Result<String, JsValue> {
    jwt_edge::js::sign(payload, key, options)
        .map(|token| token.as_string().expect("a string token"))
}

/// `Signer.sign`, its token (a string) taken as one.
trait SignsText {
    fn sign_text(&self, payload: &JsValue) -> Result<String, JsValue>;
}

impl SignsText for Signer {
    fn sign_text(&self, payload: &JsValue) -> Result<String, JsValue> {
        self.sign(payload)
            .map(|token| token.as_string().expect("a string token"))
    }
}

/// 38 bytes: enough for HS256 only.
const KEY_256: &str = "a secret of at least thirty-two bytes!";
/// 64 bytes: enough for every algorithm.
const KEY_512: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
/// 40 bytes: enough for HS256, too short for HS384 and HS512.
const KEY_40: &str = "0123456789012345678901234567890123456789";
/// A fixed clock: 2023-11-14T22:13:20Z.
const NOW: f64 = 1_700_000_000.0;

const ALGORITHMS: [&str; 3] = ["HS256", "HS384", "HS512"];

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

/// A JavaScript value from JSON text.
fn json(source: &str) -> JsValue {
    JSON::parse(source).unwrap_or_else(|_| panic!("test JSON does not parse: {source}"))
}

/// A JavaScript value from an expression (for what JSON cannot write:
/// `NaN`, `BigInt`, getters, classes, cycles).
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::UNDEFINED)
        .unwrap_or_else(|_| panic!("test expression throws: {expression}"))
}

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &text(name)).expect("Reflect.get on an object")
}

fn has(target: &JsValue, name: &str) -> bool {
    Reflect::has(target, &text(name)).expect("Reflect.has on an object")
}

fn get_string(target: &JsValue, name: &str) -> Option<String> {
    get(target, name).as_string()
}

fn get_number(target: &JsValue, name: &str) -> Option<f64> {
    get(target, name).as_f64()
}

/// The sorted own enumerable member names of an object.
fn keys(target: &JsValue) -> Vec<String> {
    let object: &Object = target.dyn_ref().expect("an object");
    let mut names: Vec<String> = Object::keys(object)
        .iter()
        .map(|name| name.as_string().expect("a string key"))
        .collect();
    names.sort();
    names
}

fn bytes_key(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}

/// The `{ now: NOW, ... }` options object.
fn at_now(extra: &str) -> JsValue {
    let members = if extra.is_empty() {
        String::new()
    } else {
        format!(",{extra}")
    };
    json(&format!("{{\"now\":{NOW}{members}}}"))
}

/// `{ sub: "user-1" }` signed at `NOW` with `options` (plus `now`), HS256 and
/// the 64-byte key unless the options say otherwise.
fn token_with(options: &str) -> String {
    sign(
        &json(r#"{"sub":"user-1"}"#),
        &text(KEY_512),
        &at_now(options),
    )
    .unwrap_or_else(|error| panic!("signing failed: {}", describe(&error)))
}

/// A token that expires 900 s after `NOW`.
fn token() -> String {
    token_with(r#""expiresIn":900"#)
}

/// A token re-signed with its payload replaced (so the signature is wrong).
fn with_payload(token: &str, payload: &str) -> String {
    let mut parts = token.split('.');
    let header = parts.next().expect("a header");
    format!(
        "{header}.{}.{}",
        b64(payload),
        parts.nth(1).expect("a signature")
    )
}

/// A token with the given header and payload JSON and a junk signature.
fn forged(header: &str, payload: &str) -> String {
    format!("{}.{}.{}", b64(header), b64(payload), b64([7u8; 32]))
}

fn describe(error: &JsValue) -> String {
    format!(
        "{} {:?}: {:?}",
        get_string(error, "name").unwrap_or_default(),
        get_string(error, "code"),
        get_string(error, "message")
    )
}

/// The thrown value of a call that must fail.
fn thrown<T>(result: Result<T, JsValue>) -> JsValue {
    match result {
        Ok(_) => panic!("expected a thrown JwtError, the call succeeded"),
        Err(error) => error,
    }
}

/// The `code` of a call that must fail with a `JwtError`, after checking that
/// the thrown value is an `Error` named `"JwtError"` with a message.
fn code_of<T>(result: Result<T, JsValue>) -> String {
    let error = thrown(result);
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    assert_eq!(get_string(&error, "name").as_deref(), Some("JwtError"));
    assert!(
        get_string(&error, "message").is_some_and(|message| !message.is_empty()),
        "no message: {}",
        describe(&error)
    );
    let code = get_string(&error, "code").expect("a string code");
    assert!(
        TOKEN_CODES.contains(&code.as_str()) || CONFIGURATION_CODES.contains(&code.as_str()),
        "unknown code {code}"
    );
    code
}

fn assert_code<T>(result: Result<T, JsValue>, expected: &str, context: &str) {
    assert_eq!(code_of(result), expected, "{context}");
}

/// Asserts that `verify` and `new Verifier` refuse `options` with
/// `ERR_INVALID_OPTIONS`.
fn assert_verify_options_refused(token: &str, options: &JsValue) {
    let context = format!("{options:?}");
    assert_code(
        verify(&text(token), &text(KEY_512), options),
        "ERR_INVALID_OPTIONS",
        &context,
    );
    assert_code(
        Verifier::new(&text(KEY_512), options),
        "ERR_INVALID_OPTIONS",
        &context,
    );
}

/// Asserts that `sign` and `new Signer` refuse `options` with
/// `ERR_INVALID_OPTIONS`.
fn assert_sign_options_refused(options: &JsValue) {
    let context = format!("{options:?}");
    assert_code(
        sign(&json("{}"), &text(KEY_512), options),
        "ERR_INVALID_OPTIONS",
        &context,
    );
    assert_code(
        Signer::new(&text(KEY_512), options),
        "ERR_INVALID_OPTIONS",
        &context,
    );
}

/// The `claim` and `reason` of a call that must fail.
fn claim_of<T>(result: Result<T, JsValue>) -> (String, Option<String>, Option<String>) {
    let error = thrown(result);
    (
        get_string(&error, "code").expect("a code"),
        get_string(&error, "claim"),
        get_string(&error, "reason"),
    )
}

/// JavaScript's own `value instanceof class`.
fn instance_of(value: &JsValue, class: &JsValue) -> bool {
    Function::new_with_args("value, Class", "return value instanceof Class;")
        .call2(&JsValue::UNDEFINED, value, class)
        .expect("instanceof")
        .is_truthy()
}

fn error_class_key() -> JsValue {
    Symbol::for_("jwt-edge.JwtError").into()
}

fn publish_error_class(class: &JsValue) {
    assert!(Reflect::set(&js_sys::global(), &error_class_key(), class).expect("Reflect.set"));
}

fn unpublish_error_class() {
    assert!(
        Reflect::delete_property(&js_sys::global(), &error_class_key())
            .expect("Reflect.deleteProperty")
    );
}

/// The package's error module: the `JwtError` class that ships.
const PACKAGE_ERROR_MODULE: &str = include_str!("../../pkg-template/error.js");

/// Publishes the package's own `JwtError` class, as the package does when it
/// loads (`publishedJwtError()` of `pkg-template/error.js`, run as a function
/// body without its `export` keywords), and returns it.
fn publish_package_error_class() -> JsValue {
    unpublish_error_class();
    let body: String = PACKAGE_ERROR_MODULE
        .lines()
        .map(|line| line.strip_prefix("export ").unwrap_or(line))
        .flat_map(|line| [line, "\n"])
        .collect();
    let class = Function::new_no_args(&format!("{body}return publishedJwtError();"))
        .call0(&JsValue::UNDEFINED)
        .unwrap_or_else(|error| {
            panic!("pkg-template/error.js does not run as the tests expect: {error:?}")
        });
    assert!(class.is_function(), "publishedJwtError() returns a class");
    assert_eq!(
        Reflect::get(&js_sys::global(), &error_class_key()).ok(),
        Some(class.clone()),
        "publishedJwtError() publishes the class under Symbol.for(\"jwt-edge.JwtError\")"
    );
    class
}

/// Strings JavaScript can hold but Rust cannot: lone UTF-16 surrogates.
fn lone_surrogate(unit: u32) -> JsValue {
    JsString::from_char_code1(unit).into()
}

fn concat(parts: &[JsValue]) -> JsValue {
    parts
        .iter()
        .fold(JsString::from(""), |all, part| all.concat(part))
        .into()
}
