//! The `Verifier` class: its algorithms, its key, its options.

use super::{
    assert_code, at_now, claim_of, get_string, json, sign, text, token, token_with, KEY_512,
};
use jwt_edge::js::Verifier;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

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
