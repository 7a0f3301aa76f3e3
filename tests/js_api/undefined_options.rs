//! An option set to `undefined` is refused by name, in every entry: options
//! cross as their `JSON.stringify` text, which leaves such a member out, so
//! `{ audience: config.audience }` with the audience unset would otherwise
//! verify with no audience check.

use super::{at_now, get_string, js, sign, thrown, token, KEY_512};
use jwt_edge::js::{verify, Signer, Verifier};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// `{ now: NOW, <name>: undefined }`: `now` set so that only `name` can fail.
fn undefined_option(name: &str) -> JsValue {
    js(&format!("{{ now: {}, {name}: undefined }}", super::NOW))
}

/// The call failed with `ERR_INVALID_OPTIONS` naming `name` and saying why.
fn assert_refused<T>(result: Result<T, JsValue>, name: &str, why: &str, entry: &str) {
    let error = thrown(result);
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some("ERR_INVALID_OPTIONS"),
        "{entry} {name}"
    );
    let message = get_string(&error, "message").unwrap_or_default();
    assert!(
        message.contains(&format!("\"{name}\"")) && message.contains(why),
        "{entry} {name}: {message}"
    );
}

fn assert_verify_option_refused(name: &str) {
    let options = undefined_option(name);
    let token = JsValue::from_str(&token());
    let key = JsValue::from_str(KEY_512);
    assert_refused(
        verify(&token, &key, &options),
        name,
        "is undefined",
        "verify",
    );
    assert_refused(
        Verifier::new(&key, &options),
        name,
        "is undefined",
        "Verifier",
    );
}

fn assert_sign_option_refused(name: &str) {
    let options = undefined_option(name);
    let key = JsValue::from_str(KEY_512);
    assert_refused(
        sign(&js("{}"), &key, &options),
        name,
        "is undefined",
        "sign",
    );
    assert_refused(Signer::new(&key, &options), name, "is undefined", "Signer");
}

macro_rules! undefined_options_are_refused {
    ($check:ident: $($test:ident = $name:literal),* $(,)?) => {
        $(
            #[wasm_bindgen_test]
            fn $test() {
                $check($name);
            }
        )*
    };
}

undefined_options_are_refused! {
    assert_verify_option_refused:
    verify_option_algorithms_undefined_is_refused = "algorithms",
    verify_option_issuer_undefined_is_refused = "issuer",
    verify_option_audience_undefined_is_refused = "audience",
    verify_option_subject_undefined_is_refused = "subject",
    verify_option_leeway_undefined_is_refused = "leeway",
    verify_option_max_age_undefined_is_refused = "maxAge",
    verify_option_required_claims_undefined_is_refused = "requiredClaims",
    verify_option_typ_undefined_is_refused = "typ",
    verify_option_max_token_length_undefined_is_refused = "maxTokenLength",
}

undefined_options_are_refused! {
    assert_sign_option_refused:
    sign_option_alg_undefined_is_refused = "alg",
    sign_option_expires_in_undefined_is_refused = "expiresIn",
    sign_option_not_before_undefined_is_refused = "notBefore",
    sign_option_issuer_undefined_is_refused = "issuer",
    sign_option_audience_undefined_is_refused = "audience",
    sign_option_subject_undefined_is_refused = "subject",
    sign_option_jwt_id_undefined_is_refused = "jwtId",
    sign_option_key_id_undefined_is_refused = "keyId",
    sign_option_typ_undefined_is_refused = "typ",
}

/// `now` itself, without the fixed clock beside it.
#[wasm_bindgen_test]
fn option_now_undefined_is_refused_in_every_entry() {
    let options = js("{ now: undefined }");
    let key = JsValue::from_str(KEY_512);
    let token = JsValue::from_str(&token());
    assert_refused(
        verify(&token, &key, &options),
        "now",
        "is undefined",
        "verify",
    );
    assert_refused(
        Verifier::new(&key, &options),
        "now",
        "is undefined",
        "Verifier",
    );
    assert_refused(
        sign(&js("{}"), &key, &options),
        "now",
        "is undefined",
        "sign",
    );
    assert_refused(Signer::new(&key, &options), "now", "is undefined", "Signer");
}

#[wasm_bindgen_test]
fn options_left_out_of_their_json_text_are_refused_by_name() {
    let key = JsValue::from_str(KEY_512);
    let token = JsValue::from_str(&token());
    // A misspelt name, undefined, is refused too.
    let misspelt = at_now("");
    js_set(&misspelt, "audiance", &JsValue::UNDEFINED);
    assert_refused(
        verify(&token, &key, &misspelt),
        "audiance",
        "is undefined",
        "verify",
    );
    assert_refused(
        sign(&js("{}"), &key, &misspelt),
        "audiance",
        "is undefined",
        "sign",
    );
    // A function or a symbol is no value either.
    for value in [js("() => 'api'"), js("Symbol('api')")] {
        let options = at_now("");
        js_set(&options, "audience", &value);
        assert_refused(
            verify(&token, &key, &options),
            "audience",
            "a function or a symbol",
            "verify",
        );
        assert_refused(
            Signer::new(&key, &options),
            "audience",
            "a function or a symbol",
            "Signer",
        );
    }
    // A getter that returns undefined.
    let getter = js(&format!(
        "{{ now: {}, get issuer() {{ return undefined; }} }}",
        super::NOW
    ));
    assert_refused(
        verify(&token, &key, &getter),
        "issuer",
        "is undefined",
        "verify",
    );
    // Options given with values are unaffected.
    assert!(verify(&token, &key, &at_now(r#""audience":"api""#)).is_err());
    assert!(verify(&token, &key, &at_now(r#""subject":"user-1""#)).is_ok());
}

fn js_set(target: &JsValue, name: &str, value: &JsValue) {
    assert!(js_sys::Reflect::set(target, &JsValue::from_str(name), value).expect("Reflect.set"));
}
