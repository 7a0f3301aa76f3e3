//! Property tests (proptest), run by `cargo test`:
//!
//! 1. signing then verifying is the identity on claims (and on `typ`/`kid`);
//! 2. any one-byte change to a signed token (a substitution, an insertion or a
//!    deletion) makes verification fail;
//! 3. no input panics: arbitrary text, token-shaped text, validly signed
//!    arbitrary bytes and deeply nested JSON all come back as `Ok` or as an
//!    error with one of the token codes;
//! 4. every segment decodes exactly as a strict, canonical base64url decoder
//!    decodes it;
//! 5. `verify_with` accepts and refuses exactly what `verify` does, and its
//!    borrowed claims read as the owned ones.
//!
//! The fuzz target in `fuzz/` checks the same properties with coverage
//! guidance; `tests/fuzz_corpus.rs` replays its corpus.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::codes::{JWS_INVALID, TOKEN_CODES};
use common::{b64, key, sign_segments, signed, NOW};
use jwt_edge::json::{Object, Value};
use jwt_edge::{
    decode_unverified, sign, verify, verify_jws, verify_token, verify_with, Algorithm, Audience,
    Claims, ClaimsRef, Error, HeaderOptions, NumericDate, Validation, DEFAULT_MAX_TOKEN_LENGTH,
    MAX_NUMERIC_DATE,
};
use proptest::prelude::*;
use proptest::sample::Index;

const REGISTERED: [&str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

/// The default rules at [`NOW`], without a length cap.
fn roomy() -> Validation {
    Validation::new(NOW).max_token_length(usize::MAX)
}

fn algorithm() -> impl Strategy<Value = Algorithm> {
    prop::sample::select(Algorithm::HMAC.to_vec())
}

/// Any short string: every Unicode scalar value is possible, controls, quotes,
/// backslashes and line separators included.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4).prop_map(|members| {
                let mut object = Object::new();
                for (name, value) in members {
                    object.insert(name, value);
                }
                Value::Object(object)
            }),
        ]
    })
}

/// A claims set that verifies at [`NOW`] under the default rules: `exp` after
/// `NOW`, `nbf` and `iat` at or before it.
fn claims() -> impl Strategy<Value = Claims> {
    let audience = prop_oneof![
        text().prop_map(Audience::One),
        prop::collection::vec(text(), 0..4).prop_map(Audience::Many),
    ];
    (
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(audience),
        ),
        (
            NOW + 1..=MAX_NUMERIC_DATE,
            prop::option::of(0..=NOW),
            prop::option::of(0..=NOW),
        ),
        prop::collection::vec((text(), json_value()), 0..6),
    )
        .prop_map(|((iss, sub, jti, aud), (exp, nbf, iat), custom)| {
            let mut claims = Claims::new();
            claims.issuer = iss;
            claims.subject = sub;
            claims.jwt_id = jti;
            claims.audience = aud;
            claims.expires_at = NumericDate::from_secs(exp);
            claims.not_before = nbf.and_then(NumericDate::from_secs);
            claims.issued_at = iat.and_then(NumericDate::from_secs);
            for (name, value) in custom {
                if !REGISTERED.contains(&name.as_str()) {
                    claims.insert(&name, value).expect("a custom claim");
                }
            }
            claims
        })
}

fn header_options() -> impl Strategy<Value = HeaderOptions> {
    (prop::option::of(text()), prop::option::of(text())).prop_map(|(typ, kid)| {
        let mut header = HeaderOptions::new().without_typ();
        if let Some(typ) = typ {
            header = header.typ(typ);
        }
        if let Some(kid) = kid {
            header = header.key_id(kid);
        }
        header
    })
}

/// Whether every accessor of `borrowed` reads what the owned `claims` hold.
fn reads_as(borrowed: &ClaimsRef<'_>, claims: &Claims) -> bool {
    let audiences: Vec<&str> = match &claims.audience {
        Some(Audience::One(one)) => vec![one.as_str()],
        Some(Audience::Many(many)) => many.iter().map(String::as_str).collect(),
        None => Vec::new(),
    };
    let names: Vec<&str> = claims.custom().iter().map(|(name, _)| name).collect();
    borrowed.issuer() == claims.issuer.as_deref()
        && borrowed.subject() == claims.subject.as_deref()
        && borrowed.jwt_id() == claims.jwt_id.as_deref()
        && borrowed.audiences().eq(audiences)
        && borrowed.contains("aud") == claims.audience.is_some()
        && borrowed.expires_at() == claims.expires_at
        && borrowed.not_before() == claims.not_before
        && borrowed.issued_at() == claims.issued_at
        && borrowed.custom_names().eq(names)
        && claims.custom().iter().all(|(name, value)| {
            borrowed.get(name).as_ref() == Some(value)
                && borrowed.get_str(name) == value.as_str()
                && borrowed.contains(name)
        })
        && borrowed.to_claims() == *claims
}

/// Runs every entry point on `token` and checks each outcome is `Ok` or an
/// error with a token code, and that `verify_with` agrees with `verify`.
/// Nothing may panic.
fn exercise(token: &str) {
    let check = |result: Result<(), Error>| {
        if let Err(error) = result {
            assert!(TOKEN_CODES.contains(&error.code()), "{error:?}");
        }
    };
    check(decode_unverified(token).map(|_| ()));
    for algorithm in Algorithm::HMAC {
        let key = key(algorithm);
        let lax = Validation::new(NOW).required_claims(Vec::<String>::new());
        let owned = verify(token, &key, &Validation::new(NOW));
        let borrowed = verify_with(token, &key, &Validation::new(NOW), |claims| {
            claims.to_claims()
        });
        assert_eq!(
            borrowed, owned,
            "verify_with and verify disagree on {token:?}"
        );
        check(owned.map(|_| ()));
        check(verify_token(token, &key, &lax.clone().max_token_length(usize::MAX)).map(|_| ()));
        check(verify_jws(token, &key, &lax).map(|_| ()));
    }
}

#[derive(Debug, Clone)]
enum ByteChange {
    Substitute(Index, u8),
    Insert(Index, u8),
    Delete(Index),
}

fn byte_change() -> impl Strategy<Value = ByteChange> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| ByteChange::Substitute(at, byte)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| ByteChange::Insert(at, byte)),
        any::<Index>().prop_map(ByteChange::Delete),
    ]
}

/// `token` with one byte changed; invalid UTF-8 is replaced (lossily), which
/// only changes it further.
fn apply(token: &str, change: &ByteChange) -> String {
    let mut bytes = token.as_bytes().to_vec();
    match change {
        ByteChange::Substitute(at, byte) => {
            let at = at.index(bytes.len());
            // Any other byte: adding 1..=255 modulo 256 never gives the same.
            bytes[at] = bytes[at].wrapping_add(byte.saturating_add(1));
        }
        ByteChange::Insert(at, byte) => bytes.insert(at.index(bytes.len() + 1), *byte),
        ByteChange::Delete(at) => {
            bytes.remove(at.index(bytes.len()));
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// 1. `verify(sign(claims))` returns `claims`, for every algorithm, and the
    ///    header keeps `typ` and `kid`; unverified decoding agrees.
    #[test]
    fn sign_then_verify_is_the_identity_on_claims(
        claims in claims(),
        header in header_options(),
        algorithm in algorithm(),
    ) {
        let key = key(algorithm);
        let token = sign(&claims, &key, &header);
        let verified = verify_token(&token, &key, &roomy()).expect("a token we signed verifies");
        prop_assert_eq!(&verified.claims, &claims);
        let borrowed = verify_with(&token, &key, &roomy(), |borrowed| reads_as(borrowed, &claims));
        prop_assert_eq!(borrowed, Ok(true), "the borrowed claims read as the owned ones");
        prop_assert_eq!(verified.payload, claims.to_json().into_bytes());
        prop_assert_eq!(verified.header.alg_name(), algorithm.name());
        let expected = sign(&claims, &key, &header);
        prop_assert_eq!(&token, &expected, "signing is deterministic");
        if token.len() <= DEFAULT_MAX_TOKEN_LENGTH {
            let decoded = decode_unverified(&token).expect("a token we signed decodes");
            prop_assert_eq!(decoded.claims, claims);
            prop_assert_eq!(decoded.header, verified.header);
        }
    }

    /// 2. Changing any one byte of a signed token makes it fail.
    #[test]
    fn any_byte_change_to_a_signed_token_fails_verification(
        claims in claims(),
        algorithm in algorithm(),
        change in byte_change(),
    ) {
        let key = key(algorithm);
        let token = sign(&claims, &key, &HeaderOptions::new());
        let changed = apply(&token, &change);
        prop_assert_ne!(&changed, &token);
        prop_assert!(verify_jws(&changed, &key, &roomy()).is_err(), "{:?}: {}", change, changed);
        prop_assert!(verify(&changed, &key, &roomy()).is_err());
        prop_assert!(verify_with(&changed, &key, &roomy(), |_| ()).is_err());
    }

    /// 4. A segment decodes exactly as a strict, canonical base64url decoder
    ///    (the `base64` crate's `URL_SAFE_NO_PAD`) decodes it: to the same
    ///    bytes, or it is refused. Random base64url text mostly ends in
    ///    non-canonical trailing bits, so both outcomes are exercised.
    #[test]
    fn segments_decode_exactly_as_strict_base64url(
        segment in prop_oneof![
            "[A-Za-z0-9_-]{1,64}",
            "[A-Za-z0-9_=+/ .-]{1,16}",
        ],
    ) {
        let key = key(Algorithm::Hs256);
        let token = sign_segments(&key, &b64(br#"{"alg":"HS256"}"#), &segment);
        let lax = Validation::new(NOW).required_claims(Vec::<String>::new());
        match (URL_SAFE_NO_PAD.decode(&segment), verify_jws(&token, &key, &lax)) {
            (Ok(bytes), Ok(jws)) => prop_assert_eq!(jws.payload, bytes),
            (Err(_), Err(error)) => prop_assert_eq!(error.code(), JWS_INVALID),
            (strict, ours) => prop_assert!(false, "{:?}: {:?} / {:?}", segment, strict, ours),
        }
    }

    /// 3a. Arbitrary text.
    #[test]
    fn no_input_panics_arbitrary_text(token in ".{0,300}") {
        exercise(&token);
    }

    /// 3b. Text made of the base64url alphabet, dots and the characters a
    ///     lenient decoder would accept.
    #[test]
    fn no_input_panics_token_shaped_text(token in "[A-Za-z0-9_=+/ .-]{0,300}") {
        exercise(&token);
    }

    /// 3c. Arbitrary header and payload bytes with a valid signature, so the
    ///     JSON and claims rules are reached.
    #[test]
    fn no_input_panics_validly_signed_bytes(
        header in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..64),
            json_value().prop_map(|value| value.to_json().into_bytes()),
            Just(br#"{"alg":"HS256"}"#.to_vec()),
        ],
        payload in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..128),
            json_value().prop_map(|value| value.to_json().into_bytes()),
            claims().prop_map(|claims| claims.to_json().into_bytes()),
        ],
        algorithm in algorithm(),
    ) {
        exercise(&signed(&key(algorithm), &header, &payload));
    }

    /// 3d. JSON nested far deeper than the parser allows, in the header or the
    ///     payload, arrays or objects: an error, never a stack overflow.
    #[test]
    fn no_input_panics_deep_nesting(depth in 1_usize..20_000, object in any::<bool>(), in_header in any::<bool>()) {
        let (open, close) = if object { (r#"{"a":"#, "}") } else { ("[", "]") };
        let nested = format!("{}0{}", open.repeat(depth), close.repeat(depth));
        let (header, payload) = if in_header {
            (format!(r#"{{"alg":"HS256","x":{nested}}}"#), format!(r#"{{"exp":{}}}"#, NOW + 1))
        } else {
            (r#"{"alg":"HS256"}"#.to_string(), format!(r#"{{"exp":{},"x":{nested}}}"#, NOW + 1))
        };
        let token = signed(&key(Algorithm::Hs256), header.as_bytes(), payload.as_bytes());
        let outcome = verify_token(&token, &key(Algorithm::Hs256), &roomy());
        // 63 levels under the top-level object fit: 64 in all.
        prop_assert_eq!(outcome.is_ok(), depth < 64, "depth {}", depth);
        exercise(&token);
    }
}
