//! The checks of the `round_trip` fuzz target: decode → verify → sign.
//!
//! Shared by the libFuzzer target (`fuzz/fuzz_targets/round_trip.rs`, run with
//! `cargo +nightly fuzz run round_trip`) and by `tests/fuzz_corpus.rs`, which
//! replays the committed corpus in `make test`.
//!
//! An input is one mode byte and a body:
//! - mode bit 7 clear: the body (lossily UTF-8) is a token, as an attacker
//!   would send it;
//! - mode bit 7 set: the body is `header JSON, NUL, payload JSON`, put into a
//!   compact JWS with a *valid* signature, so the claims rules are reached too.
//!
//! `mode % 3` picks HS256, HS384 or HS512 for the key. Nothing may panic, and:
//! 1. `verify_token` fails exactly when `verify_jws` fails, with the same error;
//! 2. a validly signed token gets the same error from `verify_token` and from
//!    `decode_unverified`, except for the time checks only `verify` makes;
//! 3. a verified token decodes to the same header and claims;
//! 4. whatever decodes, re-signed, verifies to the same claims (or fails only
//!    on time), and decodes to them again;
//! 5. changing any one byte of a token we signed makes it fail verification.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jwt_edge::{
    decode_unverified, sign, verify_jws, verify_token, Algorithm, Error, HeaderOptions, HmacKey,
    SigningKey, UnverifiedToken, Validation, DEFAULT_MAX_TOKEN_LENGTH,
};

/// The fuzz key: 64 bytes, long enough for every algorithm.
const SECRET: &[u8; 64] = b"jwt-edge fuzz key: sixty-four bytes of secret for HS256/384/512.";

/// The time the claims are judged at.
const NOW: u64 = 1_700_000_000;

/// Runs every check on one fuzz input.
///
/// # Panics
/// When the library breaks one of the properties listed in the module docs.
pub fn round_trip(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let algorithm = Algorithm::ALL[usize::from(mode % 3)];
    let key = HmacKey::new(algorithm, SECRET).expect("a 64-byte key fits every algorithm");
    let token = if mode & 0x80 == 0 {
        String::from_utf8_lossy(body).into_owned()
    } else {
        let (header, payload) = match body.iter().position(|&byte| byte == 0) {
            Some(nul) => (&body[..nul], &body[nul + 1..]),
            None => (body, &b"{}"[..]),
        };
        sign_raw(&key, header, payload)
    };
    check_token(&token, &key);
}

/// A compact JWS of exactly these header and payload bytes, validly signed.
fn sign_raw(key: &HmacKey, header: &[u8], payload: &[u8]) -> String {
    let mut token = URL_SAFE_NO_PAD.encode(header);
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(payload, &mut token);
    let tag = SigningKey::sign(key, token.as_bytes());
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(tag, &mut token);
    token
}

/// The rules used throughout: no claim required, judged at [`NOW`].
fn lax() -> Validation {
    Validation::new(NOW).required_claims(Vec::<String>::new())
}

/// A failure of the time checks, the only ones `verify` makes and `decode`
/// does not under [`lax`] rules.
fn is_time_failure(error: &Error) -> bool {
    match error {
        Error::Expired => true,
        Error::ClaimInvalid { claim, reason } => {
            (claim == "nbf" || claim == "iat") && *reason == "check_failed"
        }
        _ => false,
    }
}

fn check_token(token: &str, key: &HmacKey) {
    let decoded = decode_unverified(token);
    let jws = verify_jws(token, key, &lax());
    let verified = verify_token(token, key, &lax());

    match &jws {
        // 1. The claims are read only once the JWS is valid.
        Err(error) => assert_eq!(verified.as_ref().err(), Some(error), "{token:?}"),
        Ok(jws) => match (&decoded, &verified) {
            (Ok(decoded), Ok(verified)) => {
                // 3. Same header and claims either way.
                assert_eq!(decoded.header, verified.header, "{token:?}");
                assert_eq!(decoded.claims, verified.claims, "{token:?}");
                assert_eq!(jws.payload, verified.payload, "{token:?}");
            }
            // 2. Validly signed: the same failure, or a time check.
            (Err(decode_error), Err(verify_error)) => {
                assert_eq!(decode_error, verify_error, "{token:?}");
            }
            (Ok(_), Err(error)) => assert!(is_time_failure(error), "{token:?}: {error:?}"),
            (Err(error), Ok(_)) => panic!("{token:?}: verified, yet decode says {error:?}"),
        },
    }

    if let Ok(decoded) = &decoded {
        re_sign(decoded, key, token.len());
    }
}

/// 4 and 5: sign what was decoded, verify and decode it again, then tamper.
fn re_sign(decoded: &UnverifiedToken, key: &HmacKey, salt: usize) {
    let mut header = HeaderOptions::new().without_typ();
    if let Some(typ) = &decoded.header.typ {
        header = header.typ(typ.clone());
    }
    if let Some(kid) = &decoded.header.kid {
        header = header.key_id(kid.clone());
    }
    let signed = sign(&decoded.claims, key, &header);
    // Re-signing can make a token longer than the one decoded (a longer `alg`,
    // a full signature), so the cap is lifted for the checks that follow.
    let roomy = lax().max_token_length(usize::MAX);

    let jws = verify_jws(&signed, key, &roomy).expect("a token we signed is a valid JWS");
    assert_eq!(jws.payload, decoded.claims.to_json().into_bytes());
    assert_eq!(jws.header.typ, decoded.header.typ);
    assert_eq!(jws.header.kid, decoded.header.kid);
    match verify_token(&signed, key, &roomy) {
        Ok(verified) => assert_eq!(verified.claims, decoded.claims, "{signed:?}"),
        Err(error) => assert!(is_time_failure(&error), "{signed:?}: {error:?}"),
    }
    if signed.len() <= DEFAULT_MAX_TOKEN_LENGTH {
        let again = decode_unverified(&signed).expect("a token we signed decodes");
        assert_eq!(again.claims, decoded.claims, "{signed:?}");
    }

    // Every byte of a signed token is ASCII; flipping one of its low seven
    // bits gives another ASCII byte, so the result is still a string.
    let index = salt % signed.len();
    let mut bytes = signed.clone().into_bytes();
    bytes[index] ^= 1 << (salt % 7);
    let tampered = String::from_utf8(bytes).expect("still ASCII");
    assert!(
        verify_jws(&tampered, key, &roomy).is_err(),
        "byte {index} of {signed:?} changed, and it still verifies: {tampered:?}"
    );
}
