//! Wycheproof raw-signature vectors (C2SP/wycheproof, commit dac1dd4,
//! Apache-2.0; see `tests/vectors/README.md`) against the asymmetric keys:
//! ECDSA P-256/384/521 with fixed-length `r || s`, Ed25519, RSASSA-PKCS1-v1_5
//! 2048/3072/4096 and RSASSA-PSS. Every case of every file runs; each key is
//! read from its JWK, its DER SPKI and its PEM, which must agree.
//!
//! `acceptable` cases (only the RSA PKCS#1 v1.5 `MissingNull` cases: a
//! `DigestInfo` whose hash `AlgorithmIdentifier` omits the `NULL`
//! parameters) are refused: RFC 8017 §9.2 builds the encoding with the
//! `NULL`, and a verifier that compares the whole encoding accepts nothing
//! else.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::vectors::{field, hex, load, text};
use jwt_edge::{Algorithm, Error, KeyRequest, KeySource, PublicKey, VerifyingKey};
use serde_json::Value;

fn array<'a>(value: &'a Value, name: &str) -> &'a [Value] {
    field(value, name).as_array().expect("an array")
}

/// How many cases ended each way.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    valid: usize,
    invalid: usize,
    acceptable_refused: usize,
}

/// The group's JWK, or for the few ECDSA groups without one, a JWK made
/// from the uncompressed point (`04 || x || y`).
fn group_jwk(group: &Value, jwk_member: &str) -> Vec<u8> {
    if let Some(jwk) = group.get(jwk_member) {
        return serde_json::to_vec(jwk).expect("JSON");
    }
    let public = field(group, "publicKey");
    let point = hex(text(public, "uncompressed"));
    let len = (point.len() - 1) / 2;
    let crv = match text(public, "curve") {
        "secp256r1" => "P-256",
        "secp384r1" => "P-384",
        _ => "P-521",
    };
    let b64 = |bytes: &[u8]| URL_SAFE_NO_PAD.encode(bytes);
    format!(
        r#"{{"kty":"EC","crv":"{crv}","x":"{}","y":"{}"}}"#,
        b64(&point[1..=len]),
        b64(&point[1 + len..])
    )
    .into_bytes()
}

/// Reads the group's key three ways; they must be the same key.
fn group_key(group: &Value, jwk_member: &str, algorithm: Algorithm) -> PublicKey {
    let jwk = group_jwk(group, jwk_member);
    let from_jwk = PublicKey::from_jwk(&jwk).expect("the group's JWK is a valid key");
    let from_der = PublicKey::from_spki_der(&hex(text(group, "publicKeyDer")))
        .expect("the group's DER is a valid key");
    let from_pem = PublicKey::from_spki_pem(text(group, "publicKeyPem"))
        .expect("the group's PEM is a valid key");
    assert_eq!(from_jwk.thumbprint(), from_der.thumbprint());
    assert_eq!(from_der, from_pem);
    assert!(from_jwk.fits(algorithm), "{algorithm} fits the group's key");
    from_jwk
}

fn run(file: &str, jwk_member: &str, algorithm: Algorithm, expected_tests: usize) -> Tally {
    let vectors = load(file);
    let mut tally = Tally::default();
    for group in array(&vectors, "testGroups") {
        let key = group_key(group, jwk_member, algorithm);
        let allowed = [algorithm];
        let bound = key
            .key_for(&KeyRequest::new(algorithm, None, &allowed))
            .expect("the key serves its own algorithm");
        assert_eq!(bound.algorithm(), algorithm);
        for case in array(group, "tests") {
            let id = field(case, "tcId");
            let outcome = bound.verify_signature(&hex(text(case, "msg")), &hex(text(case, "sig")));
            match text(case, "result") {
                "valid" => {
                    assert_eq!(outcome, Ok(()), "{file} tc {id}");
                    tally.valid += 1;
                }
                "invalid" => {
                    assert_eq!(outcome, Err(Error::SignatureInvalid), "{file} tc {id}");
                    tally.invalid += 1;
                }
                "acceptable" => {
                    let flags = array(case, "flags");
                    assert_eq!(flags, [Value::from("MissingNull")], "{file} tc {id}");
                    assert_eq!(outcome, Err(Error::SignatureInvalid), "{file} tc {id}");
                    tally.acceptable_refused += 1;
                }
                other => panic!("unknown result {other:?}"),
            }
        }
    }
    let total = tally.valid + tally.invalid + tally.acceptable_refused;
    assert_eq!(total, expected_tests, "{file}: every case ran");
    assert_eq!(
        field(&vectors, "numberOfTests").as_u64(),
        Some(total as u64)
    );
    tally
}

#[test]
fn ecdsa_p256_fixed_length_signatures_match_every_verdict() {
    let tally = run(
        "ecdsa_secp256r1_sha256_p1363_test.json",
        "publicKeyJwk",
        Algorithm::Es256,
        262,
    );
    assert_eq!((tally.valid, tally.invalid), (173, 89));
}

#[test]
fn ecdsa_p384_fixed_length_signatures_match_every_verdict() {
    let tally = run(
        "ecdsa_secp384r1_sha384_p1363_test.json",
        "publicKeyJwk",
        Algorithm::Es384,
        280,
    );
    assert_eq!((tally.valid, tally.invalid), (193, 87));
}

#[test]
fn ecdsa_p521_fixed_length_signatures_match_every_verdict() {
    let tally = run(
        "ecdsa_secp521r1_sha512_p1363_test.json",
        "publicKeyJwk",
        Algorithm::Es512,
        318,
    );
    assert_eq!((tally.valid, tally.invalid), (231, 87));
}

#[test]
fn ed25519_strict_verification_matches_every_verdict() {
    for algorithm in [Algorithm::EdDsa, Algorithm::Ed25519] {
        let tally = run("ed25519_test.json", "publicKeyJwk", algorithm, 151);
        assert_eq!((tally.valid, tally.invalid), (88, 63));
    }
}

#[test]
fn rsa_pkcs1_signatures_match_every_verdict_and_refuse_missing_null() {
    for (file, algorithm, valid, invalid) in [
        (
            "rsa_signature_2048_sha256_test.json",
            Algorithm::Rs256,
            9,
            249,
        ),
        (
            "rsa_signature_2048_sha384_test.json",
            Algorithm::Rs384,
            7,
            250,
        ),
        (
            "rsa_signature_2048_sha512_test.json",
            Algorithm::Rs512,
            8,
            250,
        ),
        (
            "rsa_signature_3072_sha256_test.json",
            Algorithm::Rs256,
            8,
            250,
        ),
        (
            "rsa_signature_4096_sha512_test.json",
            Algorithm::Rs512,
            7,
            251,
        ),
    ] {
        let tally = run(file, "keyJwk", algorithm, valid + invalid + 1);
        assert_eq!(
            tally,
            Tally {
                valid,
                invalid,
                acceptable_refused: 1
            },
            "{file}"
        );
    }
}

#[test]
fn rsa_pss_signatures_with_hash_length_salts_match_every_verdict() {
    let tally = run(
        "rsa_pss_2048_sha256_mgf1_32_test.json",
        "publicKeyJwk",
        Algorithm::Ps256,
        108,
    );
    assert_eq!((tally.valid, tally.invalid), (63, 45));
    let tally = run(
        "rsa_pss_4096_sha512_mgf1_64_test.json",
        "publicKeyJwk",
        Algorithm::Ps512,
        179,
    );
    assert_eq!((tally.valid, tally.invalid), (132, 47));
}
