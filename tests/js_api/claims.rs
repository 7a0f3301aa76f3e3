//! Claim failures name the claim; the maximum age.

use super::{at_now, claim_of, json, text, token, token_with, KEY_512, NOW};
use jwt_edge::js::verify;
use wasm_bindgen_test::wasm_bindgen_test;

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
