//! Attacks on asymmetric verification, one test per refusal, each asserting
//! the exact error: algorithm confusion in both directions, keys that decide
//! the algorithm, RSA modulus sizes and signature lengths, ECDSA `r`/`s`
//! ranges (CVE-2022-21449), DER and wrong-length signatures, points off
//! their curve, curves that do not fit the algorithm, Ed25519 weak keys and
//! non-canonical signatures, and keys offered by the token itself.
#![cfg(all(
    not(target_arch = "wasm32"),
    feature = "rsa",
    feature = "ecdsa",
    feature = "eddsa"
))]

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::codes::{ALG_NOT_ALLOWED, JWK_INVALID, KEY_INVALID, SIGNATURE_FAILED};
use common::{b64, code, NOW};
use hmac::{Hmac, KeyInit, Mac};
use jwt_edge::alg::ecdsa::{EcdsaPrivateKey, EcdsaPublicKey};
use jwt_edge::alg::eddsa::{Ed25519PrivateKey, Ed25519PublicKey};
use jwt_edge::alg::rsa::RsaPublicKey;
use jwt_edge::{
    sign, verify, Algorithm, Claims, HeaderOptions, HmacKey, KeyFamily, KeySet, NumericDate,
    PublicKey, SigningKey, Validation,
};
use sha2::Sha256;

fn claims() -> Claims {
    let mut claims = Claims::new();
    claims.subject = Some("user-1".into());
    claims.expires_at = NumericDate::from_secs(NOW + 600);
    claims
}

fn allowing(algorithms: &[Algorithm]) -> Validation {
    Validation::new(NOW).algorithms(algorithms)
}

/// A compact JWS of exactly these header and payload bytes, signed by `sign`.
fn raw(header: &str, payload: &str, sign: impl FnOnce(&[u8]) -> Vec<u8>) -> String {
    let input = format!("{}.{}", b64(header.as_bytes()), b64(payload.as_bytes()));
    let signature = sign(input.as_bytes());
    format!("{input}.{}", b64(&signature))
}

fn with_signature(token: &str, signature: &[u8]) -> String {
    let (input, _) = token.rsplit_once('.').expect("three segments");
    format!("{input}.{}", b64(signature))
}

fn signature_of(token: &str) -> Vec<u8> {
    let (_, signature) = token.rsplit_once('.').expect("three segments");
    URL_SAFE_NO_PAD.decode(signature).expect("base64url")
}

fn payload() -> String {
    format!(r#"{{"sub":"user-1","exp":{}}}"#, NOW + 600)
}

/// The 2048-bit RSA key of Wycheproof's `rsa_signature_2048_sha256_test.json`
/// (its first group), as a JWK text, a PEM text, and one valid RS256 token.
struct RsaFixture {
    jwk: String,
    pem: String,
}

fn rsa_fixture() -> RsaFixture {
    let path = format!(
        "{}/tests/vectors/rsa_signature_2048_sha256_test.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let vectors: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let group = &vectors["testGroups"][0];
    RsaFixture {
        jwk: group["keyJwk"].to_string(),
        pem: group["publicKeyPem"].as_str().expect("PEM").to_owned(),
    }
}

/// The `x` of a public key's JWK.
fn jwk_x(key: &PublicKey) -> Vec<u8> {
    let jwk: serde_json::Value = serde_json::from_str(&key.to_jwk()).expect("JSON");
    URL_SAFE_NO_PAD
        .decode(jwk["x"].as_str().expect("x"))
        .expect("base64url")
}

fn ed25519_key(algorithm: Algorithm) -> Ed25519PrivateKey {
    Ed25519PrivateKey::from_seed(algorithm, &[0x42; 32]).expect("a seed")
}

/// The classic attack: an RS256 verifier handed an HS256 token whose MAC key
/// is the issuer's public key text. The public key refuses HS256 outright,
/// and the text is refused as an HMAC secret, as a PEM and as a JWK.
#[test]
fn hs256_token_keyed_with_the_public_key_text_is_refused() {
    let fixture = rsa_fixture();
    let public = PublicKey::from_jwk(fixture.jwk.as_bytes()).expect("a valid key");
    for text in [&fixture.pem, &fixture.jwk] {
        let token = raw(r#"{"alg":"HS256"}"#, &payload(), |input| {
            let mut mac = Hmac::<Sha256>::new_from_slice(text.as_bytes()).expect("any length");
            mac.update(input);
            mac.finalize().into_bytes().to_vec()
        });
        let every = allowing(Algorithm::ALL);
        assert_eq!(code(verify(&token, &public, &every)), Err(ALG_NOT_ALLOWED));
        assert_eq!(
            code(HmacKey::new(Algorithm::Hs256, text.as_bytes())),
            Err(KEY_INVALID)
        );
        let set = KeySet::from_json(format!(r#"{{"keys":[{}]}}"#, fixture.jwk).as_bytes())
            .expect("a valid set");
        assert_eq!(
            code(verify(&token, &set, &every)),
            Err("ERR_JWKS_NO_MATCHING_KEY")
        );
    }
}

/// An HMAC key never verifies an asymmetric token, even one it signed.
#[test]
fn hmac_key_never_verifies_an_asymmetric_algorithm() {
    let key = HmacKey::new(Algorithm::Hs256, &[7; 64]).expect("a key");
    for alg in ["RS256", "PS256", "ES256", "ES512", "EdDSA", "Ed25519"] {
        let token = raw(&format!(r#"{{"alg":"{alg}"}}"#), &payload(), |input| {
            key.sign(input)
        });
        assert_eq!(
            code(verify(&token, &key, &allowing(Algorithm::ALL))),
            Err(ALG_NOT_ALLOWED),
            "{alg}"
        );
    }
    for algorithm in Algorithm::ALL
        .iter()
        .filter(|a| a.family() != KeyFamily::Hmac)
    {
        assert_eq!(code(HmacKey::new(*algorithm, &[7; 64])), Err(KEY_INVALID));
    }
}

/// A key without `alg` verifies only what the caller allowed, and only in
/// its own family; a key with `alg` verifies that one algorithm only (here
/// `EdDSA` and `Ed25519`, two names for the same signatures).
#[test]
fn keys_decide_the_algorithm_never_the_token() {
    let eddsa = ed25519_key(Algorithm::EdDsa);
    let ed25519 = ed25519_key(Algorithm::Ed25519);
    let unbound =
        PublicKey::from(Ed25519PublicKey::from_bytes(&jwk_x(&eddsa.public_key())).expect("key"));
    let token = sign(&claims(), &eddsa, &HeaderOptions::new());
    let renamed = sign(&claims(), &ed25519, &HeaderOptions::new());

    // No algorithm named by key or caller: refused.
    assert_eq!(
        code(verify(&token, &unbound, &Validation::new(NOW))),
        Err(ALG_NOT_ALLOWED)
    );
    assert_eq!(
        code(verify(&token, &unbound, &allowing(&[Algorithm::EdDsa]))),
        Ok(())
    );
    assert_eq!(
        code(verify(&token, &unbound, &allowing(&[Algorithm::Ed25519]))),
        Err(ALG_NOT_ALLOWED)
    );
    assert_eq!(
        code(verify(&renamed, &unbound, &allowing(&[Algorithm::Ed25519]))),
        Ok(())
    );
    // Bound to EdDSA: the same signatures under the name Ed25519 are refused.
    let bound = eddsa.public_key();
    assert_eq!(code(verify(&token, &bound, &Validation::new(NOW))), Ok(()));
    assert_eq!(
        code(verify(&renamed, &bound, &allowing(Algorithm::ALL))),
        Err(ALG_NOT_ALLOWED)
    );
    // Another family never: an ES256 header on an Ed25519 key.
    let es256 = raw(r#"{"alg":"ES256"}"#, &payload(), |input| eddsa.sign(input));
    assert_eq!(
        code(verify(&es256, &unbound, &allowing(Algorithm::ALL))),
        Err(ALG_NOT_ALLOWED)
    );
    assert_eq!(
        code(unbound.clone().with_algorithm(Algorithm::Es256)),
        Err(KEY_INVALID)
    );
    assert_eq!(
        code(bound.with_algorithm(Algorithm::Ed25519)),
        Err(KEY_INVALID)
    );
}

/// An odd modulus of exactly `bits` bits.
fn modulus(bits: usize) -> Vec<u8> {
    let mut n = vec![0xc3; bits.div_ceil(8)];
    let top_bits = bits % 8;
    n[0] = if top_bits == 0 {
        0xc3
    } else {
        0xff >> (8 - top_bits)
    };
    *n.last_mut().expect("non-empty") |= 1;
    n
}

#[test]
fn rsa_modulus_under_2048_or_over_8192_bits_is_refused() {
    for bits in [1024, 2047, 8193, 16384] {
        assert_eq!(
            code(RsaPublicKey::from_components(&modulus(bits), &[1, 0, 1])),
            Err(KEY_INVALID),
            "{bits} bits"
        );
        let jwk = format!(r#"{{"kty":"RSA","n":"{}","e":"AQAB"}}"#, b64(modulus(bits)));
        assert_eq!(
            code(PublicKey::from_jwk(jwk.as_bytes())),
            Err(JWK_INVALID),
            "{bits}"
        );
    }
    for bits in [2048, 3072, 8192] {
        let key = RsaPublicKey::from_components(&modulus(bits), &[1, 0, 1]).expect("in range");
        assert_eq!(key.modulus_bits(), bits);
    }
    // A leading zero byte is not the minimal encoding (RFC 7518 §6.3.1.1).
    let padded = [&[0][..], &modulus(2048)].concat();
    assert_eq!(
        code(RsaPublicKey::from_components(&padded, &[1, 0, 1])),
        Err(KEY_INVALID)
    );
}

/// Wycheproof's valid RS256 JWS (tc 33) with its signature one byte shorter
/// (leading byte dropped, as a big integer would be printed) or longer (a zero
/// prepended): the same number, refused for its length.
#[test]
fn rsa_signature_not_exactly_the_modulus_length_is_refused() {
    let path = format!(
        "{}/tests/vectors/json_web_signature_test.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let vectors: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let group = vectors["testGroups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|group| group["tests"][0]["tcId"] == 33)
        .expect("the RS256 group");
    let key = PublicKey::from_jwk(group["public"].to_string().as_bytes()).expect("key");
    let token = group["tests"][0]["jws"].as_str().expect("a token");
    let validation = allowing(&[Algorithm::Rs256]).required_claims(Vec::<String>::new());
    assert_eq!(code(jwt_edge::verify_jws(token, &key, &validation)), Ok(()));
    let signature = signature_of(token);
    assert_eq!(signature.len(), 256);
    let longer = [&[0][..], &signature].concat();
    assert_eq!(
        code(jwt_edge::verify_jws(
            &with_signature(token, &longer),
            &key,
            &validation
        )),
        Err(SIGNATURE_FAILED)
    );
    assert_eq!(
        code(jwt_edge::verify_jws(
            &with_signature(token, &signature[1..]),
            &key,
            &validation
        )),
        Err(SIGNATURE_FAILED)
    );
}

/// The group orders of P-256, P-384 and P-521, big-endian, field-length.
fn order(algorithm: Algorithm) -> Vec<u8> {
    let hex = match algorithm {
        Algorithm::Es256 => "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
        Algorithm::Es384 => "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
        _ => "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    };
    (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("hex"))
        .collect()
}

/// Big-endian `a + b` in `a.len()` bytes, or `None` on overflow.
fn add(a: &[u8], b: &[u8]) -> Option<Vec<u8>> {
    let mut sum = vec![0; a.len()];
    let mut carry = 0u16;
    for i in (0..a.len()).rev() {
        let total = u16::from(a[i]) + u16::from(b[i]) + carry;
        sum[i] = total.to_be_bytes()[1];
        carry = total >> 8;
    }
    (carry == 0).then_some(sum)
}

fn ecdsa_keys() -> Vec<EcdsaPrivateKey> {
    [
        (Algorithm::Es256, 32),
        (Algorithm::Es384, 48),
        (Algorithm::Es512, 66),
    ]
    .into_iter()
    .map(|(algorithm, len)| {
        let mut d = vec![0x11; len];
        d[0] = 1;
        EcdsaPrivateKey::from_scalar(algorithm, &d).expect("a scalar")
    })
    .collect()
}

/// CVE-2022-21449 ("psychic signatures") and its relatives: `r` or `s` zero,
/// equal to the order, or a valid value plus the order (which fits in P-521's
/// 66 bytes and is what a verifier that reduces modulo the order accepts).
#[test]
fn ecdsa_r_or_s_zero_or_not_below_the_order_is_refused() {
    for key in ecdsa_keys() {
        let algorithm = key.algorithm();
        let public = key.public_key();
        let token = sign(&claims(), &key, &HeaderOptions::new());
        assert_eq!(code(verify(&token, &public, &Validation::new(NOW))), Ok(()));
        let signature = signature_of(&token);
        let half = signature.len() / 2;
        let (r, s) = signature.split_at(half);
        let zero = vec![0; half];
        let n = order(algorithm);
        let mut forgeries = vec![
            [&zero[..], &zero].concat(),
            [&zero[..], s].concat(),
            [r, &zero[..]].concat(),
            [&n[..], s].concat(),
            [r, &n[..]].concat(),
            [&n[..], &n].concat(),
        ];
        for (first, second) in [(r, s), (s, r)] {
            if let Some(raised) = add(first, &n) {
                forgeries.push(if first == r {
                    [&raised[..], second].concat()
                } else {
                    [second, &raised[..]].concat()
                });
            }
        }
        if algorithm == Algorithm::Es512 {
            assert_eq!(forgeries.len(), 8, "r + n and s + n fit in 66 bytes");
        }
        for forged in forgeries {
            assert_eq!(
                code(verify(
                    &with_signature(&token, &forged),
                    &public,
                    &Validation::new(NOW)
                )),
                Err(SIGNATURE_FAILED),
                "{algorithm}"
            );
        }
    }
}

/// JWS signatures are `r || s` of exactly twice the field size: the same
/// signature in DER, padded, or cut is refused.
#[test]
fn ecdsa_signature_in_der_or_of_the_wrong_length_is_refused() {
    for key in ecdsa_keys() {
        let public = key.public_key();
        let token = sign(&claims(), &key, &HeaderOptions::new());
        let signature = signature_of(&token);
        let half = signature.len() / 2;
        let integer = |bytes: &[u8]| {
            let mut out = vec![0x02];
            let body: Vec<u8> = if bytes[0] & 0x80 != 0 {
                [&[0][..], bytes].concat()
            } else {
                bytes.to_vec()
            };
            out.push(u8::try_from(body.len()).expect("short"));
            out.extend(body);
            out
        };
        let body = [integer(&signature[..half]), integer(&signature[half..])].concat();
        let mut der = vec![0x30];
        if body.len() >= 0x80 {
            der.push(0x81);
        }
        der.push(u8::try_from(body.len()).expect("short"));
        der.extend(body);
        for forged in [
            der,
            [&signature[..], &[0]].concat(),
            [&[0][..], &signature].concat(),
            signature[..signature.len() - 1].to_vec(),
            signature[1..].to_vec(),
        ] {
            assert_eq!(
                code(verify(
                    &with_signature(&token, &forged),
                    &public,
                    &Validation::new(NOW)
                )),
                Err(SIGNATURE_FAILED)
            );
        }
    }
}

#[test]
fn ecdsa_point_off_the_curve_or_curve_not_fitting_the_algorithm_is_refused() {
    for key in ecdsa_keys() {
        let public = key.public_key();
        let jwk: serde_json::Value = serde_json::from_str(&public.to_jwk()).expect("JSON");
        let mut off_curve = jwk.clone();
        let mut y = URL_SAFE_NO_PAD
            .decode(jwk["y"].as_str().expect("y"))
            .expect("b64");
        *y.last_mut().expect("y") ^= 1;
        off_curve["y"] = b64(&y).into();
        assert_eq!(
            code(PublicKey::from_jwk(off_curve.to_string().as_bytes())),
            Err(JWK_INVALID)
        );
        let (x, _) = EcdsaPublicKey::from_coordinates(public.family(), &[1; 1], &[1; 1])
            .map(|key| key.coordinates())
            .unwrap_or_default();
        assert!(x.is_empty(), "short coordinates are refused");
        for other in ["ES256", "ES384", "ES512", "EdDSA", "RS256"] {
            if other == key.algorithm().name() {
                continue;
            }
            let mut wrong = jwk.clone();
            wrong["alg"] = other.into();
            assert_eq!(
                code(PublicKey::from_jwk(wrong.to_string().as_bytes())),
                Err(JWK_INVALID),
                "{other} on {:?}",
                public.family()
            );
        }
        // A key of another curve, the caller allowing everything.
        let token = sign(&claims(), &key, &HeaderOptions::new());
        for other in ecdsa_keys()
            .iter()
            .filter(|other| other.algorithm() != key.algorithm())
        {
            let mut unbound: serde_json::Value =
                serde_json::from_str(&other.public_key().to_jwk()).expect("JSON");
            unbound.as_object_mut().expect("object").remove("alg");
            let unbound = PublicKey::from_jwk(unbound.to_string().as_bytes()).expect("key");
            assert_eq!(
                code(verify(&token, &unbound, &allowing(Algorithm::ALL))),
                Err(ALG_NOT_ALLOWED)
            );
        }
    }
}

/// Small-order points (the identity here) are weak keys: refused on import.
/// A signature whose `S` is not reduced (`S + L`) is refused.
#[test]
fn ed25519_weak_keys_and_non_canonical_signatures_are_refused() {
    let mut identity = [0; 32];
    identity[0] = 1;
    assert_eq!(
        code(Ed25519PublicKey::from_bytes(&identity)),
        Err(KEY_INVALID)
    );
    let jwk = format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#, b64(identity));
    assert_eq!(code(PublicKey::from_jwk(jwk.as_bytes())), Err(JWK_INVALID));

    let key = ed25519_key(Algorithm::EdDsa);
    let token = sign(&claims(), &key, &HeaderOptions::new());
    let signature = signature_of(&token);
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    let l: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut raised = signature.clone();
    let mut carry = 0u16;
    for i in 0..32 {
        let total = u16::from(signature[32 + i]) + u16::from(l[i]) + carry;
        raised[32 + i] = total.to_be_bytes()[1];
        carry = total >> 8;
    }
    assert_eq!(carry, 0);
    assert_eq!(
        code(verify(
            &with_signature(&token, &raised),
            &key.public_key(),
            &Validation::new(NOW)
        )),
        Err(SIGNATURE_FAILED)
    );
}

/// A signature whose `R` is a small-order point (the identity) and whose
/// `S = k·a` (with `a` the private scalar): the cofactorless equation
/// `[S]B = R + [k]A` holds, so a plain `verify` accepts it; `verify_strict`,
/// the only check this crate makes, refuses a small-order `R`.
#[test]
fn ed25519_signature_with_a_small_order_r_is_refused() {
    use curve25519_dalek::Scalar;
    use sha2::{Digest, Sha512};
    let seed = [0x42; 32];
    let dalek = ed25519_dalek::SigningKey::from_bytes(&seed);
    let key = ed25519_key(Algorithm::EdDsa);
    let public = jwk_x(&key.public_key());
    assert_eq!(public, dalek.verifying_key().to_bytes());
    let input = format!(
        "{}.{}",
        b64(br#"{"alg":"EdDSA"}"#),
        b64(payload().as_bytes())
    );
    let mut r = [0u8; 32];
    r[0] = 1;
    let hash = Sha512::new()
        .chain_update(r)
        .chain_update(&public)
        .chain_update(input.as_bytes())
        .finalize();
    let mut wide = [0u8; 64];
    wide.copy_from_slice(&hash);
    let s = Scalar::from_bytes_mod_order_wide(&wide) * dalek.to_scalar();
    let signature = [&r[..], &s.to_bytes()].concat();
    let forged = ed25519_dalek::Signature::from_slice(&signature).expect("64 bytes");
    assert!(
        ed25519_dalek::Verifier::verify(&dalek.verifying_key(), input.as_bytes(), &forged).is_ok(),
        "the forgery passes the plain check"
    );
    let token = format!("{input}.{}", b64(&signature));
    assert_eq!(
        code(verify(&token, &key.public_key(), &Validation::new(NOW))),
        Err(SIGNATURE_FAILED)
    );
}

/// A token that brings its own key (`jwk`, `jku`, `x5u`, `x5c`) is checked
/// against the verifier's key only: the attacker's key is never used.
#[test]
fn keys_named_by_the_token_header_are_never_used() {
    let victim = ed25519_key(Algorithm::EdDsa).public_key().with_kid("k1");
    let attacker = Ed25519PrivateKey::from_seed(Algorithm::EdDsa, &[0x66; 32]).expect("key");
    let header = format!(
        r#"{{"alg":"EdDSA","kid":"k1","jwk":{},"jku":"https://attacker.example/jwks","x5u":"https://attacker.example/cert","x5c":["MIIB"]}}"#,
        attacker.public_key().to_jwk()
    );
    let token = raw(&header, &payload(), |input| attacker.sign(input));
    assert_eq!(
        code(verify(&token, &victim, &Validation::new(NOW))),
        Err(SIGNATURE_FAILED)
    );
    let set = KeySet::from_remote_json(format!(r#"{{"keys":[{}]}}"#, victim.to_jwk()).as_bytes())
        .expect("set");
    assert_eq!(
        code(verify(&token, &set, &Validation::new(NOW))),
        Err(SIGNATURE_FAILED)
    );
}

#[test]
fn keys_print_no_key_material() {
    let private = ed25519_key(Algorithm::EdDsa);
    let x = b64(jwk_x(&private.public_key()));
    for printed in [
        format!("{private:?}"),
        format!("{:?}", private.public_key()),
        format!("{:?}", ecdsa_keys()),
        format!(
            "{:?}",
            PublicKey::from_jwk(rsa_fixture().jwk.as_bytes()).expect("key")
        ),
    ] {
        assert!(!printed.contains(&x), "{printed}");
        assert!(printed.len() < 200, "{printed}");
    }
}
