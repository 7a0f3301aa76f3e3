//! Wycheproof's `json_web_signature_test.json` (C2SP/wycheproof, commit
//! dac1dd4, Apache-2.0; see `tests/vectors/README.md`): every case of the
//! groups with an asymmetric key, each with its exact error code, through
//! `verify_jws` with the group's public JWK and through a JWK Set holding it.
//!
//! Labels this crate reads differently, on purpose:
//! - tc 346 and 350 (RFC 7520 Figure 20) are PS384 tokens, but the group's JWK
//!   says `"alg":"PS256"`. A key bound to PS256 never verifies PS384
//!   (`ERR_JOSE_ALG_NOT_ALLOWED`); without the `alg` member, with the caller
//!   allowing PS384, they verify.
//! - tc 347 and 351 (RFC 7520 Figure 27): the JWK says `"alg":"ES521"`, which
//!   is no algorithm (ES512 is). The JWK is refused (`ERR_JWK_INVALID`);
//!   without the member, with the caller allowing ES512, they verify.
//! - tc 353–356: keys for encryption (`use` `enc`, `key_ops` `["encrypt"]`):
//!   refused on import with `ERR_JWK_INVALID`, and passed over in a set.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod common;

use common::code;
use common::codes::{ALG_NOT_ALLOWED, JWK_INVALID, JWS_INVALID, NO_MATCHING_KEY, SIGNATURE_FAILED};
use jwt_edge::{verify_jws, Algorithm, KeySet, PublicKey, Validation};
use serde_json::Value;
use std::collections::BTreeMap;

fn load() -> Value {
    let path = format!(
        "{}/tests/vectors/json_web_signature_test.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON")
}

/// The code each case must end with, verified with its group's JWK.
fn expected(id: u64, comment: &str) -> Result<(), &'static str> {
    match (id, comment) {
        (346 | 350, _) => Err(ALG_NOT_ALLOWED),
        (347 | 351 | 353..=356, _) => Err(JWK_INVALID),
        (
            _,
            "acceptsValid" | "allZeroPayload" | "oneBytePayload" | "normalPayload" | "saltIsAll0"
            | "saltIsAll1" | "Figure13" | "valid",
        ) => Ok(()),
        (
            _,
            // An empty payload segment is refused by this crate's compact
            // form rules (it would also be an empty JWT).
            "emptyPayload"
            | "rejectsMissingSignatureAndSeparator"
            | "rejectsMissingPayload"
            | "rejectsMissingPayloadAndSeparator"
            | "rejectsMissingHeader"
            | "rejectsMissingHeaderAndSeparator"
            | "rejectsMissingHeaderAndSignature"
            | "rejectsMissingHeaderSignatureAndSeparators"
            | "rejectsMissingHeaderSignatureAndSeparator"
            | "rejectsEmptyString",
        ) => Err(JWS_INVALID),
        // HS256 against an EC key; RS*/PS* headers against the PS512 key;
        // `none`.
        (31 | 332 | 334 | 336 | 338 | 340 | 341..=344, _) => Err(ALG_NOT_ALLOWED),
        _ => Err(SIGNATURE_FAILED),
    }
}

/// The group's JWK without its `alg` member.
fn without_alg(jwk: &Value) -> String {
    let mut jwk = jwk.clone();
    jwk.as_object_mut().expect("an object").remove("alg");
    jwk.to_string()
}

#[test]
fn asymmetric_jws_groups_end_with_their_exact_codes() {
    let vectors = load();
    let mut outcomes: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut cases = 0;
    let mut mismatches = Vec::new();
    for group in vectors["testGroups"].as_array().expect("groups") {
        let Some(jwk) = group.get("public") else {
            continue;
        };
        let key = PublicKey::from_jwk(jwk.to_string().as_bytes());
        let set = KeySet::from_remote_json(format!(r#"{{"keys":[{jwk}]}}"#).as_bytes())
            .expect("every group's key makes a valid set");
        for case in group["tests"].as_array().expect("tests") {
            let id = case["tcId"].as_u64().expect("id");
            let comment = case["comment"].as_str().expect("comment");
            let jws = case["jws"].as_str().expect("jws");
            let validation = Validation::new(0);
            let outcome = match &key {
                Ok(key) => code(verify_jws(jws, key, &validation)),
                Err(error) => Err(error.code()),
            };
            if outcome != expected(id, comment) {
                mismatches.push(format!("tc {id} ({comment}): {outcome:?}"));
            }
            *outcomes
                .entry(outcome.err().unwrap_or("valid"))
                .or_default() += 1;
            cases += 1;

            // Through a set: the same, but a `kid` the set lacks finds no key,
            // and a key the set passes over (or refuses) is no key.
            let through_set = code(verify_jws(jws, &set, &validation));
            let expected_through_set = match (expected(id, comment), comment) {
                (Err(JWK_INVALID), _) | (_, "rejectsModifiedHeader") => Err(NO_MATCHING_KEY),
                (Err(ALG_NOT_ALLOWED), _)
                    if id == 31 || (332..=340).contains(&id) || matches!(id, 346 | 350) =>
                {
                    Err(NO_MATCHING_KEY)
                }
                (other, _) => other,
            };
            if through_set != expected_through_set {
                mismatches.push(format!("tc {id} ({comment}) via a set: {through_set:?}"));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
    assert_eq!(cases, 361, "every case of the asymmetric groups");
    assert_eq!(outcomes.get("valid"), Some(&26));
}

/// RFC 7520 §4.2 and §4.3 (tc 346/350, 347/351): the tokens are genuine; the
/// JWKs' `alg` members are what is refused.
#[test]
fn rfc_7520_figures_20_and_27_verify_with_the_algorithm_named_by_the_caller() {
    let vectors = load();
    for group in vectors["testGroups"].as_array().expect("groups") {
        for case in group["tests"].as_array().expect("tests") {
            let (algorithm, named) = match case["tcId"].as_u64() {
                Some(346 | 350) => (Algorithm::Ps384, "PS256"),
                Some(347 | 351) => (Algorithm::Es512, "ES521"),
                _ => continue,
            };
            assert_eq!(group["public"]["alg"], named);
            let key = PublicKey::from_jwk(without_alg(&group["public"]).as_bytes()).expect("key");
            let jws = case["jws"].as_str().expect("jws");
            let allowed = Validation::new(0).algorithms(&[algorithm]);
            assert_eq!(code(verify_jws(jws, &key, &allowed)), Ok(()));
            assert_eq!(
                code(verify_jws(jws, &key, &Validation::new(0))),
                Err(ALG_NOT_ALLOWED)
            );
        }
    }
}
