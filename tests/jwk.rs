//! JWK import and export, RFC 7638 thumbprints, SPKI import and JWK Set
//! selection: the rules of RFC 7517 §4–5 and the error codes jose uses.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod common;

use common::{code, NOW};
use jwt_edge::alg::eddsa::Ed25519PrivateKey;
use jwt_edge::{
    sign, verify, Algorithm, Claims, HeaderOptions, HmacKey, KeyFamily, KeySet, NumericDate,
    PrivateKey, PublicKey, Validation,
};

/// RFC 7638 §3.1 (the key of RFC 7517 §A.1).
const RFC_7638_N: &str = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

/// RFC 8037 §A.1 / §A.2.
const RFC_8037_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const RFC_8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

fn claims() -> Claims {
    let mut claims = Claims::new();
    claims.expires_at = NumericDate::from_secs(NOW + 600);
    claims
}

fn private(seed: u8, kid: &str) -> PrivateKey {
    let key = Ed25519PrivateKey::from_seed(Algorithm::EdDsa, &[seed; 32]).expect("seed");
    let jwk = PrivateKey::from(key).to_jwk();
    let mut value: serde_json::Value = serde_json::from_str(&jwk).expect("JSON");
    value["kid"] = kid.into();
    PrivateKey::from_jwk(value.to_string().as_bytes()).expect("a private JWK")
}

fn set_of(jwks: &[String]) -> String {
    format!(r#"{{"keys":[{}]}}"#, jwks.join(","))
}

#[test]
fn rfc_7638_thumbprint_of_its_example_key() {
    let jwk = format!(
        r#"{{"kty":"RSA","n":"{RFC_7638_N}","e":"AQAB","alg":"RS256","kid":"2011-04-29"}}"#
    );
    let key = PublicKey::from_jwk(jwk.as_bytes()).expect("RFC 7638's key");
    assert_eq!(
        key.thumbprint(),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
    assert_eq!(key.kid(), Some("2011-04-29"));
    assert_eq!(key.algorithm(), Some(Algorithm::Rs256));
    // Export, import: the same key.
    assert_eq!(
        PublicKey::from_jwk(key.to_jwk().as_bytes()).expect("re-import"),
        key
    );
}

#[test]
fn rfc_8037_private_key_gives_its_public_key_and_thumbprint() {
    let jwk = format!(r#"{{"kty":"OKP","crv":"Ed25519","d":"{RFC_8037_D}","x":"{RFC_8037_X}"}}"#);
    let key = PrivateKey::from_jwk(jwk.as_bytes()).expect("RFC 8037's key");
    assert_eq!(
        key.public_key().thumbprint(),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
    // The public JWK is not a private key, and a private JWK is not a public key.
    let public = format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC_8037_X}"}}"#);
    assert_eq!(
        code(PrivateKey::from_jwk(public.as_bytes())),
        Err("ERR_JWK_INVALID")
    );
    assert_eq!(
        code(PublicKey::from_jwk(jwk.as_bytes())),
        Err("ERR_JWK_INVALID")
    );
    // A `d` that is not the private key of `x`.
    let other = format!(r#"{{"kty":"OKP","crv":"Ed25519","d":"{RFC_8037_X}","x":"{RFC_8037_X}"}}"#);
    assert_eq!(
        code(PrivateKey::from_jwk(other.as_bytes())),
        Err("ERR_JWK_INVALID")
    );
}

/// RFC 7517 §4.2 and §4.3: `use` must be `sig`, `key_ops` must hold `verify`
/// (or `sign` for a private key), without repeats; and every member has its
/// type, canonical base64url, and no duplicate.
#[test]
fn jwk_members_are_checked_strictly() {
    let x = RFC_8037_X;
    let ok = |jwk: &str| code(PublicKey::from_jwk(jwk.as_bytes()));
    let base = format!(r#""kty":"OKP","crv":"Ed25519","x":"{x}""#);
    assert_eq!(ok(&format!("{{{base}}}")), Ok(()));
    assert_eq!(
        ok(&format!(r#"{{{base},"use":"sig","key_ops":["verify"]}}"#)),
        Ok(())
    );
    for bad in [
        format!(r#"{{{base},"use":"enc"}}"#),
        format!(r#"{{{base},"key_ops":["sign"]}}"#),
        format!(r#"{{{base},"key_ops":["verify","verify"]}}"#),
        format!(r#"{{{base},"key_ops":"verify"}}"#),
        format!(r#"{{{base},"use":1}}"#),
        format!(r#"{{{base},"kid":7}}"#),
        format!(r#"{{{base},"alg":"ES256"}}"#),
        format!(r#"{{{base},"alg":"none"}}"#),
        format!(r#"{{{base},"x":"{x}"}}"#),
        format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}="}}"#),
        format!(r#"{{"kty":"OKP","crv":"X25519","x":"{x}"}}"#),
        format!(r#"{{"kty":"OKP","x":"{x}"}}"#),
        format!(r#"{{"crv":"Ed25519","x":"{x}"}}"#),
        format!(r#"{{"kty":"oct","k":"{x}"}}"#),
        r#"{"kty":"RSA","e":"AQAB"}"#.to_owned(),
        "[]".to_owned(),
        "{".to_owned(),
    ] {
        assert_eq!(ok(&bad), Err("ERR_JWK_INVALID"), "{bad}");
    }
}

#[test]
fn spki_pem_and_der_import() {
    // RFC 8037's key as an SPKI.
    let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";
    let key = PublicKey::from_spki_pem(pem).expect("an Ed25519 SPKI");
    assert_eq!(key.family(), KeyFamily::Ed25519);
    assert_eq!(key.algorithm(), None);
    assert_eq!(
        key.thumbprint(),
        "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    );
    let certificate = pem.replace("PUBLIC KEY", "CERTIFICATE");
    assert_eq!(
        code(PublicKey::from_spki_pem(&certificate)),
        Err("ERR_KEY_INVALID")
    );
    assert_eq!(
        code(PublicKey::from_spki_pem("MCowBQYDK2Vw")),
        Err("ERR_KEY_INVALID")
    );
    assert_eq!(
        code(PublicKey::from_spki_der(&[0x30, 0x00])),
        Err("ERR_KEY_INVALID")
    );
}

#[test]
fn key_set_chooses_by_kid_and_alg() {
    let a = private(1, "a");
    let b = private(2, "b");
    let set = KeySet::from_remote_json(
        set_of(&[a.public_key().to_jwk(), b.public_key().to_jwk()]).as_bytes(),
    )
    .expect("a set");
    assert_eq!(set.len(), 2);
    let validation = Validation::new(NOW);
    for key in [&a, &b] {
        let token = sign(
            &claims(),
            key,
            &HeaderOptions::new().key_id(key.kid().expect("kid")),
        );
        assert_eq!(code(verify(&token, &set, &validation)), Ok(()));
    }
    // A kid of the set, signed by the other key: the kid's key is used.
    let swapped = sign(&claims(), &b, &HeaderOptions::new().key_id("a"));
    assert_eq!(
        code(verify(&swapped, &set, &validation)),
        Err("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
    );
    let unknown = sign(&claims(), &a, &HeaderOptions::new().key_id("c"));
    assert_eq!(
        code(verify(&unknown, &set, &validation)),
        Err("ERR_JWKS_NO_MATCHING_KEY")
    );
    // No kid: two keys fit.
    let bare = sign(&claims(), &a, &HeaderOptions::new());
    assert_eq!(
        code(verify(&bare, &set, &validation)),
        Err("ERR_JWKS_MULTIPLE_MATCHING_KEYS")
    );
    // The same kid twice.
    let twice = KeySet::from_json(
        set_of(&[
            a.public_key().to_jwk(),
            private(3, "a").public_key().to_jwk(),
        ])
        .as_bytes(),
    )
    .expect("a set");
    let token = sign(&claims(), &a, &HeaderOptions::new().key_id("a"));
    assert_eq!(
        code(verify(&token, &twice, &validation)),
        Err("ERR_JWKS_MULTIPLE_MATCHING_KEYS")
    );
    // An ES256 token finds no Ed25519 key.
    let es256 = token.replacen(
        &token[..token.find('.').expect("dot")],
        "eyJhbGciOiJFUzI1NiIsImtpZCI6ImEifQ",
        1,
    );
    assert_eq!(
        code(verify(
            &es256,
            &set,
            &Validation::new(NOW).algorithms(Algorithm::ALL)
        )),
        Err("ERR_JWKS_NO_MATCHING_KEY")
    );
}

/// Keys without `alg` are chosen only for algorithms the caller named; keys
/// with `use` `enc`, `key_ops` without `verify`, or another `kty`/`crv`/`alg`
/// are passed over; a malformed key or set is `ERR_JWKS_INVALID`.
#[test]
fn key_set_passes_over_unusable_keys_and_refuses_malformed_ones() {
    let a = private(1, "a");
    let x = {
        let jwk: serde_json::Value = serde_json::from_str(&a.public_key().to_jwk()).expect("JSON");
        jwk["x"].as_str().expect("x").to_owned()
    };
    let no_alg = format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}","kid":"a"}}"#);
    let unusable = [
        format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}","kid":"a","use":"enc"}}"#),
        format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}","kid":"a","key_ops":["encrypt"]}}"#),
        format!(r#"{{"kty":"OKP","crv":"X25519","x":"{x}","kid":"a"}}"#),
        r#"{"kty":"RSA","alg":"RSA-OAEP","n":"AQAB","e":"AQAB","kid":"a"}"#.to_owned(),
        r#"{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA","kid":"a"}"#.to_owned(),
    ];
    let mut members = unusable.to_vec();
    members.push(no_alg);
    let set = KeySet::from_remote_json(set_of(&members).as_bytes()).expect("a set");
    assert_eq!(set.len(), 1);
    let token = sign(&claims(), &a, &HeaderOptions::new().key_id("a"));
    assert_eq!(
        code(verify(&token, &set, &Validation::new(NOW))),
        Err("ERR_JWKS_NO_MATCHING_KEY")
    );
    let allowed = Validation::new(NOW).algorithms(&[Algorithm::EdDsa]);
    assert_eq!(code(verify(&token, &set, &allowed)), Ok(()));

    for bad in [
        "[]".to_owned(),
        "{}".to_owned(),
        r#"{"keys":{}}"#.to_owned(),
        r#"{"keys":[1]}"#.to_owned(),
        r#"{"keys":[],"keys":[]}"#.to_owned(),
        set_of(&[format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}A"}}"#)]),
        set_of(&[r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#.to_owned()]),
        set_of(&[a.to_jwk().to_string()]),
    ] {
        assert_eq!(
            code(KeySet::from_json(bad.as_bytes())),
            Err("ERR_JWKS_INVALID"),
            "{bad}"
        );
    }
}

/// A published secret is no secret: `oct` keys are taken from a local set
/// only.
#[test]
fn oct_keys_are_never_taken_from_a_remote_set() {
    let secret =
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    let jwks = set_of(&[format!(
        r#"{{"kty":"oct","k":"{secret}","alg":"HS256","kid":"h"}}"#
    )]);
    let bytes = jwt_edge::json::Value::from(secret)
        .as_str()
        .map(str::to_owned)
        .expect("text");
    let _ = bytes;
    let key = HmacKey::from_jwk(
        format!(r#"{{"kty":"oct","k":"{secret}"}}"#).as_bytes(),
        Algorithm::Hs256,
    )
    .expect("an oct JWK");
    let token = sign(&claims(), &key, &HeaderOptions::new().key_id("h"));
    let local = KeySet::from_json(jwks.as_bytes()).expect("a set");
    assert_eq!(code(verify(&token, &local, &Validation::new(NOW))), Ok(()));
    let remote = KeySet::from_remote_json(jwks.as_bytes()).expect("a set");
    assert!(remote.is_empty());
    assert_eq!(
        code(verify(&token, &remote, &Validation::new(NOW))),
        Err("ERR_JWKS_NO_MATCHING_KEY")
    );
}

#[test]
fn private_jwk_round_trips_and_signs_deterministically() {
    for algorithm in [Algorithm::Es256, Algorithm::Es384, Algorithm::Es512] {
        let len = match algorithm {
            Algorithm::Es256 => 32,
            Algorithm::Es384 => 48,
            _ => 66,
        };
        let mut d = vec![0x21; len];
        d[0] = 1;
        let key = PrivateKey::from(
            jwt_edge::alg::ecdsa::EcdsaPrivateKey::from_scalar(algorithm, &d).expect("scalar"),
        );
        let again = PrivateKey::from_jwk(key.to_jwk().as_bytes()).expect("round trip");
        let first = sign(&claims(), &key, &HeaderOptions::new());
        assert_eq!(
            first,
            sign(&claims(), &again, &HeaderOptions::new()),
            "RFC 6979"
        );
        assert_eq!(
            code(verify(&first, &again.public_key(), &Validation::new(NOW))),
            Ok(())
        );
    }
}
