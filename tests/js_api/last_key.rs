//! The one-shot `verify` and `sign` keep the last key they prepared, matched by
//! its secret: a call with another secret never uses the key of the last one.

use super::{assert_code, at_now, bytes_key, json, sign, text, ALGORITHMS};
use jwt_edge::js::verify;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn signed(secret: &JsValue, alg: &str) -> JsValue {
    let options = at_now(&format!(r#""alg":"{alg}","expiresIn":900"#));
    text(&sign(&json(r#"{"sub":"user-1"}"#), secret, &options).expect("sign"))
}

fn verified(token: &JsValue, secret: &JsValue, alg: &str) -> Result<JsValue, JsValue> {
    verify(
        token,
        secret,
        &at_now(&format!(r#""algorithms":["{alg}"]"#)),
    )
}

#[wasm_bindgen_test]
fn a_changed_secret_is_never_verified_with_the_last_key() {
    let a = "0123456789abcdef".repeat(4);
    // The same length with one byte changed, at the end and at the start; one
    // byte shorter; one byte longer.
    let others = [
        format!("{}X", &a[..63]),
        format!("X{}", &a[1..]),
        a[..63].to_owned(),
        format!("{a}X"),
    ];
    for other in &others {
        for (first, second) in [(&a, other), (other, &a)] {
            for alg in ALGORITHMS {
                let context = format!("{alg}: {first} then {second}");
                let short = first.len().min(second.len()) < 64;
                let (first, second) = (text(first), text(second));
                if alg == "HS512" && short {
                    // The shorter secret is too short for HS512 even right
                    // after the longer one it starts like was used.
                    let long = if first.as_string().unwrap().len() == 64 {
                        &first
                    } else {
                        &second
                    };
                    let token = signed(long, alg);
                    assert!(verified(&token, long, alg).is_ok(), "{context}");
                    assert_code(
                        verified(&token, &text(&a[..63]), alg),
                        "ERR_KEY_INVALID",
                        &context,
                    );
                    continue;
                }
                let token = signed(&first, alg);
                assert!(verified(&token, &first, alg).is_ok(), "{context}");
                assert_code(
                    verified(&token, &second, alg),
                    "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
                    &context,
                );
                assert!(verified(&token, &first, alg).is_ok(), "{context}");
                // Signing right after the first secret was used signs with the second.
                let other_token = signed(&second, alg);
                assert_code(
                    verified(&other_token, &first, alg),
                    "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
                    &context,
                );
                assert!(verified(&other_token, &second, alg).is_ok(), "{context}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn the_same_secret_as_a_string_or_its_bytes_is_one_key() {
    let secret = "0123456789abcdef".repeat(4);
    let token = signed(&text(&secret), "HS256");
    assert!(verified(&token, &bytes_key(secret.as_bytes()), "HS256").is_ok());
    let mut changed = secret.clone().into_bytes();
    changed[31] ^= 1;
    assert_code(
        verified(&token, &bytes_key(&changed), "HS256"),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "one bit changed",
    );
    assert!(verified(&token, &text(&secret), "HS256").is_ok());
}
