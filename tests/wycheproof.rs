//! Wycheproof vectors (C2SP/wycheproof, commit dac1dd4, Apache-2.0; see
//! `tests/vectors/README.md`) against the HMAC layer and the JWS verifier.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::code;
use common::codes::{
    ALG_NOT_ALLOWED, JWS_INVALID, JWT_INVALID, KEY_INVALID, NOT_SUPPORTED, SIGNATURE_FAILED,
};
use common::vectors::{field, hex, load, text};
use jwt_edge::{
    verify, verify_jws, Algorithm, Error, HmacKey, KeyFamily, Validation, VerifyingKey,
};
use serde_json::Value;
use std::collections::BTreeSet;

/// The codes a JWS marked invalid may be refused with.
const INVALID_JWS_CODES: [&str; 4] = [
    JWS_INVALID,
    SIGNATURE_FAILED,
    ALG_NOT_ALLOWED,
    NOT_SUPPORTED,
];

fn number(value: &Value, name: &str) -> u64 {
    field(value, name)
        .as_u64()
        .unwrap_or_else(|| panic!("field {name:?} is not a number"))
}

fn array<'a>(value: &'a Value, name: &str) -> &'a [Value] {
    field(value, name)
        .as_array()
        .unwrap_or_else(|| panic!("field {name:?} is not an array"))
}

/// How many cases of a raw HMAC file went down each branch.
#[derive(Debug, Default)]
struct HmacBranches {
    short_key: usize,
    truncated_tag: usize,
    full_tag: usize,
}

fn run_hmac_file(file: &str, algorithm: Algorithm, expected_algorithm: &str) -> HmacBranches {
    let vectors = load(file);
    assert_eq!(text(&vectors, "algorithm"), expected_algorithm);
    let full_len = algorithm.signature_len();
    let mut branches = HmacBranches::default();
    let mut seen = 0;
    for group in array(&vectors, "testGroups") {
        let tag_bits = usize::try_from(number(group, "tagSize")).expect("small");
        for case in array(group, "tests") {
            seen += 1;
            let id = number(case, "tcId");
            let key_bytes = hex(text(case, "key"));
            let msg = hex(text(case, "msg"));
            let tag = hex(text(case, "tag"));
            let valid = match text(case, "result") {
                "valid" => true,
                "invalid" => false,
                other => panic!("{file} tc {id}: unexpected result {other:?}"),
            };
            if key_bytes.len() < full_len {
                // RFC 7518 §3.2: a key shorter than the hash output is refused.
                let refused = HmacKey::new(algorithm, &key_bytes).map(|_| ());
                assert_eq!(
                    refused.map_err(|e| e.code()),
                    Err(KEY_INVALID),
                    "{file} tc {id}: {}-byte key",
                    key_bytes.len()
                );
                branches.short_key += 1;
                continue;
            }
            let key = HmacKey::new(algorithm, &key_bytes)
                .unwrap_or_else(|e| panic!("{file} tc {id}: key refused: {e}"));
            let outcome = key.verify_signature(&msg, &tag);
            if tag_bits < full_len * 8 {
                // A JWS always carries the full tag: a truncated one must fail,
                // whatever its label...
                assert_eq!(
                    outcome,
                    Err(Error::SignatureInvalid),
                    "{file} tc {id}: truncated tag accepted"
                );
                // ...while the MAC itself agrees with the vector's label.
                let full = jwt_edge::SigningKey::sign(&key, &msg);
                assert_eq!(
                    full.get(..tag.len()) == Some(&tag[..]),
                    valid,
                    "{file} tc {id}: truncated MAC disagrees with the label"
                );
                branches.truncated_tag += 1;
            } else {
                let expected = if valid {
                    Ok(())
                } else {
                    Err(Error::SignatureInvalid)
                };
                assert_eq!(outcome, expected, "{file} tc {id}");
                branches.full_tag += 1;
            }
        }
    }
    assert_eq!(
        seen,
        usize::try_from(number(&vectors, "numberOfTests")).expect("small"),
        "{file}: every test case was run"
    );
    branches
}

#[test]
fn raw_hmac_sha256_vectors() {
    let branches = run_hmac_file("hmac_sha256_test.json", Algorithm::Hs256, "HMACSHA256");
    assert!(branches.short_key > 0, "{branches:?}");
    assert!(branches.truncated_tag > 0, "{branches:?}");
    assert!(branches.full_tag > 0, "{branches:?}");
}

#[test]
fn raw_hmac_sha384_vectors() {
    let branches = run_hmac_file("hmac_sha384_test.json", Algorithm::Hs384, "HMACSHA384");
    assert!(branches.short_key > 0, "{branches:?}");
    assert!(branches.truncated_tag > 0, "{branches:?}");
    assert!(branches.full_tag > 0, "{branches:?}");
}

#[test]
fn raw_hmac_sha512_vectors() {
    let branches = run_hmac_file("hmac_sha512_test.json", Algorithm::Hs512, "HMACSHA512");
    assert!(branches.short_key > 0, "{branches:?}");
    assert!(branches.truncated_tag > 0, "{branches:?}");
    assert!(branches.full_tag > 0, "{branches:?}");
}

/// One compact JWS case with the group it came from.
struct JwsCase<'a> {
    id: u64,
    jws: &'a str,
    valid: bool,
    group: &'a Value,
}

fn jws_cases(vectors: &Value) -> Vec<JwsCase<'_>> {
    let mut cases = Vec::new();
    for group in array(vectors, "testGroups") {
        for case in array(group, "tests") {
            cases.push(JwsCase {
                id: number(case, "tcId"),
                jws: text(case, "jws"),
                valid: match text(case, "result") {
                    "valid" => true,
                    "invalid" => false,
                    other => panic!("unexpected result {other:?}"),
                },
                group,
            });
        }
    }
    cases
}

fn is_oct(group: &Value) -> bool {
    group
        .get("private")
        .and_then(|key| key.get("kty"))
        .and_then(Value::as_str)
        == Some("oct")
}

/// The key of an `oct` group, or the code `HmacKey::new` refused it with.
fn oct_key(group: &Value) -> Result<HmacKey, Error> {
    let jwk = field(group, "private");
    let algorithm = Algorithm::from_name(text(jwk, "alg")).expect("an HMAC algorithm");
    let bytes = URL_SAFE_NO_PAD
        .decode(text(jwk, "k"))
        .expect("k is base64url");
    let key = HmacKey::new(algorithm, &bytes);
    if bytes.len() < algorithm.signature_len() {
        assert_eq!(
            key.as_ref().map(|_| ()).map_err(Error::code),
            Err(KEY_INVALID)
        );
    }
    key
}

/// The `alg` a compact token's header names, if its header can be read.
fn header_alg(jws: &str) -> Option<String> {
    let header = jws.split('.').next()?;
    let json = URL_SAFE_NO_PAD.decode(header).ok()?;
    let header: Value = serde_json::from_slice(&json).ok()?;
    header.get("alg")?.as_str().map(String::from)
}

#[test]
fn jws_symmetric_groups() {
    let vectors = load("json_web_signature_test.json");
    let cases = jws_cases(&vectors);
    let by_id = |id: u64| {
        cases
            .iter()
            .find(|case| case.id == id)
            .expect("the case exists")
    };
    // Upstream labels 367 and 370 invalid, but they are byte-identical to the
    // valid 357: skipped.
    for mislabelled in [367, 370] {
        assert_eq!(by_id(mislabelled).jws, by_id(357).jws);
        assert!(!by_id(mislabelled).valid);
    }
    // Upstream labels 372 and 373 valid, but they contain '?': rejected.
    let strictly_invalid = [372, 373];
    let validation = Validation::new(0);
    let mut seen = BTreeSet::new();
    let mut short_keys = 0;
    for case in cases.iter().filter(|case| is_oct(case.group)) {
        seen.insert(case.id);
        if [367, 370].contains(&case.id) {
            continue;
        }
        let Ok(key) = oct_key(case.group) else {
            short_keys += 1;
            continue;
        };
        let outcome = verify_jws(case.jws, &key, &validation);
        if strictly_invalid.contains(&case.id) {
            assert!(case.valid, "tc {}: upstream label changed", case.id);
            assert_eq!(code(outcome), Err(JWS_INVALID), "tc {}", case.id);
        } else if case.valid {
            assert_eq!(code(outcome), Ok(()), "tc {}", case.id);
        } else {
            match outcome {
                Ok(_) => panic!("tc {}: an invalid JWS was accepted", case.id),
                Err(error) => assert!(
                    INVALID_JWS_CODES.contains(&error.code()),
                    "tc {}: unexpected code {}",
                    case.id,
                    error.code()
                ),
            }
        }
    }
    let expected: BTreeSet<u64> = (1..=17).chain([348, 352]).chain(357..=377).collect();
    assert_eq!(seen, expected, "the oct groups hold exactly these cases");
    // Every oct key in this file is 32 bytes: none is refused as too short.
    assert_eq!(short_keys, 0);
}

#[test]
fn jws_asymmetric_and_none_tokens_never_reach_an_hmac_key() {
    let vectors = load("json_web_signature_test.json");
    let key = HmacKey::new(Algorithm::Hs256, &[0x5a; 32]).expect("a 32-byte key");
    let validation = Validation::new(0);
    let mut checked = 0;
    let mut others = 0;
    for case in jws_cases(&vectors)
        .iter()
        .filter(|case| !is_oct(case.group))
    {
        let outcome = verify_jws(case.jws, &key, &validation);
        match header_alg(case.jws) {
            Some(alg)
                if Algorithm::from_name(&alg).is_none_or(|alg| alg.family() != KeyFamily::Hmac) =>
            {
                // RS*, PS*, ES*, none, NONE: refused before any signature work.
                let code = code(outcome).expect_err("refused");
                assert!(
                    [ALG_NOT_ALLOWED, JWS_INVALID].contains(&code),
                    "tc {} ({alg}): unexpected code {code}",
                    case.id
                );
                checked += 1;
            }
            _ => {
                // Unreadable headers, and tc 31 (HS256 keyed with the EC public
                // key's bytes): refused as well.
                assert!(!case.valid, "tc {}", case.id);
                let code = code(outcome).expect_err("refused");
                assert!(
                    INVALID_JWS_CODES.contains(&code),
                    "tc {}: unexpected code {code}",
                    case.id
                );
                others += 1;
            }
        }
    }
    assert!(checked > 300, "asymmetric tokens checked: {checked}");
    assert!(others > 0);
}

#[test]
fn rfc7520_figure_35_is_a_valid_jws_but_not_a_jwt() {
    let vectors = load("json_web_signature_test.json");
    let cases = jws_cases(&vectors);
    let case = cases
        .iter()
        .find(|case| case.id == 348)
        .expect("tc 348 exists");
    assert!(case.valid);
    let key = oct_key(case.group).expect("a 32-byte key");
    let verified = verify_jws(case.jws, &key, &Validation::new(0)).expect("a valid JWS");
    assert!(verified
        .payload
        .starts_with("It\u{2019}s a dangerous business, Frodo".as_bytes()));
    assert_eq!(
        verified.header.kid.as_deref(),
        Some("018c0ae5-4d9b-471b-bfd6-eef314bc7037")
    );
    let as_jwt = verify(
        case.jws,
        &key,
        &Validation::new(0).required_claims(Vec::<String>::new()),
    );
    assert_eq!(code(as_jwt), Err(JWT_INVALID));
}

/// The exact code (and, for malformed tokens, the reason) of every invalid case
/// of the `oct` groups, so that each is refused for its own defect and not by
/// an earlier check that happens to catch it; with 372 and 373, which contain
/// a `?` yet are labelled valid upstream. Skipped: 367 and 370, identical to
/// the valid 357 (see `tests/vectors/README.md`).
#[test]
fn jws_symmetric_invalid_cases_fail_with_the_exact_code() {
    const SEGMENTS: &str = "a compact JWS has exactly three segments";
    const EMPTY: &str = "the header and payload segments must not be empty";
    const HEADER: &str = "the header is not base64url";
    const PAYLOAD: &str = "the payload is not base64url";
    const SIGNATURE: &str = "the signature is not base64url";
    let expected: [(u64, &str, Option<&str>); 30] = [
        (2, SIGNATURE_FAILED, None),         // modified signature
        (3, SIGNATURE_FAILED, None),         // empty signature
        (4, JWS_INVALID, Some(SEGMENTS)),    // no signature, no dot
        (5, SIGNATURE_FAILED, None),         // modified payload
        (6, JWS_INVALID, Some(EMPTY)),       // empty payload
        (7, JWS_INVALID, Some(SEGMENTS)),    // no payload, no dot
        (8, SIGNATURE_FAILED, None),         // modified header
        (9, JWS_INVALID, Some(EMPTY)),       // empty header
        (10, JWS_INVALID, Some(SEGMENTS)),   // no header, no dot
        (11, JWS_INVALID, Some(EMPTY)),      // only the payload
        (12, JWS_INVALID, Some(SEGMENTS)),   // only the payload, no dots
        (13, JWS_INVALID, Some(SEGMENTS)),   // empty string
        (14, JWS_INVALID, Some(SEGMENTS)),   // extra empty segment
        (15, JWS_INVALID, Some(SEGMENTS)),   // extra segment
        (16, ALG_NOT_ALLOWED, None),         // alg none, no signature
        (17, JWS_INVALID, Some(SEGMENTS)),   // JSON serialization
        (360, JWS_INVALID, Some(SIGNATURE)), // spaces in the MAC
        (361, JWS_INVALID, Some(SIGNATURE)), // character inserted
        (362, JWS_INVALID, Some(SIGNATURE)), // character inserted
        (363, JWS_INVALID, Some(SIGNATURE)), // '0' replaced
        (364, JWS_INVALID, Some(SIGNATURE)), // invalid characters
        (365, JWS_INVALID, Some(HEADER)),    // spaces in the header
        (366, JWS_INVALID, Some(HEADER)),    // invalid characters
        (368, JWS_INVALID, Some(PAYLOAD)),   // spaces in the payload
        (369, JWS_INVALID, Some(PAYLOAD)),   // invalid characters
        (371, JWS_INVALID, Some(PAYLOAD)),   // invalid character
        (374, JWS_INVALID, Some(PAYLOAD)),   // modified unused bits
        (375, JWS_INVALID, Some(PAYLOAD)),   // MAC of a non-canonical encoding
        (372, JWS_INVALID, Some(HEADER)),    // '?', labelled valid upstream
        (373, JWS_INVALID, Some(PAYLOAD)),   // '?', labelled valid upstream
    ];
    let vectors = load("json_web_signature_test.json");
    let cases = jws_cases(&vectors);
    let invalid: BTreeSet<u64> = cases
        .iter()
        .filter(|case| is_oct(case.group) && !case.valid && ![367, 370].contains(&case.id))
        .map(|case| case.id)
        .collect();
    let listed: BTreeSet<u64> = expected.iter().map(|(id, ..)| *id).collect();
    assert_eq!(
        listed,
        invalid.iter().copied().chain([372, 373]).collect(),
        "every invalid oct case is listed"
    );
    for (id, expected_code, expected_reason) in expected {
        let case = cases.iter().find(|case| case.id == id).expect("listed");
        let key = oct_key(case.group).expect("a 32-byte key");
        let error = verify_jws(case.jws, &key, &Validation::new(0)).expect_err("invalid");
        assert_eq!(error.code(), expected_code, "tc {id}");
        assert_eq!(error.reason(), expected_reason, "tc {id}");
    }
}

/// A JWS always carries the full tag, so every truncated-tag case of the raw
/// HMAC files must fail at the JWS level too: the case's key signs a compact
/// JWS whose payload is the case's message (`{}` for the empty message, since
/// a compact JWS here needs a payload), and the full tag cut to the case's
/// `tagSize` must be refused by `verify_jws`, while the full tag verifies.
#[test]
fn truncated_tags_are_rejected_by_jws_verify() {
    let mut checked = 0;
    for (file, algorithm) in [
        ("hmac_sha256_test.json", Algorithm::Hs256),
        ("hmac_sha384_test.json", Algorithm::Hs384),
        ("hmac_sha512_test.json", Algorithm::Hs512),
    ] {
        let vectors = load(file);
        let full_len = algorithm.signature_len();
        let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{}"}}"#, algorithm.name()));
        for group in array(&vectors, "testGroups") {
            let tag_bytes = usize::try_from(number(group, "tagSize")).expect("small") / 8;
            if tag_bytes >= full_len {
                continue;
            }
            for case in array(group, "tests") {
                let key_bytes = hex(text(case, "key"));
                let Ok(key) = HmacKey::new(algorithm, &key_bytes) else {
                    continue; // a short key: refused, checked by the raw tests
                };
                let msg = hex(text(case, "msg"));
                let payload = if msg.is_empty() { b"{}".to_vec() } else { msg };
                let signing_input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(&payload));
                let tag = jwt_edge::SigningKey::sign(&key, signing_input.as_bytes());
                let jws = |tag: &[u8]| format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(tag));
                let validation = Validation::new(0);
                assert_eq!(code(verify_jws(&jws(&tag), &key, &validation)), Ok(()));
                assert_eq!(
                    code(verify_jws(&jws(&tag[..tag_bytes]), &key, &validation)),
                    Err(SIGNATURE_FAILED),
                    "{file} tc {}: a {tag_bytes}-byte tag",
                    number(case, "tcId")
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "truncated-tag cases checked: {checked}");
}
