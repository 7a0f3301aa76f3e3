//! Where the package claims jose's codes, it keeps them: a token older than
//! `maxAge` is expired (`ERR_JWT_EXPIRED`, claim `iat`), and a `Verifier`
//! accepts what `verify` accepts with the same key and options and refuses the
//! rest with the same codes.

use super::{
    assert_code, at_now, bytes_key, claim_of, code_of, json, sign, text, token_with, ALGORITHMS,
    KEY_40, KEY_512, NOW,
};
use jwt_edge::js::{verify, Verifier};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_token_older_than_max_age_is_err_jwt_expired_with_claim_iat() {
    let token = text(&token_with(r#""expiresIn":"7d""#));
    let too_old = json(&format!(r#"{{"now":{},"maxAge":"1h"}}"#, NOW + 3601.0));
    let expected = (
        "ERR_JWT_EXPIRED".to_owned(),
        Some("iat".to_owned()),
        Some("check_failed".to_owned()),
    );
    assert_eq!(claim_of(verify(&token, &text(KEY_512), &too_old)), expected);
    let mut verifier = Verifier::new(&text(KEY_512), &too_old).expect("verifier");
    assert_eq!(claim_of(verifier.verify(&token)), expected);
    let just_in_time = json(&format!(r#"{{"now":{},"maxAge":3600}}"#, NOW + 3600.0));
    assert!(verify(&token, &text(KEY_512), &just_in_time).is_ok());
}

/// `Verifier(key40, { algorithms: ["HS256", "HS384"] })`: made, HS256 tokens
/// verify, HS384 tokens get `ERR_KEY_INVALID` when verified.
#[wasm_bindgen_test]
fn a_key_too_short_for_one_allowed_algorithm_refuses_only_its_tokens() {
    let options = at_now(r#""algorithms":["HS256","HS384"]"#);
    let hs256 = sign(
        &json("{}"),
        &text(KEY_40),
        &at_now(r#""alg":"HS256","expiresIn":900"#),
    )
    .expect("sign");
    let hs384 = token_with(r#""alg":"HS384","expiresIn":900"#);
    for key in [text(KEY_40), bytes_key(KEY_40.as_bytes())] {
        let mut verifier = Verifier::new(&key, &options).expect("made");
        assert!(verifier.verify(&text(&hs256)).is_ok());
        assert!(verify(&text(&hs256), &key, &options).is_ok());
        assert_code(
            verifier.verify(&text(&hs384)),
            "ERR_KEY_INVALID",
            "Verifier",
        );
        assert_code(
            verify(&text(&hs384), &key, &options),
            "ERR_KEY_INVALID",
            "verify",
        );
        // Still usable.
        assert!(verifier.verify(&text(&hs256)).is_ok());
    }
}

/// Every key length against every set of allowed algorithms and every token
/// algorithm: `Verifier.verify` and `verify` agree on every outcome. A key no
/// allowed algorithm can use is refused when the verifier is made, and then
/// `verify` accepts nothing with it either.
#[wasm_bindgen_test]
fn a_verifier_accepts_and_refuses_what_verify_does_with_the_same_codes() {
    let sets = [
        r#"["HS256"]"#,
        r#"["HS384"]"#,
        r#"["HS512"]"#,
        r#"["HS256","HS384"]"#,
        r#"["HS384","HS512"]"#,
        r#"["HS512","HS256"]"#,
        r#"["HS256","HS384","HS512"]"#,
    ];
    for length in [31, 32, 47, 48, 63, 64] {
        let key = text(&KEY_512[..length]);
        // Each token signed with this key where it is long enough, with the
        // whole 64-byte key otherwise.
        let tokens: Vec<JsValue> = ALGORITHMS
            .iter()
            .map(|alg| {
                let options = at_now(&format!(r#""alg":"{alg}","expiresIn":900"#));
                let signed = sign(&json("{}"), &key, &options)
                    .or_else(|_| sign(&json("{}"), &text(KEY_512), &options))
                    .expect("sign");
                text(&signed)
            })
            .collect();
        for set in sets {
            let options = at_now(&format!(r#""algorithms":{set}"#));
            let context = format!("{length}-byte key, {set}");
            match Verifier::new(&key, &options) {
                Ok(mut verifier) => {
                    for token in &tokens {
                        let one_shot = verify(token, &key, &options);
                        let keyed = verifier.verify(token);
                        match (one_shot, keyed) {
                            (Ok(_), Ok(_)) => {}
                            (Err(a), Err(b)) => {
                                assert_eq!(
                                    code_of::<()>(Err(a)),
                                    code_of::<()>(Err(b)),
                                    "{context}"
                                );
                            }
                            (a, b) => panic!(
                                "{context}: verify {:?}, Verifier {:?}",
                                a.is_ok(),
                                b.is_ok()
                            ),
                        }
                    }
                }
                Err(error) => {
                    assert_eq!(code_of::<()>(Err(error)), "ERR_KEY_INVALID", "{context}");
                    for token in &tokens {
                        assert!(verify(token, &key, &options).is_err(), "{context}");
                    }
                }
            }
        }
    }
}
