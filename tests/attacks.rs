//! The known attacks on JWT libraries, one test per attack class, each asserting
//! the exact error code.
//!
//! Classes that `tests/strict_rules/` already covers completely are not
//! repeated here; `docs/security.md` maps every class to the test that guards it.
//! Tokens are validly signed with the key under attack unless the attack is
//! about the signature, so the only thing wrong with each is the attack itself.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::codes::{ALG_NOT_ALLOWED, CLAIM_FAILED, JWS_INVALID, NOT_SUPPORTED, SIGNATURE_FAILED};
use common::{b64, code, key, signed, unb64, EXP, NOW};
use hmac::{Hmac, KeyInit, Mac};
use jwt_edge::{
    sign, verify, verify_jws, verify_token, Algorithm, Claims, HeaderOptions, HmacKey, NumericDate,
    Validation,
};
use sha2::Sha256;

/// The token's two first segments and its decoded signature.
fn split(token: &str) -> (&str, Vec<u8>) {
    let (signing_input, signature) = token.rsplit_once('.').expect("three segments");
    (signing_input, unb64(signature))
}

fn with_signature(token: &str, signature: &[u8]) -> String {
    format!("{}.{}", split(token).0, b64(signature))
}

/// `verify`, `verify_token` and `verify_jws` with `key` at [`NOW`], which must
/// all agree on the outcome.
fn outcome(token: &str, key: &HmacKey) -> Result<(), &'static str> {
    let validation = Validation::new(NOW);
    let claims = code(verify(token, key, &validation));
    assert_eq!(code(verify_token(token, key, &validation)), claims);
    let jws = code(verify_jws(token, key, &validation));
    if claims.is_ok() {
        assert_eq!(jws, Ok(()), "{token}");
    } else if jws.is_err() {
        assert_eq!(jws, claims, "{token}");
    }
    claims
}

fn exp_payload() -> String {
    format!(r#"{{"exp":{EXP}}}"#)
}

fn claims_expiring() -> Claims {
    let mut claims = Claims::new();
    claims.expires_at = NumericDate::from_secs(EXP);
    claims
}

// ---------------------------------------------------------------------------

/// `alg: "none"` in all 16 ASCII casings and in JSON escapes, against a key of
/// every size, with no signature, with the key's own valid HMAC over the
/// token, and with a signature made for another algorithm. `none` is never an
/// [`Algorithm`], so no list of allowed algorithms can admit it either.
/// (`rule_4_none_in_any_spelling_is_not_allowed` checks four casings with HS256.)
#[test]
fn alg_none_in_every_spelling_is_not_allowed() {
    let mut spellings: Vec<String> = (0..16_u8)
        .map(|mask| {
            "none"
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if mask & (1 << i) == 0 {
                        c
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(spellings.len(), 16);
    // JSON escapes that a parser turns into plain "none".
    spellings.extend([r"\u006eone".into(), r"\u006E\u006F\u006E\u0065".into()]);

    for algorithm in Algorithm::HMAC {
        let key = key(algorithm);
        for none in &spellings {
            let header = format!(r#"{{"alg":"{none}","typ":"JWT"}}"#);
            let genuine = signed(&key, header.as_bytes(), exp_payload().as_bytes());
            let (_, hs256_tag) = split(&signed(
                &self::key(Algorithm::Hs256),
                header.as_bytes(),
                exp_payload().as_bytes(),
            ));
            for token in [
                format!("{}.", split(&genuine).0),
                genuine.clone(),
                with_signature(&genuine, &hs256_tag),
            ] {
                assert_eq!(
                    outcome(&token, &key),
                    Err(ALG_NOT_ALLOWED),
                    "{none:?} against {algorithm}"
                );
                assert_eq!(
                    code(verify_jws(
                        &token,
                        &key,
                        &Validation::new(NOW).algorithms(Algorithm::ALL)
                    )),
                    Err(ALG_NOT_ALLOWED),
                    "{none:?} against {algorithm}, every algorithm allowed"
                );
            }
        }
    }
    assert_eq!(Algorithm::from_name("none"), None);
}

/// `PyJWT`'s advisory GHSA-ffqj-6fqr-9h24: a verifier handed a *public* key
/// (OpenSSH Ed25519 and ECDSA P-256 keys here) that lets the token's header pick
/// HMAC would use the public bytes as the HMAC secret, and anyone can forge.
/// Here the key fixes the algorithm: the attacker's HS256 tokens fail against
/// the application's HMAC key, and the genuine `EdDSA` and ES256 tokens are
/// refused by an HMAC key before any signature work. Wycheproof tc 31 (HS256
/// keyed with an EC public key's bytes) is checked in `tests/wycheproof.rs`.
#[test]
fn algorithm_confusion_public_key_bytes_as_hmac_secret() {
    let ed25519_public =
        b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPL1I9oiq+B8crkmuV4YViiUnhdLjCp3hvy1bNGuGfNL";
    let p256_public = b"ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJXMtkUkkoJ9kQP8QhpKO/TfuxcKC2a92dIo/xDY6MNl6VA8MChCpAJN0w1wvVPJ4qTJRnGO7A6V6dl8oRxDPkc=";
    let cases: [(&[u8], &str, &str); 2] = [
        (
            ed25519_public,
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJFZERTQSJ9.eyJ0ZXN0IjoxMjM0fQ.M5y1EEavZkHSlj9i8yi9nXKKyPBSAUhDRTOYZi3zZY11tZItDaR3qwAye8pc74_lZY3Ogt9KPNFbVOSGnUBHDg",
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ0ZXN0IjoxMjM0fQ.6ulDpqSlbHmQ8bZXhZRLFko9SwcHrghCwh8d-exJEE4",
        ),
        (
            p256_public,
            "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZXN0IjoxMjM0fQ.NX42mS8cNqYoL3FOW9ZcKw8Nfq2mb6GqJVADeMA1-kyHAclilYo_edhdM_5eav9tBRQTlL0XMeu_WFE_mz3OXg",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZXN0IjoxMjM0fQ.5eYfbrbeGYmWfypQ6rMWXNZ8bdHcqKng5GPr9MJZITU",
        ),
    ];
    let lax = Validation::new(NOW).required_claims(Vec::<String>::new());
    for (public_key, genuine, forged) in cases {
        // The forgery really is HMAC-SHA256 under the public key's bytes...
        let (signing_input, tag) = split(forged);
        let mut mac = Hmac::<Sha256>::new_from_slice(public_key).expect("any length");
        mac.update(signing_input.as_bytes());
        mac.verify_slice(&tag).expect("the forgery is genuine HMAC");

        // ...and the application's own HMAC key, of any size, refuses it.
        let hs256 = key(Algorithm::Hs256);
        assert_eq!(code(verify(forged, &hs256, &lax)), Err(SIGNATURE_FAILED));
        for algorithm in [Algorithm::Hs384, Algorithm::Hs512] {
            assert_eq!(
                code(verify(forged, &key(algorithm), &lax)),
                Err(ALG_NOT_ALLOWED)
            );
        }
        // The genuine asymmetric token never reaches an HMAC computation, not
        // even with an HMAC key made of the public key's own bytes.
        let confused = HmacKey::new(Algorithm::Hs256, public_key).expect("over 32 bytes");
        for key in [confused, hs256] {
            assert_eq!(code(verify(genuine, &key, &lax)), Err(ALG_NOT_ALLOWED));
            assert_eq!(code(verify_jws(genuine, &key, &lax)), Err(ALG_NOT_ALLOWED));
        }
    }
}

/// An RS256, ES256, PS256 or `EdDSA` header on a token signed with the HMAC key
/// itself (the classic RS256 → HS256 switch, the other way round), against keys
/// of every size: refused on `alg`, never checked as an HMAC.
#[test]
fn algorithm_confusion_asymmetric_header_against_hmac_key() {
    for algorithm in Algorithm::HMAC {
        let key = key(algorithm);
        for alg in [
            "RS256", "RS384", "RS512", "ES256", "ES384", "PS256", "EdDSA",
        ] {
            let header = format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#);
            let token = signed(&key, header.as_bytes(), exp_payload().as_bytes());
            assert_eq!(
                outcome(&token, &key),
                Err(ALG_NOT_ALLOWED),
                "{alg} / {algorithm}"
            );
        }
        // And an HMAC token of another size is refused the same way.
        for other in Algorithm::HMAC
            .into_iter()
            .filter(|other| *other != algorithm)
        {
            let token = sign(&claims_expiring(), &self::key(other), &HeaderOptions::new());
            assert_eq!(
                outcome(&token, &key),
                Err(ALG_NOT_ALLOWED),
                "{other} / {algorithm}"
            );
        }
    }
}

/// Signature stripping, truncation, extension and single-bit flips, for every
/// algorithm (`rule_6_*` in `tests/strict_rules/signature.rs` covers HS256 alone).
#[test]
fn signature_stripping_truncation_extension_and_bit_flips() {
    for algorithm in Algorithm::HMAC {
        let key = key(algorithm);
        let token = sign(&claims_expiring(), &key, &HeaderOptions::new());
        assert_eq!(outcome(&token, &key), Ok(()));
        let (_, tag) = split(&token);
        let len = algorithm.signature_len();
        assert_eq!(tag.len(), len);

        let mut forgeries: Vec<(String, Vec<u8>)> = vec![
            ("empty".into(), Vec::new()),
            ("one byte".into(), tag[..1].to_vec()),
            ("half".into(), tag[..len / 2].to_vec()),
            ("all but the last byte".into(), tag[..len - 1].to_vec()),
            ("all but the first byte".into(), tag[1..].to_vec()),
            ("one byte extra".into(), [&tag[..], &[0]].concat()),
            ("doubled".into(), [&tag[..], &tag[..]].concat()),
            ("a 64-byte prefix of nothing".into(), vec![0; 64]),
        ];
        for bit in 0..len * 8 {
            let mut flipped = tag.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            forgeries.push((format!("bit {bit} flipped"), flipped));
        }
        for (what, signature) in forgeries {
            assert_eq!(
                outcome(&with_signature(&token, &signature), &key),
                Err(SIGNATURE_FAILED),
                "{algorithm}: {what}"
            );
        }
        // Stripped with its separator: no longer a compact JWS at all.
        assert_eq!(outcome(split(&token).0, &key), Err(JWS_INVALID));
    }
}

/// A verifier that compares signatures as NUL-terminated strings, or strips
/// leading zero bytes as a big integer would, accepts any forgery that starts
/// like the real signature. Here a genuine signature that begins with a zero
/// byte verifies, and nothing else does: another signature with the same zero
/// first byte, the signature without its zero, with an extra zero, or zeros.
#[test]
fn signatures_beginning_with_zero_bytes() {
    for algorithm in Algorithm::HMAC {
        let key = key(algorithm);
        let len = algorithm.signature_len();
        let header = format!(r#"{{"alg":"{}"}}"#, algorithm.name());
        let found = (0..100_000_u32).find_map(|n| {
            let payload = format!(r#"{{"exp":{EXP},"n":{n}}}"#);
            let token = signed(&key, header.as_bytes(), payload.as_bytes());
            let (_, tag) = split(&token);
            (tag[0] == 0).then_some((token, tag))
        });
        let (token, tag) = found.expect("one HMAC in 256 starts with a zero byte");
        assert_eq!(
            outcome(&token, &key),
            Ok(()),
            "{algorithm}: the genuine signature"
        );

        let mut same_first_byte = vec![0xff; len];
        same_first_byte[0] = 0;
        let mut zero_then_rest = tag.clone();
        zero_then_rest[len - 1] ^= 0x80;
        for (what, signature) in [
            ("zero, then 0xff", same_first_byte),
            ("zero, then the rest with one bit flipped", zero_then_rest),
            ("all zeros", vec![0; len]),
            ("a single zero byte", vec![0]),
            ("the signature without its leading zero", tag[1..].to_vec()),
            (
                "the signature with an extra leading zero",
                [&[0], &tag[..]].concat(),
            ),
            (
                "the signature with a trailing zero",
                [&tag[..], &[0]].concat(),
            ),
        ] {
            assert_eq!(
                outcome(&with_signature(&token, &signature), &key),
                Err(SIGNATURE_FAILED),
                "{algorithm}: {what}"
            );
        }
    }
}

/// A nested JWT: `cty: "JWT"` with a whole signed token as the payload, in
/// every spelling of the media type. The outer token is refused as a nested
/// token (it is never unwrapped, so the inner token's claims are never taken
/// for the outer's); without `cty`, the payload is not a claims set at all.
/// (`nested_jwt_cty_is_not_supported` covers `cty` on an ordinary payload.)
#[test]
fn nested_jwt_via_cty_is_not_unwrapped() {
    let key = key(Algorithm::Hs256);
    let inner = sign(&claims_expiring(), &key, &HeaderOptions::new());
    for cty in ["JWT", "jwt", "application/jwt", "Application/JWT"] {
        let header = format!(r#"{{"alg":"HS256","cty":"{cty}"}}"#);
        let outer = signed(&key, header.as_bytes(), inner.as_bytes());
        assert_eq!(outcome(&outer, &key), Err(NOT_SUPPORTED), "{cty}");
        assert_eq!(
            code(jwt_edge::decode_unverified(&outer)),
            Err(NOT_SUPPORTED),
            "{cty}"
        );
    }
    let outer = signed(&key, br#"{"alg":"HS256"}"#, inner.as_bytes());
    assert_eq!(outcome(&outer, &key), Err("ERR_JWT_INVALID"));
    // As a plain JWS, the inner token is only the payload's bytes.
    let jws = verify_jws(&outer, &key, &Validation::new(NOW)).expect("a valid JWS");
    assert_eq!(jws.payload, inner.into_bytes());
}

/// Fractional `iat` (RFC 7519 §2 allows fractions in any `NumericDate`) works:
/// half a second in the future is in the future (it is not truncated to now),
/// and `max_age` counts the age with its fraction.
/// (`rule_7_fractional_dates_work` covers `exp` and `nbf`.)
#[test]
fn fractional_iat_is_compared_with_its_fraction() {
    let key = key(Algorithm::Hs256);
    let token = signed(
        &key,
        br#"{"alg":"HS256"}"#,
        format!(r#"{{"iat":{NOW}.5,"exp":{EXP}}}"#).as_bytes(),
    );
    // At NOW the token was issued half a second in the future.
    let error = verify(&token, &key, &Validation::new(NOW)).expect_err("iat ahead");
    assert_eq!(error.code(), CLAIM_FAILED);
    assert_eq!(error.claim(), Some("iat"));
    assert_eq!(outcome(&token, &key), Err(CLAIM_FAILED));
    assert!(verify(&token, &key, &Validation::new(NOW + 1)).is_ok());
    // Issued 99.5 s before NOW + 100: within a max_age of 99 s plus a second
    // of leeway, not within 99 s.
    let later = Validation::new(NOW + 100).max_age(99);
    assert_eq!(code(verify(&token, &key, &later)), Err("ERR_JWT_EXPIRED"));
    let leeway = later.leeway(1).expect("valid leeway");
    assert!(verify(&token, &key, &leeway).is_ok());
    assert_eq!(
        code(verify(
            &token,
            &key,
            &Validation::new(NOW + 100).max_age(100)
        )),
        Ok(())
    );
}
