//! The JavaScript API's rules, shared by `tests/node.rs` (Node) and
//! `tests/web.rs` (a headless browser).
//!
//! Every call goes through the `#[wasm_bindgen]` exports of `jwt_edge::js` with
//! JavaScript values built by `js_sys`, exactly as the npm package's callers
//! pass them; only the generated glue (argument marshalling and turning `Err`
//! into a `throw`) is skipped. A failure must come back as `Err(JwtError)`:
//! a panic would trap and abort the whole run.
//!
//! Tests in one run share `globalThis`. The two tests about the published
//! `JwtError` class set (or delete) it themselves and delete it before they
//! return; every other test passes whether or not a class is published.

mod glue;
mod jose_codes;
mod last_key;
mod last_options;
mod long_tokens;
mod undefined_options;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use js_sys::{Array, Function, JsString, Object, Reflect, Symbol, Uint8Array, JSON};
use jwt_edge::js::{decode, expires_at, is_expired, seconds_until_expiry, sign, verify};
use jwt_edge::js::{Signer, Verifier};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// 38 bytes: enough for HS256 only.
const KEY_256: &str = "a secret of at least thirty-two bytes!";
/// 64 bytes: enough for every algorithm.
const KEY_512: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
/// 40 bytes: enough for HS256, too short for HS384 and HS512.
const KEY_40: &str = "0123456789012345678901234567890123456789";
/// A fixed clock: 2023-11-14T22:13:20Z.
const NOW: f64 = 1_700_000_000.0;

const ALGORITHMS: [&str; 3] = ["HS256", "HS384", "HS512"];

const CODES: [&str; 9] = [
    "ERR_JWS_INVALID",
    "ERR_JWT_INVALID",
    "ERR_JOSE_ALG_NOT_ALLOWED",
    "ERR_JOSE_NOT_SUPPORTED",
    "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    "ERR_JWT_EXPIRED",
    "ERR_JWT_CLAIM_VALIDATION_FAILED",
    "ERR_KEY_INVALID",
    "ERR_INVALID_OPTIONS",
];

// ---------------------------------------------------------------- helpers

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
        URL_SAFE_NO_PAD.encode(payload),
        parts.nth(1).expect("a signature")
    )
}

/// A token with the given header and payload JSON and a junk signature.
fn forged(header: &str, payload: &str) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode([7u8; 32])
    )
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
    assert!(CODES.contains(&code.as_str()), "unknown code {code}");
    code
}

fn assert_code<T>(result: Result<T, JsValue>, expected: &str, context: &str) {
    assert_eq!(code_of(result), expected, "{context}");
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

const JWT_ERROR_CLASS: &str = r#"class JwtError extends Error {
    constructor(message, code, claim, reason) {
        super(message);
        this.name = "JwtError";
        this.code = code;
        if (claim !== undefined) this.claim = claim;
        if (reason !== undefined) this.reason = reason;
    }
}"#;

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

// ---------------------------------------------------------- round trips

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

// ------------------------------------------------------------------ keys

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
        let context = format!("{key:?}");
        assert_code(
            verify(&text(&token), key, &at_now("")),
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
        let context = format!("{key:?}");
        assert_code(
            verify(&text(&token), key, &at_now("")),
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

// ---------------------------------------------------------------- tokens

#[wasm_bindgen_test]
fn token_that_is_not_a_string_is_err_jws_invalid() {
    let not_strings = [
        JsValue::from_f64(1.0),
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::FALSE,
        json("{}"),
        json(r#"["a","b","c"]"#),
        js("new String('a.b.c')"),
        Symbol::for_("token").into(),
        js("1n"),
    ];
    let mut verifier = Verifier::new(&text(KEY_512), &JsValue::UNDEFINED).expect("verifier");
    for token in &not_strings {
        let context = format!("{token:?}");
        assert_code(
            verify(token, &text(KEY_512), &JsValue::UNDEFINED),
            "ERR_JWS_INVALID",
            &context,
        );
        assert_code(decode(token), "ERR_JWS_INVALID", &context);
        assert_code(expires_at(token), "ERR_JWS_INVALID", &context);
        assert_code(
            seconds_until_expiry(token, Some(NOW)),
            "ERR_JWS_INVALID",
            &context,
        );
        assert_code(
            is_expired(token, None, Some(NOW)),
            "ERR_JWS_INVALID",
            &context,
        );
        assert_code(verifier.verify(token), "ERR_JWS_INVALID", &context);
    }
}

#[wasm_bindgen_test]
fn expired_token_is_err_jwt_expired_with_claim_exp() {
    let token = token();
    // Valid up to one second before `exp`...
    assert!(verify(
        &text(&token),
        &text(KEY_512),
        &json(&format!(r#"{{"now":{}}}"#, NOW + 899.0))
    )
    .is_ok());
    // ...and expired from `exp` on.
    let result = verify(
        &text(&token),
        &text(KEY_512),
        &json(&format!(r#"{{"now":{}}}"#, NOW + 900.0)),
    );
    let (code, claim, reason) = claim_of(result);
    assert_eq!(code, "ERR_JWT_EXPIRED");
    assert_eq!(claim.as_deref(), Some("exp"));
    assert_eq!(reason.as_deref(), Some("check_failed"));
    // The leeway stretches it.
    let options = json(&format!(r#"{{"now":{},"leeway":30}}"#, NOW + 929.0));
    assert!(verify(&text(&token), &text(KEY_512), &options).is_ok());
    // With the real clock (long after `NOW`) it is expired too.
    assert_code(
        verify(&text(&token), &text(KEY_512), &JsValue::UNDEFINED),
        "ERR_JWT_EXPIRED",
        "real clock",
    );
}

#[wasm_bindgen_test]
fn token_without_exp_is_refused_by_default() {
    let token = token_with("");
    let (code, claim, reason) = claim_of(verify(&text(&token), &text(KEY_512), &at_now("")));
    assert_eq!(code, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    assert_eq!(claim.as_deref(), Some("exp"));
    assert_eq!(reason.as_deref(), Some("missing"));
    let no_required = at_now(r#""requiredClaims":[]"#);
    assert!(verify(&text(&token), &text(KEY_512), &no_required).is_ok());
}

#[wasm_bindgen_test]
fn wrong_signature_is_err_jws_signature_verification_failed() {
    let token = token();
    let other_key = KEY_512.replace('0', "1");
    assert_code(
        verify(&text(&token), &text(&other_key), &at_now("")),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "other key",
    );
    // A tampered payload (an admin claim smuggled in) fails the same way.
    let tampered = with_payload(&token, r#"{"sub":"admin","exp":9999999999}"#);
    let error = thrown(verify(&text(&tampered), &text(KEY_512), &at_now("")));
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
    );
    assert!(!has(&error, "claim"), "a signature failure names no claim");
}

#[wasm_bindgen_test]
fn signature_is_checked_before_the_claims() {
    // An expired token with a wrong signature says nothing about `exp`.
    let token = token();
    let late = json(&format!(r#"{{"now":{}}}"#, NOW + 10_000.0));
    assert_code(
        verify(&text(&token), &text(&KEY_512.replace('a', "b")), &late),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "expired and forged",
    );
}

#[wasm_bindgen_test]
fn algorithm_not_in_the_allowed_list_is_err_jose_alg_not_allowed() {
    for alg in ["HS384", "HS512"] {
        let token = token_with(&format!(r#""alg":"{alg}","expiresIn":900"#));
        // The default list is ["HS256"].
        assert_code(
            verify(&text(&token), &text(KEY_512), &at_now("")),
            "ERR_JOSE_ALG_NOT_ALLOWED",
            alg,
        );
    }
    let hs256 = token();
    assert_code(
        verify(
            &text(&hs256),
            &text(KEY_512),
            &at_now(r#""algorithms":["HS512"]"#),
        ),
        "ERR_JOSE_ALG_NOT_ALLOWED",
        "HS256 token, HS512 allowed",
    );
    for header in [
        r#"{"alg":"none"}"#,
        r#"{"alg":"None"}"#,
        r#"{"alg":"RS256"}"#,
        r#"{"alg":"hs256"}"#,
    ] {
        let forged = forged(header, r#"{"sub":"admin","exp":9999999999}"#);
        assert_code(
            verify(&text(&forged), &text(KEY_512), &at_now("")),
            "ERR_JOSE_ALG_NOT_ALLOWED",
            header,
        );
    }
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(r#"{"sub":"admin"}"#)
    );
    assert_code(
        verify(&text(&unsigned), &text(KEY_512), &at_now("")),
        "ERR_JOSE_ALG_NOT_ALLOWED",
        "alg none, empty signature",
    );
}

#[wasm_bindgen_test]
fn crit_header_is_err_jose_not_supported() {
    let forged = forged(
        r#"{"alg":"HS256","crit":["exp"],"exp":1}"#,
        r#"{"sub":"x"}"#,
    );
    assert_code(decode(&text(&forged)), "ERR_JOSE_NOT_SUPPORTED", "decode");
    assert_code(
        verify(&text(&forged), &text(KEY_512), &at_now("")),
        "ERR_JOSE_NOT_SUPPORTED",
        "verify",
    );
}

// --------------------------------------------------------------- options

#[wasm_bindgen_test]
fn invalid_verify_options_are_err_invalid_options() {
    let token = token();
    let bad_options = [
        at_now(r#""leeway":301"#),
        at_now(r#""leeway":-1"#),
        at_now(r#""leeway":"10""#),
        js(&format!("({{ now: {NOW}, leeway: NaN }})")),
        js(&format!("({{ now: {NOW}, leeway: Infinity }})")),
        at_now(r#""audiance":"api""#),
        at_now(r#""Issuer":"x""#),
        at_now(r#""algorithms":["none"]"#),
        at_now(r#""algorithms":["HS256","none"]"#),
        at_now(r#""algorithms":["RS256"]"#),
        at_now(r#""algorithms":[]"#),
        at_now(r#""algorithms":"HS256""#),
        at_now(r#""maxTokenLength":0"#),
        at_now(r#""maxAge":"forever""#),
        at_now(r#""requiredClaims":"exp""#),
        at_now(r#""typ":1"#),
        json(r#"{"now":-1}"#),
        json(r#"{"now":"now"}"#),
        json("[]"),
        text("HS256"),
        JsValue::from_f64(0.0),
        JsValue::TRUE,
    ];
    for options in &bad_options {
        let context = format!("{options:?}");
        assert_code(
            verify(&text(&token), &text(KEY_512), options),
            "ERR_INVALID_OPTIONS",
            &context,
        );
        assert_code(
            Verifier::new(&text(KEY_512), options),
            "ERR_INVALID_OPTIONS",
            &context,
        );
    }
}

#[wasm_bindgen_test]
fn unknown_option_name_is_named_in_the_message() {
    let error = thrown(verify(
        &text(&token()),
        &text(KEY_512),
        &at_now(r#""audiance":"api""#),
    ));
    let message = get_string(&error, "message").expect("a message");
    assert!(message.contains("audiance"), "{message}");
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_INVALID_OPTIONS")
    );
}

#[wasm_bindgen_test]
fn empty_issuer_or_audience_list_is_refused_not_ignored() {
    // An empty list must not switch the check off (a fail-open): it is refused.
    let token = token_with(r#""expiresIn":900,"issuer":"evil","audience":"evil""#);
    for options in [r#""issuer":[]"#, r#""audience":[]"#] {
        assert_code(
            verify(&text(&token), &text(KEY_512), &at_now(options)),
            "ERR_INVALID_OPTIONS",
            options,
        );
    }
}

#[wasm_bindgen_test]
fn undefined_and_null_options_mean_the_defaults() {
    let token = token_with(r#""expiresIn":"100000w""#);
    for options in [JsValue::UNDEFINED, JsValue::NULL, json("{}")] {
        assert!(verify(&text(&token), &text(KEY_512), &options).is_ok());
        assert!(sign(&json("{}"), &text(KEY_512), &options).is_ok());
        assert!(Verifier::new(&text(KEY_512), &options).is_ok());
        assert!(Signer::new(&text(KEY_512), &options).is_ok());
    }
}

#[wasm_bindgen_test]
fn invalid_sign_options_are_err_invalid_options() {
    let bad_options = [
        json(r#"{"alg":"none"}"#),
        json(r#"{"alg":"RS256"}"#),
        json(r#"{"alg":["HS256"]}"#),
        json(r#"{"expiresIn":"soon"}"#),
        json(r#"{"expiresIn":"1.5h"}"#),
        json(r#"{"expiresIn":-1}"#),
        json(r#"{"expiresIn":"99999999999999999999w"}"#),
        json(r#"{"notBefore":1e300}"#),
        json(r#"{"jwtId":false}"#),
        json(r#"{"jwtId":1}"#),
        json(r#"{"audience":[1]}"#),
        json(r#"{"issuer":null}"#),
        json(r#"{"expiresin":60}"#),
        json(r#"{"now":-5}"#),
        json("[]"),
        text("{}"),
    ];
    for options in &bad_options {
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
    // A time past 2^53 seconds is found when signing.
    let late = json(r#"{"now":9007199254740992,"expiresIn":1}"#);
    assert_code(
        sign(&json("{}"), &text(KEY_512), &late),
        "ERR_INVALID_OPTIONS",
        "2^53 + 1",
    );
    let signer = Signer::new(&text(KEY_512), &late).expect("the options themselves are valid");
    assert_code(
        signer.sign(&json("{}")),
        "ERR_INVALID_OPTIONS",
        "Signer at 2^53 + 1",
    );
}

#[wasm_bindgen_test]
fn durations_are_digits_and_a_unit_with_ascii_spaces_around() {
    for (duration, seconds) in [
        ("90", 90.0),
        ("15m", 900.0),
        (" 2 h ", 7200.0),
        ("\\t7 days\\n", 604_800.0),
    ] {
        let token = token_with(&format!(r#""expiresIn":"{duration}""#));
        let exp = expires_at(&text(&token)).expect("a signed token");
        assert_eq!(exp, Some(NOW + seconds), "{duration:?}");
    }
    // Only ASCII white space is a space here: a no-break space or an
    // ideographic space makes the duration invalid.
    for duration in ["15\\u00a0m", "\\u30001h", "1h\\u2003"] {
        let options = at_now(&format!(r#""expiresIn":"{duration}""#));
        assert_code(
            sign(&json("{}"), &text(KEY_512), &options),
            "ERR_INVALID_OPTIONS",
            duration,
        );
    }
}

// ---------------------------------------------------------------- claims

#[wasm_bindgen_test]
fn claim_failures_name_the_claim() {
    // nbf in the future.
    let not_yet = token_with(r#""expiresIn":900,"notBefore":60"#);
    let (code, claim, reason) = claim_of(verify(&text(&not_yet), &text(KEY_512), &at_now("")));
    assert_eq!(code, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    assert_eq!(claim.as_deref(), Some("nbf"));
    assert_eq!(reason.as_deref(), Some("check_failed"));
    let later = json(&format!(r#"{{"now":{}}}"#, NOW + 60.0));
    assert!(verify(&text(&not_yet), &text(KEY_512), &later).is_ok());

    // iss: wrong, then missing.
    let issued = token_with(r#""expiresIn":900,"issuer":"https://a.example""#);
    let wrong_issuer = at_now(r#""issuer":["https://b.example","https://c.example"]"#);
    let (code, claim, reason) = claim_of(verify(&text(&issued), &text(KEY_512), &wrong_issuer));
    assert_eq!(code, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    assert_eq!(claim.as_deref(), Some("iss"));
    assert_eq!(reason.as_deref(), Some("unexpected"));
    let (_, claim, reason) = claim_of(verify(
        &text(&token()),
        &text(KEY_512),
        &at_now(r#""issuer":"https://a.example""#),
    ));
    assert_eq!(claim.as_deref(), Some("iss"));
    assert_eq!(reason.as_deref(), Some("missing"));
    let right_issuer = at_now(r#""issuer":["https://b.example","https://a.example"]"#);
    assert!(verify(&text(&issued), &text(KEY_512), &right_issuer).is_ok());

    // aud: a string, then an array, against the accepted list.
    let for_api = token_with(r#""expiresIn":900,"audience":["web","api"]"#);
    let (code, claim, _) = claim_of(verify(
        &text(&for_api),
        &text(KEY_512),
        &at_now(r#""audience":"admin""#),
    ));
    assert_eq!(code, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    assert_eq!(claim.as_deref(), Some("aud"));
    assert!(verify(
        &text(&for_api),
        &text(KEY_512),
        &at_now(r#""audience":"api""#)
    )
    .is_ok());

    // sub and typ.
    let (_, claim, _) = claim_of(verify(
        &text(&token()),
        &text(KEY_512),
        &at_now(r#""subject":"user-2""#),
    ));
    assert_eq!(claim.as_deref(), Some("sub"));
    let (_, claim, _) = claim_of(verify(
        &text(&token()),
        &text(KEY_512),
        &at_now(r#""typ":"at+jwt""#),
    ));
    assert_eq!(claim.as_deref(), Some("typ"));
}

// ---------------------------------------------------------------- errors

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
    let class = js(JWT_ERROR_CLASS);
    publish_error_class(&class);

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
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_JWT_CLAIM_VALIDATION_FAILED")
    );
    assert_eq!(get_string(&error, "claim").as_deref(), Some("nbf"));
    assert_eq!(
        get_string(&error, "reason").as_deref(),
        Some("check_failed")
    );
    assert_eq!(
        get_string(&error, "message").as_deref(),
        Some("\"nbf\" claim check failed")
    );
    assert_eq!(
        get_string(&signature, "message").as_deref(),
        Some("signature verification failed")
    );
    assert!(!has(&signature, "claim") && !has(&signature, "reason"));
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
    assert_eq!(
        get_string(&expired, "code").as_deref(),
        Some("ERR_JWT_EXPIRED")
    );
    assert_eq!(get_string(&expired, "claim").as_deref(), Some("exp"));
    assert_eq!(
        get_string(&expired, "reason").as_deref(),
        Some("check_failed")
    );
    assert_eq!(
        get_string(&expired, "message").as_deref(),
        Some("\"exp\" claim timestamp check failed")
    );
    assert_eq!(
        get_string(&signature, "code").as_deref(),
        Some("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
    );
    assert!(!has(&signature, "claim") && !has(&signature, "reason"));
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

// --------------------------------------------------------- expiry helpers

#[wasm_bindgen_test]
fn expires_at_is_exp_or_undefined() {
    assert_eq!(
        expires_at(&text(&token())).expect("expiresAt"),
        Some(NOW + 900.0)
    );
    assert_eq!(expires_at(&text(&token_with(""))).expect("expiresAt"), None);
    // Not verified: a token signed with another key still has its `exp` read.
    let foreign = sign(
        &json(r#"{"exp":1234}"#),
        &text(&"z".repeat(64)),
        &json(r#"{"alg":"HS512"}"#),
    )
    .expect("sign");
    assert_eq!(
        expires_at(&text(&foreign)).expect("expiresAt"),
        Some(1234.0)
    );
    assert_code(expires_at(&text("a.b.c")), "ERR_JWS_INVALID", "malformed");
}

#[wasm_bindgen_test]
fn numeric_dates_beyond_the_fast_path_are_rounded_as_javascript_rounds_them() {
    // More than 19 significant digits, integers past 2^53 and powers of ten
    // past 10^22 leave the crate's fast path; the result must still be the
    // correctly rounded double, the one `Number` gives.
    for exp in [
        "1700000900.000000000000000000001",
        "1700000900.49999999999999999999999999999999",
        "9007199254740993",
        "9007199254740995",
        "18446744073709551617",
        "1.7000009e9",
        "17000009e-23",
        "1e23",
        "170000090000000000000000000000e-20",
        "1.00000000000000011102230246251565404236316680908203125",
        "1e-400",
        "1e400",
    ] {
        let expected = js(&format!("Number({exp:?})")).as_f64().expect("a number");
        let token = forged(r#"{"alg":"HS256"}"#, &format!(r#"{{"exp":{exp}}}"#));
        let result = expires_at(&text(&token));
        if expected.is_finite() && expected < 2f64.powi(53) && expected >= 0.0 {
            assert_eq!(result.expect(exp), Some(expected), "{exp}");
        } else {
            // Out of range for a numeric date: refused whatever the rounding.
            assert_code(result, "ERR_JWT_INVALID", exp);
        }
    }
}

#[wasm_bindgen_test]
fn seconds_until_expiry_goes_negative_once_expired() {
    let token = text(&token());
    assert_eq!(
        seconds_until_expiry(&token, Some(NOW)).expect("s"),
        Some(900.0)
    );
    assert_eq!(
        seconds_until_expiry(&token, Some(NOW + 900.0)).expect("s"),
        Some(0.0)
    );
    assert_eq!(
        seconds_until_expiry(&token, Some(NOW + 1000.0)).expect("s"),
        Some(-100.0)
    );
    // The real clock is long after NOW.
    let remaining = seconds_until_expiry(&token, None)
        .expect("s")
        .expect("has exp");
    assert!(remaining < -1000.0, "{remaining}");
    assert_eq!(
        seconds_until_expiry(&text(&token_with("")), Some(NOW)).expect("s"),
        None
    );
    for now in [f64::NAN, -1.0, f64::INFINITY, 1e300] {
        assert_code(
            seconds_until_expiry(&token, Some(now)),
            "ERR_INVALID_OPTIONS",
            &format!("now {now}"),
        );
    }
}

#[wasm_bindgen_test]
fn is_expired_compares_now_with_exp_and_leeway() {
    let token = text(&token());
    let exp = NOW + 900.0;
    assert!(!is_expired(&token, Some(0.0), Some(exp - 1.0)).expect("isExpired"));
    assert!(is_expired(&token, Some(0.0), Some(exp)).expect("isExpired"));
    assert!(is_expired(&token, None, Some(exp)).expect("isExpired"));
    assert!(!is_expired(&token, Some(30.0), Some(exp + 29.0)).expect("isExpired"));
    assert!(is_expired(&token, Some(30.0), Some(exp + 30.0)).expect("isExpired"));
    assert!(is_expired(&token, Some(300.0), None).expect("the real clock is long after NOW"));
    assert!(!is_expired(&text(&token_with("")), Some(0.0), Some(1e15)).expect("no exp"));
}

#[wasm_bindgen_test]
fn is_expired_refuses_a_leeway_out_of_range() {
    let token = text(&token());
    for leeway in [
        301.0,
        -1.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
    ] {
        let error = thrown(is_expired(&token, Some(leeway), Some(NOW)));
        assert_eq!(
            get_string(&error, "code").as_deref(),
            Some("ERR_INVALID_OPTIONS"),
            "leeway {leeway}"
        );
        assert!(error.is_instance_of::<js_sys::Error>());
    }
    assert_code(
        is_expired(&token, Some(0.0), Some(f64::NAN)),
        "ERR_INVALID_OPTIONS",
        "now NaN",
    );
}

/// Leeway is a configuration value from 0 to 300 seconds: NaN, any negative
/// number, infinities and anything over 300 are refused as options, by
/// `verify`, `new Verifier` and `isExpired` alike.
/// (Rust takes a `u64`, capped by `Validation::leeway`.)
#[wasm_bindgen_test]
fn leeway_nan_negative_or_over_300_is_a_configuration_error() {
    let token = text(&token());
    for leeway in [
        "NaN",
        "-1",
        "-0.5",
        "-1e-9",
        "-Infinity",
        "Infinity",
        "300.5",
        "301",
        "1e300",
    ] {
        let options = js(&format!("({{ now: {NOW}, leeway: {leeway} }})"));
        let error = thrown(verify(&token, &text(KEY_512), &options));
        assert_eq!(
            get_string(&error, "code").as_deref(),
            Some("ERR_INVALID_OPTIONS"),
            "verify, leeway {leeway}"
        );
        let message = get_string(&error, "message").expect("a message");
        assert!(message.contains("leeway"), "{message}");
        assert_code(
            Verifier::new(&text(KEY_512), &options),
            "ERR_INVALID_OPTIONS",
            &format!("Verifier, leeway {leeway}"),
        );
        let number = js(leeway).as_f64().expect("a number");
        assert_code(
            is_expired(&token, Some(number), Some(NOW)),
            "ERR_INVALID_OPTIONS",
            &format!("isExpired, leeway {leeway}"),
        );
    }
    // The bounds themselves, negative zero and fractions within them are fine.
    for leeway in ["0", "-0", "0.5", "299.9", "300"] {
        let options = js(&format!("({{ now: {NOW}, leeway: {leeway} }})"));
        assert!(verify(&token, &text(KEY_512), &options).is_ok(), "{leeway}");
        assert!(Verifier::new(&text(KEY_512), &options).is_ok(), "{leeway}");
        let number = js(leeway).as_f64().expect("a number");
        assert!(
            is_expired(&token, Some(number), Some(NOW)).is_ok(),
            "{leeway}"
        );
    }
}

// ---------------------------------------------------------------- decode

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

// -------------------------------------------------------------- Verifier

#[wasm_bindgen_test]
fn verifier_with_two_algorithms_verifies_both_and_refuses_a_third() {
    let options = at_now(r#""algorithms":["HS256","HS384"]"#);
    let mut verifier = Verifier::new(&text(KEY_512), &options).expect("verifier");
    for alg in ["HS256", "HS384"] {
        let token = token_with(&format!(r#""alg":"{alg}","expiresIn":900"#));
        let payload = verifier.verify(&text(&token)).expect(alg);
        assert_eq!(get_string(&payload, "sub").as_deref(), Some("user-1"));
        // Reusable.
        assert!(verifier.verify(&text(&token)).is_ok());
    }
    let hs512 = token_with(r#""alg":"HS512","expiresIn":900"#);
    assert_code(
        verifier.verify(&text(&hs512)),
        "ERR_JOSE_ALG_NOT_ALLOWED",
        "HS512",
    );
    assert_code(
        verifier.verify(&text(&format!("{}.x", token()))),
        "ERR_JWS_INVALID",
        "malformed",
    );
}

#[wasm_bindgen_test]
fn verifier_applies_its_claim_options_and_the_real_clock() {
    let options = at_now(r#""issuer":"https://a.example","audience":"api","subject":"user-1""#);
    let mut verifier = Verifier::new(&text(KEY_512), &options).expect("verifier");
    let good = token_with(r#""expiresIn":900,"issuer":"https://a.example","audience":"api""#);
    assert!(verifier.verify(&text(&good)).is_ok());
    let (_, claim, _) = claim_of(verifier.verify(&text(&token())));
    assert_eq!(claim.as_deref(), Some("iss"));

    // Without `now`, the real clock: a fresh token verifies, an old one expired.
    let mut clocked = Verifier::new(&text(KEY_512), &JsValue::UNDEFINED).expect("verifier");
    let fresh = sign(&json("{}"), &text(KEY_512), &json(r#"{"expiresIn":"5m"}"#)).expect("sign");
    assert!(clocked.verify(&text(&fresh)).is_ok());
    assert_code(
        clocked.verify(&text(&token())),
        "ERR_JWT_EXPIRED",
        "old token",
    );
}

// ---------------------------------------------------------------- Signer

#[wasm_bindgen_test]
fn signer_writes_exactly_the_claims_its_options_set() {
    let options = at_now(
        r#""expiresIn":"15m","issuer":"https://auth.example","audience":"api","subject":"user-1","jwtId":true,"keyId":"k1","typ":"at+jwt""#,
    );
    let signer = Signer::new(&text(KEY_256), &options).expect("signer");
    let first = signer.sign(&json(r#"{"role":"admin"}"#)).expect("sign");
    let second = signer.sign(&json(r#"{"role":"admin"}"#)).expect("sign");

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
        .sign(&json(r#"{"iss":"someone else"}"#))
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

// --------------------------------------------------------------- payloads

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

// --------------------------------------------------------------- no panic

/// Garbage tokens: each must come back as a `JwtError`, never a trap.
fn garbage_tokens() -> Vec<JsValue> {
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
        URL_SAFE_NO_PAD.encode([0xFF, 0xFE, 0x7B]),
        URL_SAFE_NO_PAD.encode([0xC0, 0x80]),
        URL_SAFE_NO_PAD.encode([0u8; 32])
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
        let context = format!("{options:?}");
        assert_code(
            verify(&text(&token), &text(KEY_512), options),
            "ERR_INVALID_OPTIONS",
            &context,
        );
        assert_code(
            Verifier::new(&text(KEY_512), options),
            "ERR_INVALID_OPTIONS",
            &context,
        );
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
