//! The checks of the `keys` fuzz target: the JWK, JWK Set and SPKI parsers.
//!
//! Shared by the libFuzzer target (`fuzz/fuzz_targets/keys.rs`, run with
//! `cargo +nightly fuzz run keys`) and by `tests/fuzz_corpus_keys.rs`, which
//! replays the committed corpus in `make test`.
//!
//! An input is one mode byte and a body; `mode % 4` picks the parser: a JWK
//! (as a public, a private and an `oct` key), a JWK Set (local and remote),
//! an SPKI in DER, or an SPKI in PEM (the body read lossily as UTF-8).
//! Nothing may panic, and:
//! 1. every refusal carries the parser's own error code;
//! 2. a public key exports to a JWK that imports to the same key, with the
//!    same RFC 7638 thumbprint;
//! 3. a private key exports to a private JWK that imports to the same key;
//! 4. a set answers every algorithm with a key, `ERR_JWKS_NO_MATCHING_KEY`,
//!    `ERR_JWKS_MULTIPLE_MATCHING_KEYS` or (for a short secret) `ERR_KEY_INVALID`.

use jwt_edge::{Algorithm, Error, HmacKey, KeyRequest, KeySet, PrivateKey, PublicKey};

/// Runs every check on one fuzz input.
///
/// # Panics
/// When the library breaks one of the properties listed in the module docs.
pub fn keys(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => jwk(body),
        1 => set(body),
        2 => public_key(PublicKey::from_spki_der(body), "ERR_KEY_INVALID"),
        _ => public_key(
            PublicKey::from_spki_pem(&String::from_utf8_lossy(body)),
            "ERR_KEY_INVALID",
        ),
    }
}

fn refused_with<T>(result: Result<T, Error>, expected: &str) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            assert_eq!(error.code(), expected, "{error:?}");
            None
        }
    }
}

fn public_key(result: Result<PublicKey, Error>, code: &str) {
    let Some(key) = refused_with(result, code) else {
        return;
    };
    let again = PublicKey::from_jwk(key.to_jwk().as_bytes()).expect("an exported JWK imports");
    assert_eq!(again, key);
    assert_eq!(again.thumbprint(), key.thumbprint());
}

fn jwk(body: &[u8]) {
    public_key(PublicKey::from_jwk(body), "ERR_JWK_INVALID");
    if let Some(private) = refused_with(PrivateKey::from_jwk(body), "ERR_JWK_INVALID") {
        let again = PrivateKey::from_jwk(private.to_jwk().as_bytes())
            .expect("an exported private JWK imports");
        assert_eq!(again.public_key(), private.public_key());
    }
    for algorithm in Algorithm::HMAC {
        if let Err(error) = HmacKey::from_jwk(body, algorithm) {
            assert!(
                ["ERR_JWK_INVALID", "ERR_KEY_INVALID"].contains(&error.code()),
                "{error:?}"
            );
        }
    }
}

fn set(body: &[u8]) {
    for set in [KeySet::from_json(body), KeySet::from_remote_json(body)] {
        let Some(set) = refused_with(set, "ERR_JWKS_INVALID") else {
            continue;
        };
        for &algorithm in Algorithm::ALL {
            for kid in [None, Some("k")] {
                let request = KeyRequest::new(algorithm, kid, Algorithm::ALL);
                if let Err(error) = set.select(&request) {
                    assert!(
                        [
                            "ERR_JWKS_NO_MATCHING_KEY",
                            "ERR_JWKS_MULTIPLE_MATCHING_KEYS",
                            "ERR_KEY_INVALID"
                        ]
                        .contains(&error.code()),
                        "{error:?}"
                    );
                }
            }
        }
    }
}
