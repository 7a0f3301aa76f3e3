//! One test (or a few) per strict rule of the library, a module per rule.
//!
//! Every token here carries a VALID HMAC-SHA256 signature over exactly the text
//! it contains, so the only thing wrong with it is the rule under test: if the
//! library dropped that rule, the token would verify and the test would fail.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod algorithm;
mod claims_after_signature;
mod compact_form;
mod expected_claims;
mod extensions;
mod header_members;
mod json_objects;
mod length_cap;
mod numeric_dates;
mod signature;

use common::codes::{CLAIM_FAILED, JWS_INVALID};
use common::{code, unb64, EXP, NOW};
use jwt_edge::{decode_unverified, verify, Algorithm, Error, HmacKey, Validation};

const OTHER_SECRET: &[u8] = b"strict-rules: somebody else's secret!";
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;
const ISSUER: &str = "https://auth.example.com";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The key every token here is signed with: HS256.
fn key() -> HmacKey {
    common::key(Algorithm::Hs256)
}

fn other_key() -> HmacKey {
    HmacKey::new(Algorithm::Hs256, OTHER_SECRET).expect("a valid HS256 key")
}

/// `header_segment "." payload_segment "." signature`, the two segments taken
/// verbatim (whatever they contain) and signed with [`key`].
fn sign_segments(header_segment: &str, payload_segment: &str) -> String {
    common::sign_segments(&key(), header_segment, payload_segment)
}

/// A token from raw header and payload bytes (hand-written JSON or not),
/// validly signed with [`key`].
fn raw(header: impl AsRef<[u8]>, payload: impl AsRef<[u8]>) -> String {
    common::signed(&key(), header, payload)
}

/// A token with [`HEADER`] and `payload_json`.
fn with_payload(payload_json: &str) -> String {
    raw(HEADER, payload_json)
}

/// A token with `header_json` and a payload that is fine (`exp` in the future).
fn with_header(header_json: &str) -> String {
    raw(header_json, format!(r#"{{"exp":{EXP}}}"#))
}

fn parts(token: &str) -> [&str; 3] {
    let mut segments = token.split('.');
    let parts = [
        segments.next().expect("header"),
        segments.next().expect("payload"),
        segments.next().expect("signature"),
    ];
    assert!(segments.next().is_none(), "three segments");
    parts
}

/// `token` with its signature segment replaced.
fn with_signature(token: &str, signature_segment: &str) -> String {
    let [header, payload, _] = parts(token);
    format!("{header}.{payload}.{signature_segment}")
}

/// `token` with one bit of its (decoded) signature flipped.
fn flip_signature_bit(token: &str, bit: usize) -> String {
    let mut tag = unb64(parts(token)[2]);
    tag[bit / 8] ^= 1 << (bit % 8);
    with_signature(token, &common::b64(&tag))
}

fn validation() -> Validation {
    Validation::new(NOW)
}

/// The default rules without the default required `exp`.
fn lax() -> Validation {
    Validation::new(NOW).required_claims(Vec::<String>::new())
}

fn verify_with(token: &str, validation: &Validation) -> Result<(), &'static str> {
    code(verify(token, &key(), validation))
}

/// The error `verify` gives under the default rules.
fn error_of(token: &str, validation: &Validation) -> Error {
    verify(token, &key(), validation).expect_err("the token must be refused")
}

fn assert_verifies(token: &str, validation: &Validation) {
    assert_eq!(verify_with(token, validation), Ok(()), "{token}");
}

/// Asserts a claim failure: code, claim name and reason.
fn assert_claim_failure(token: &str, validation: &Validation, claim: &str, reason: &str) {
    let error = error_of(token, validation);
    assert_eq!(error.code(), CLAIM_FAILED, "{token}");
    assert_eq!(error.claim(), Some(claim), "{token}");
    assert_eq!(error.reason(), Some(reason), "{token}");
}

/// Asserts `ERR_JWS_INVALID` from both `verify` and `decode_unverified`.
fn assert_malformed(token: &str, what: &str) {
    assert_eq!(
        verify_with(token, &validation()),
        Err(JWS_INVALID),
        "{what}: {token:?}"
    );
    assert_eq!(
        code(decode_unverified(token)),
        Err(JWS_INVALID),
        "{what} (unverified): {token:?}"
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment {
    Header,
    Payload,
    Signature,
}

const SEGMENTS: [Segment; 3] = [Segment::Header, Segment::Payload, Segment::Signature];

fn segment(token: &str, which: Segment) -> &str {
    let [header, payload, signature] = parts(token);
    match which {
        Segment::Header => header,
        Segment::Payload => payload,
        Segment::Signature => signature,
    }
}

/// A valid token whose `which` segment satisfies `wanted`. The header and
/// payload carry a filler (`???>>>` encodes to `Pz8_Pj4-` when aligned) at a
/// varying offset, and a counter that changes the signature.
fn valid_token_where(which: Segment, wanted: impl Fn(&str) -> bool) -> String {
    for n in 0..3000 {
        let pad = "a".repeat(n % 3);
        let header = format!(r#"{{"alg":"HS256","kid":"{pad}???>>>"}}"#);
        let payload = format!(r#"{{"exp":{EXP},"x":"{pad}???>>>","n":{n}}}"#);
        let token = raw(&header, &payload);
        if wanted(segment(&token, which)) {
            assert_verifies(&token, &validation());
            return token;
        }
    }
    panic!("no candidate token has a {which:?} segment as wanted");
}

/// `token` with `mutate` applied to its `which` segment. A mutated header or
/// payload is re-signed, so the signature stays valid over the new text.
fn mutate_segment(token: &str, which: Segment, mutate: impl Fn(&str) -> String) -> String {
    let [header, payload, signature] = parts(token);
    match which {
        Segment::Header => sign_segments(&mutate(header), payload),
        Segment::Payload => sign_segments(header, &mutate(payload)),
        Segment::Signature => format!("{header}.{payload}.{}", mutate(signature)),
    }
}

/// `text` with `insert` placed in its middle.
fn insert_middle(text: &str, insert: &str) -> String {
    let middle = text.len() / 2;
    format!("{}{insert}{}", &text[..middle], &text[middle..])
}
