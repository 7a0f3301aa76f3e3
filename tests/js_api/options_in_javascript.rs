//! The errors built in JavaScript and the verify options read there
//! (`pkg-template/host.js`): the same messages as the crate's [`Error`], the
//! options read as their `JSON.stringify` text gives them, and the options
//! kept between one-shot calls compared value by value.

use super::{
    assert_code, at_now, claim_of, forged, get_string, js, json, text, thrown, token, token_with,
    KEY_512, NOW,
};
use jwt_edge::js::{decode, verify, Verifier};
use jwt_edge::Error;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Asserts that the thrown error has the code, claim, reason and message of `expected`.
fn assert_error_is<T>(result: Result<T, JsValue>, expected: &Error, context: &str) {
    let error = thrown(result);
    let option_reason = match expected {
        Error::InvalidOptions { reason, .. } => Some(*reason),
        _ => expected.reason(),
    };
    assert_eq!(
        get_string(&error, "message").as_deref(),
        Some(expected.message().as_str()),
        "{context}"
    );
    assert_eq!(
        get_string(&error, "code").as_deref(),
        Some(expected.code()),
        "{context}"
    );
    assert_eq!(
        get_string(&error, "claim").as_deref(),
        expected.claim(),
        "{context}"
    );
    assert_eq!(
        get_string(&error, "reason").as_deref(),
        option_reason,
        "{context}"
    );
}

fn option(option: &str, reason: &'static str) -> Error {
    Error::InvalidOptions {
        option: option.into(),
        reason,
    }
}

#[wasm_bindgen_test]
fn thrown_errors_have_the_messages_of_the_crate_errors() {
    let key = text(KEY_512);
    let expired = json(&format!(r#"{{"now":{}}}"#, NOW + 900.0));
    let cases: Vec<(Result<JsValue, JsValue>, Error)> = vec![
        (
            decode(&text("x")),
            Error::MalformedToken {
                reason: "a compact JWS has exactly three segments",
            },
        ),
        (
            verify(&text(&token()), &text(&"k".repeat(64)), &at_now("")),
            Error::SignatureInvalid,
        ),
        (verify(&text(&token()), &key, &expired), Error::Expired),
        (
            verify(&text(&token()), &key, &at_now(r#""algorithms":["HS384"]"#)),
            Error::AlgorithmNotAllowed,
        ),
        (
            verify(
                &text(&token_with(r#""expiresIn":900,"notBefore":60"#)),
                &key,
                &at_now(""),
            ),
            Error::ClaimInvalid {
                claim: "nbf".into(),
                reason: "check_failed",
            },
        ),
    ];
    for (index, (result, expected)) in cases.into_iter().enumerate() {
        assert_error_is(result, &expected, &format!("case {index}: {expected:?}"));
    }
    // The reasons the crate gives, with the message built from them.
    let with_reason = |result: Result<JsValue, JsValue>, error: fn(&'static str) -> Error| {
        let reason = get_string(&thrown(result.clone()), "reason").unwrap_or_default();
        assert_error_is(
            result,
            &error(Box::leak(reason.into_boxed_str())),
            "with its reason",
        );
    };
    let crit = forged(r#"{"alg":"HS256","crit":["x"],"x":1}"#, "{}");
    with_reason(verify(&text(&crit), &key, &at_now("")), |reason| {
        Error::NotSupported { reason }
    });
    let short = Verifier::new(&text("short"), &JsValue::UNDEFINED).map(JsValue::from);
    with_reason(short, |reason| Error::InvalidKey { reason });
    let claims = forged(r#"{"alg":"HS256"}"#, r#"{"exp":"soon"}"#);
    with_reason(decode(&text(&claims)), |reason| Error::InvalidClaims {
        reason,
    });
    let too_old = verify(
        &text(&token()),
        &key,
        &json(&format!(r#"{{"now":{},"maxAge":10}}"#, NOW + 60.0)),
    );
    assert_error_is(too_old, &Error::TooOld, "maxAge");
}

#[wasm_bindgen_test]
fn verify_option_errors_have_the_messages_of_the_crate_errors() {
    let algorithm_names = if cfg!(feature = "asymmetric") {
        "must be an algorithm name: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, \
         PS512, ES256, ES384, ES512, EdDSA or Ed25519"
    } else {
        "must be \"HS256\", \"HS384\" or \"HS512\""
    };
    let cases = [
        (
            at_now(r#""leeway":301"#),
            option("leeway", "must be a number from 0 to 300 seconds"),
        ),
        (
            at_now(r#""algorithms":"HS256""#),
            option("algorithms", "must be an array of algorithm names"),
        ),
        (
            at_now(r#""algorithms":[]"#),
            option("algorithms", "must name at least one algorithm"),
        ),
        (
            at_now(r#""algorithms":["none"]"#),
            option("algorithms", algorithm_names),
        ),
        (
            at_now(r#""issuer":[]"#),
            option("issuer", "must name at least one value"),
        ),
        (
            at_now(r#""audience":[1]"#),
            option("audience", "must be a string or an array of strings"),
        ),
        (
            at_now(r#""subject":1"#),
            option("subject", "must be a string"),
        ),
        (at_now(r#""typ":null"#), option("typ", "must be a string")),
        (
            at_now(r#""maxAge":"forever""#),
            option(
                "maxAge",
                "must be seconds or a duration such as \"15m\", \"2h\" or \"7d\"",
            ),
        ),
        (
            at_now(r#""requiredClaims":"exp""#),
            option("requiredClaims", "must be an array of claim names"),
        ),
        (
            json(r#"{"now":-1}"#),
            option("now", "must be a number of seconds from 0 to 2^53"),
        ),
        (
            json(r#"{"now":"now"}"#),
            option("now", "must be a number of seconds"),
        ),
        (
            js("({ now: NaN })"),
            option("now", "must be a number of seconds"),
        ),
        (
            at_now(r#""maxTokenLength":0"#),
            option("maxTokenLength", "must be a positive number of bytes"),
        ),
        (
            at_now(r#""maxTokenLength":4294967296"#),
            option("maxTokenLength", "must be a positive number of bytes"),
        ),
        (
            at_now(r#""audiance":"api""#),
            option("audiance", "is not a verify option"),
        ),
        (
            js(&format!("({{ now: {NOW}, issuer: undefined }})")),
            option(
                "issuer",
                "is undefined (or a function or a symbol): leave it out, or give it a value",
            ),
        ),
        (json("[]"), option("options", "must be an object")),
        (js("({ now: 1n })"), option("options", "must be an object")),
        (
            js(r"({ issuer: '\uD800' })"),
            option("options", "must be an object"),
        ),
        // The first member that fails, in order.
        (
            at_now(r#""leeway":301,"algorithms":[]"#),
            option("leeway", "must be a number from 0 to 300 seconds"),
        ),
    ];
    let token = text(&token());
    for (options, expected) in &cases {
        let context = format!("{options:?}");
        assert_error_is(verify(&token, &text(KEY_512), options), expected, &context);
        let verifier = Verifier::new(&text(KEY_512), options).map(JsValue::from);
        assert_error_is(verifier, expected, &context);
    }
}

#[wasm_bindgen_test]
fn options_are_read_as_their_json_text_gives_them() {
    let token = text(&token_with(
        r#""expiresIn":900,"issuer":"iss","audience":"api""#,
    ));
    let key = text(KEY_512);
    let accepted = [
        // A boxed number is its number, a value's toJSON gives the value.
        format!("({{ now: new Number({NOW}) }})"),
        format!("({{ now: {NOW}, issuer: {{ toJSON(name) {{ return name === 'issuer' ? 'iss' : 'x'; }} }} }})"),
        format!("Object.assign(Object.create(null), {{ now: {NOW}, audience: ['api'] }})"),
        format!("new (class {{ constructor() {{ this.now = {NOW}; }} }})()"),
        format!("({{ now: {NOW}, audience: {{ toJSON() {{ return ['api']; }} }} }})"),
    ];
    for options in &accepted {
        assert!(verify(&token, &key, &js(options)).is_ok(), "{options}");
        assert!(Verifier::new(&key, &js(options)).is_ok(), "{options}");
    }
    // An array's undefined item is null to JSON, not a string.
    assert_code(
        verify(
            &token,
            &key,
            &js(&format!("({{ now: {NOW}, audience: ['api', undefined] }})")),
        ),
        "ERR_INVALID_OPTIONS",
        "undefined item",
    );
    // A value whose toJSON gives undefined is left out, so refused by name.
    let left_out = thrown(verify(
        &token,
        &key,
        &js(&format!(
            "({{ now: {NOW}, audience: {{ toJSON() {{ return undefined; }} }} }})"
        )),
    ));
    assert!(
        get_string(&left_out, "message").is_some_and(|message| message.contains("\"audience\""))
    );
}

#[wasm_bindgen_test]
fn the_kept_options_serve_only_options_with_the_same_values() {
    let token = text(&token_with(r#""expiresIn":900,"audience":"api""#));
    let key = text(KEY_512);
    // One object, changed in place between calls.
    let options = js(&format!("({{ now: {NOW}, audience: ['api'] }})"));
    assert!(verify(&token, &key, &options).is_ok());
    assert!(verify(&token, &key, &options).is_ok());
    js_sys::Reflect::set(
        &js_sys::Reflect::get(&options, &text("audience")).expect("audience"),
        &JsValue::from(0),
        &text("web"),
    )
    .expect("set");
    let (code, claim, _) = claim_of(verify(&token, &key, &options));
    assert_eq!(
        (code.as_str(), claim.as_deref()),
        ("ERR_JWT_CLAIM_VALIDATION_FAILED", Some("aud"))
    );
    // A getter read once per call: its values alternate, and so do the results.
    let alternating = js(&format!(
        "(() => {{ let calls = 0; return {{ now: {NOW}, get audience() {{ calls += 1; return calls % 2 ? 'api' : 'web'; }} }}; }})()"
    ));
    for round in 0..4 {
        let result = verify(&token, &key, &alternating);
        assert_eq!(result.is_ok(), round % 2 == 0, "call {round}");
    }
    // The same options after a call without options, and after a refused one.
    assert!(verify(&token, &key, &at_now(r#""audience":"api""#)).is_ok());
    assert!(verify(&token, &key, &JsValue::UNDEFINED).is_err());
    assert!(verify(&token, &key, &at_now(r#""audience":"api","leeway":-1"#)).is_err());
    assert!(verify(&token, &key, &at_now(r#""audience":"web""#)).is_err());
    assert!(verify(&token, &key, &at_now(r#""audience":"api""#)).is_ok());
}
