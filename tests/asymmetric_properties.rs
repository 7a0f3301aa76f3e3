//! Property tests (proptest) of the asymmetric keys, run by `cargo test`:
//!
//! 1. no input makes the JWK, JWK Set or SPKI parsers panic, and each refusal
//!    carries the parser's own code;
//! 2. private keys made from any scalar or seed export to private and public
//!    JWKs that import to the same keys, with stable thumbprints;
//! 3. a token signed by such a key verifies with its public key, through a
//!    JWK, a JWK Set and an SPKI-free re-import, and any one changed byte of
//!    its signature fails;
//! 4. one changed byte of a valid JWK text never panics the parser.
//!
//! The `keys` fuzz target checks properties 1 and 2 with coverage guidance.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod common;

use common::NOW;
use jwt_edge::alg::ecdsa::EcdsaPrivateKey;
use jwt_edge::alg::eddsa::Ed25519PrivateKey;
use jwt_edge::{
    sign, verify, Algorithm, Claims, HeaderOptions, KeySet, NumericDate, PrivateKey, PublicKey,
    Validation,
};
use proptest::prelude::*;

fn claims(subject: &str) -> Claims {
    let mut claims = Claims::new();
    claims.subject = Some(subject.into());
    claims.expires_at = NumericDate::from_secs(NOW + 60);
    claims
}

/// A private key of each signing algorithm from `bytes`, when they are a
/// valid scalar (or seed) for it.
fn private_keys(bytes: &[u8; 66]) -> Vec<PrivateKey> {
    let mut keys = Vec::new();
    if let Ok(key) = Ed25519PrivateKey::from_seed(Algorithm::EdDsa, &bytes[..32]) {
        keys.push(PrivateKey::from(key));
    }
    for (algorithm, len) in [
        (Algorithm::Es256, 32),
        (Algorithm::Es384, 48),
        (Algorithm::Es512, 66),
    ] {
        let mut scalar = bytes[..len].to_vec();
        if algorithm == Algorithm::Es512 {
            scalar[0] &= 1;
        }
        if let Ok(key) = EcdsaPrivateKey::from_scalar(algorithm, &scalar) {
            keys.push(PrivateKey::from(key));
        }
    }
    keys
}

const RFC_8037_JWK: &str = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"k","use":"sig","key_ops":["verify"]}"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_input_panics_the_key_parsers(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        for result in [PublicKey::from_jwk(&bytes).map(|_| ()), PrivateKey::from_jwk(&bytes).map(|_| ())] {
            prop_assert!(result.err().is_none_or(|error| error.code() == "ERR_JWK_INVALID"));
        }
        for result in [KeySet::from_json(&bytes), KeySet::from_remote_json(&bytes)] {
            prop_assert!(result.err().is_none_or(|error| error.code() == "ERR_JWKS_INVALID"));
        }
        let pem = String::from_utf8_lossy(&bytes);
        for result in [PublicKey::from_spki_der(&bytes), PublicKey::from_spki_pem(&pem)] {
            prop_assert!(result.err().is_none_or(|error| error.code() == "ERR_KEY_INVALID"));
        }
    }

    #[test]
    fn keys_round_trip_through_their_jwks(bytes in proptest::array::uniform::<_, 66>(any::<u8>())) {
        for private in private_keys(&bytes) {
            let again = PrivateKey::from_jwk(private.to_jwk().as_bytes()).expect("imports");
            prop_assert_eq!(again.public_key(), private.public_key());
            let public = private.public_key();
            let imported = PublicKey::from_jwk(public.to_jwk().as_bytes()).expect("imports");
            prop_assert_eq!(imported.thumbprint(), public.thumbprint());
            prop_assert_eq!(&imported, &public);
        }
    }

    #[test]
    fn signed_tokens_verify_and_any_changed_signature_byte_fails(
        bytes in proptest::array::uniform::<_, 66>(any::<u8>()),
        subject in "[a-z0-9]{1,12}",
        at in any::<proptest::sample::Index>(),
        flip in 1..=255u8,
    ) {
        for private in private_keys(&bytes) {
            let token = sign(&claims(&subject), &private, &HeaderOptions::new().key_id("k"));
            let public = private.public_key().with_kid("k");
            let set = KeySet::from_remote_json(format!(r#"{{"keys":[{}]}}"#, public.to_jwk()).as_bytes())
                .expect("a set");
            let validation = Validation::new(NOW);
            prop_assert_eq!(verify(&token, &public, &validation).expect("verifies").subject, Some(subject.clone()));
            prop_assert!(verify(&token, &set, &validation).is_ok());
            let (input, signature) = token.rsplit_once('.').expect("three segments");
            let mut raw = base64_decode(signature);
            let index = at.index(raw.len());
            raw[index] ^= flip;
            let forged = format!("{input}.{}", base64_encode(&raw));
            prop_assert_eq!(
                verify(&forged, &public, &validation).map(|_| ()).map_err(|error| error.code()),
                Err("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
            );
        }
    }

    #[test]
    fn one_changed_byte_of_a_jwk_never_panics(at in any::<proptest::sample::Index>(), byte in any::<u8>()) {
        let mut text = RFC_8037_JWK.as_bytes().to_vec();
        let index = at.index(text.len());
        text[index] = byte;
        let result = PublicKey::from_jwk(&text);
        prop_assert!(result.err().is_none_or(|error| error.code() == "ERR_JWK_INVALID"));
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .expect("base64url")
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
