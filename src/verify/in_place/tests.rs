//! Verifying in place against the parser's path: the same payload or the
//! same error for every token, signed or forged, valid or mutated, under
//! every claim rule.

use super::verify_in_place;
use crate::claims::KeepChecked;
use crate::verify::verify_checked;
use crate::{base64url, Algorithm, Error, HmacKey, KeyRequest, SigningKey, Validation};
use alloc::string::String;
use alloc::vec::Vec;
use alloc::{format, vec};

type Outcome = Result<Vec<u8>, Error>;

const SECRET: &[u8] = b"a secret of at least sixty-four bytes, for HS256, HS384 and HS512!";

fn key(algorithm: Algorithm) -> HmacKey {
    HmacKey::new(algorithm, SECRET).expect("long enough")
}

/// The key for the token's algorithm, as `Verifier` and the one-shot `verify` choose.
fn chosen(request: &KeyRequest<'_>) -> Result<HmacKey, Error> {
    match request.algorithm {
        Algorithm::Hs256 | Algorithm::Hs384 => Ok(key(request.algorithm)),
        _ => Err(Error::AlgorithmNotAllowed),
    }
}

fn by_parser(token: &str, validation: &Validation) -> Outcome {
    verify_checked::<_, KeepChecked, _>(token, validation, chosen, |_, _, payload, _| {
        Ok(payload.to_vec())
    })
}

fn in_place(token: &str, validation: &Validation) -> Outcome {
    verify_in_place(token, validation, chosen).map(|verified| verified.payload_json().to_vec())
}

/// `header.payload.signature`, signed with the key of `algorithm`.
fn signed(header: &[u8], payload: &[u8], algorithm: Algorithm) -> String {
    let mut token = String::new();
    base64url::encode_into(header, &mut token);
    token.push('.');
    base64url::encode_into(payload, &mut token);
    let signature = key(algorithm).sign(token.as_bytes());
    token.push('.');
    base64url::encode_into(&signature, &mut token);
    token
}

fn assert_same(token: &str, validation: &Validation) {
    assert_eq!(
        in_place(token, validation),
        by_parser(token, validation),
        "{token:?} under {validation:?}"
    );
}

const HEADERS: [&str; 9] = [
    r#"{"alg":"HS256","typ":"JWT"}"#,
    r#"{"alg":"HS384"}"#,
    r#"{"\u0061lg":"HS\u0032\u0035\u0036","typ":"at\u002bjwt"}"#,
    r#"{"alg":"HS256","typ":"application/AT+JWT","kid":"k\u00e9"}"#,
    r#"{"alg":"HS512"}"#,
    r#"{"alg":"none"}"#,
    r#"{"alg":"HS256","typ":7}"#,
    r#"{"alg":"HS256","crit":["exp"]}"#,
    r#"{"alg":"HS256","alg":"HS256"}"#,
];

const PAYLOADS: [&str; 14] = [
    r#"{"iss":"https://issuer","sub":"user-1","aud":"api","exp":1700000900,"iat":1699999000}"#,
    r#"{"iss":"https:\/\/issuer","sub":"user\u002d1","aud":["web","a\u0070i"],"exp":1700000900}"#,
    r#"{"aud":[ "x" , "api\"" ,"api"],"exp":1.7000009e9,"nbf":1700000030,"role":"admin"}"#,
    r#"{"aud":[],"exp":1700000000}"#,
    r#"{"exp":1699999999.5,"iat":1700000100}"#,
    r#"{"exp":1700000900,"nbf":1700000000.5,"iat":1600000000}"#,
    r#"{"\u0072ole":"admin","sub":"user-1"}"#,
    r#"{"exp":"1700000900"}"#,
    r#"{"aud":["api",1],"exp":1700000900}"#,
    r#"{"exp":1700000900,"exp":1700000900}"#,
    r#"{"exp":1700000900,"iss":"issuer","x":{"y":[{"z":"\ud83d\ude00"}]}}"#,
    "[1]",
    r#"{"exp":9007199254740993}"#,
    "{}",
];

fn validations() -> Vec<Validation> {
    let now = || Validation::new(1_700_000_000);
    let leeway = |seconds| now().leeway(seconds).expect("at most 300");
    vec![
        now(),
        now().algorithms(&[Algorithm::Hs256, Algorithm::Hs384]),
        now().algorithms(&[Algorithm::Hs384]),
        now().issuer("https://issuer").issuer("other"),
        now().audience("api"),
        now().audience("nobody").audience("web"),
        now().subject("user-1"),
        now().typ("at+jwt"),
        now().typ("JWT"),
        now().required_claims(["role", "sub"]),
        now().required_claims(["nbf"]),
        now().required_claims(Vec::<String>::new()),
        now().max_age(500),
        now().max_age(5000),
        leeway(30),
        leeway(300).max_token_length(60),
        Validation::new(1_700_000_900),
        Validation::new(1_699_999_999),
    ]
}

#[test]
fn signed_tokens_meet_every_rule_as_the_parser_judges_them() {
    for header in HEADERS {
        for payload in PAYLOADS {
            for algorithm in [Algorithm::Hs256, Algorithm::Hs384] {
                let token = signed(header.as_bytes(), payload.as_bytes(), algorithm);
                for validation in validations() {
                    assert_same(&token, &validation);
                }
            }
        }
    }
}

#[test]
fn the_valid_tokens_pass_in_place_with_their_payload() {
    // Not every check above fails: the comparison would hold for a reader
    // that refused everything.
    let validation = Validation::new(1_700_000_000)
        .audience("api")
        .issuer("https://issuer")
        .subject("user-1");
    for payload in &PAYLOADS[..2] {
        let token = signed(HEADERS[0].as_bytes(), payload.as_bytes(), Algorithm::Hs256);
        assert_eq!(
            in_place(&token, &validation),
            Ok(payload.as_bytes().to_vec())
        );
    }
    let token = signed(
        HEADERS[2].as_bytes(),
        PAYLOADS[2].as_bytes(),
        Algorithm::Hs256,
    );
    let typed = Validation::new(1_700_000_100)
        .typ("AT+JWT")
        .audience("api\"");
    assert_eq!(
        in_place(&token, &typed),
        Ok(PAYLOADS[2].as_bytes().to_vec())
    );
}

#[test]
fn forged_and_malformed_tokens_fail_as_the_parser_fails_them() {
    let token = signed(
        HEADERS[0].as_bytes(),
        PAYLOADS[0].as_bytes(),
        Algorithm::Hs256,
    );
    let (signing_input, signature) = token.rsplit_once('.').expect("three segments");
    let forged = format!("{signing_input}.{}A", &signature[..signature.len() - 1]);
    let other_payload = signed(
        HEADERS[0].as_bytes(),
        PAYLOADS[1].as_bytes(),
        Algorithm::Hs256,
    );
    let swapped = format!(
        "{signing_input}.{}",
        other_payload.rsplit_once('.').expect("").1
    );
    for bad in [
        forged.as_str(),
        swapped.as_str(),
        &token[..token.len() - 2],
        "a.b",
        "a.b.c.d",
        ".b.c",
        "a..c",
        "!!!.e30.",
        "eyJhbGciOiJIUzI1NiJ9.!!!.c2ln",
        "eyJhbGciOiJIUzI1NiJ9.e30.!!!",
        "",
    ] {
        for validation in validations() {
            assert_same(bad, &validation);
        }
        assert!(in_place(bad, &Validation::new(0)).is_err(), "{bad:?}");
    }
}

#[test]
fn a_token_over_16_kib_is_verified_when_the_cap_allows_it() {
    let claims = format!(
        r#"{{"exp":1700000900,"pad":"{}","aud":["api"]}}"#,
        "x".repeat(20_000)
    );
    let token = signed(HEADERS[0].as_bytes(), claims.as_bytes(), Algorithm::Hs256);
    let raised = Validation::new(1_700_000_000)
        .max_token_length(64 * 1024)
        .audience("api");
    assert_eq!(in_place(&token, &raised), Ok(claims.as_bytes().to_vec()));
    assert_same(&token, &raised);
    assert_same(&token, &Validation::new(1_700_000_000));
}

#[test]
fn mutated_tokens_are_judged_as_the_parser_judges_them() {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % 1_000_003).unwrap_or_default()
    };
    let alphabet = br#"{}[]":,\/ubfnrt0123456789-+.eEaApix "#;
    let validations = validations();
    for round in 0..3_000 {
        let mut header = HEADERS[round % 4].as_bytes().to_vec();
        let mut payload = PAYLOADS[round % PAYLOADS.len()].as_bytes().to_vec();
        let target = if round % 3 == 0 {
            &mut header
        } else {
            &mut payload
        };
        for _ in 0..=next() % 2 {
            let at = next() % (target.len() + 1);
            let byte = alphabet[next() % alphabet.len()];
            if at < target.len() && next() % 2 == 0 {
                target[at] = byte;
            } else {
                target.insert(at, byte);
            }
        }
        let token = signed(&header, &payload, Algorithm::Hs256);
        assert_same(&token, &validations[round % validations.len()]);
    }
}
