//! Rule 4: `alg` is checked against the caller's key.

use super::{
    assert_malformed, assert_verifies, key, validation, verify_with, with_header, with_signature,
    HEADER,
};
use crate::common::codes::ALG_NOT_ALLOWED;
use crate::common::{code, EXP};
use jwt_edge::{sign, verify, verify_jws, Algorithm, Claims, HeaderOptions, HmacKey, NumericDate};

#[test]
fn rule_4_alg_must_be_present_and_a_string() {
    for header in [
        "{}",
        r#"{"typ":"JWT"}"#,
        r#"{"ALG":"HS256"}"#,
        r#"{"alg":null}"#,
        r#"{"alg":256}"#,
        r#"{"alg":true}"#,
        r#"{"alg":["HS256"]}"#,
        r#"{"alg":{"name":"HS256"}}"#,
    ] {
        assert_malformed(&with_header(header), header);
    }
}

#[test]
fn rule_4_none_in_any_spelling_is_not_allowed() {
    for none in ["none", "None", "NONE", "nOnE"] {
        let header = format!(r#"{{"alg":"{none}","typ":"JWT"}}"#);
        // Validly signed with the key, and unsigned: both refused on `alg`.
        let signed = with_header(&header);
        let unsigned = with_signature(&signed, "");
        for token in [signed, unsigned] {
            assert_eq!(
                verify_with(&token, &validation()),
                Err(ALG_NOT_ALLOWED),
                "{none}"
            );
            assert_eq!(
                code(verify_jws(&token, &key(), &validation())),
                Err(ALG_NOT_ALLOWED),
                "{none}"
            );
        }
    }
}

#[test]
fn rule_4_unknown_and_asymmetric_algorithms_are_not_allowed() {
    for alg in [
        "RS256",
        "ES256",
        "PS256",
        "EdDSA",
        "ES256K",
        "HS257",
        "hs256",
        "Hs256",
        "HS256 ",
        " HS256",
        "HS256\\u0000",
        "",
        "HMAC",
        "A256GCMKW",
        "dir",
    ] {
        let token = with_header(&format!(r#"{{"alg":"{alg}"}}"#));
        assert_eq!(
            verify_with(&token, &validation()),
            Err(ALG_NOT_ALLOWED),
            "{alg:?}"
        );
    }
}

#[test]
fn rule_4_the_key_fixes_the_algorithm() {
    let secret = [0x42; 64];
    let hs256 = HmacKey::new(Algorithm::Hs256, &secret).expect("valid");
    for algorithm in [Algorithm::Hs384, Algorithm::Hs512] {
        let signer = HmacKey::new(algorithm, &secret).expect("valid");
        let mut claims = Claims::new();
        claims.expires_at = NumericDate::from_secs(EXP);
        let token = sign(&claims, &signer, &HeaderOptions::new());
        assert!(verify(&token, &signer, &validation()).is_ok());
        assert_eq!(
            code(verify(&token, &hs256, &validation())),
            Err(ALG_NOT_ALLOWED),
            "{algorithm} token, HS256 key"
        );
    }
    // And the other way round: an HS256 token is not checked with an HS512 key.
    let hs512 = HmacKey::new(Algorithm::Hs512, &secret).expect("valid");
    let mut claims = Claims::new();
    claims.expires_at = NumericDate::from_secs(EXP);
    let token = sign(&claims, &hs256, &HeaderOptions::new());
    assert_eq!(
        code(verify(&token, &hs512, &validation())),
        Err(ALG_NOT_ALLOWED)
    );
}

#[test]
fn rule_4_validation_algorithms_narrow_what_the_key_accepts() {
    let token = with_header(HEADER);
    assert_verifies(&token, &validation());
    assert_verifies(
        &token,
        &validation().algorithms(&[Algorithm::Hs256, Algorithm::Hs384]),
    );
    for narrowed in [
        validation().algorithms(&[Algorithm::Hs384]),
        validation().algorithms(&[Algorithm::Hs512, Algorithm::Hs384]),
    ] {
        assert_eq!(verify_with(&token, &narrowed), Err(ALG_NOT_ALLOWED));
        assert_eq!(
            code(verify_jws(&token, &key(), &narrowed)),
            Err(ALG_NOT_ALLOWED)
        );
    }
}
