//! One test (or a few) per strict rule of the library.
//!
//! Every token here carries a VALID HMAC-SHA256 signature over exactly the text
//! it contains, so the only thing wrong with it is the rule under test: if the
//! library dropped that rule, the token would verify and the test would fail.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jwt_edge::json::{Object, Value, MAX_DEPTH};
use jwt_edge::{
    decode_unverified, sign, verify, verify_jws, verify_token, Algorithm, Audience, Claims, Error,
    HeaderOptions, HmacKey, NumericDate, SigningKey, Validation, DEFAULT_MAX_TOKEN_LENGTH,
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const SECRET: &[u8] = b"strict-rules: a 32+ byte HS256 secret";
const OTHER_SECRET: &[u8] = b"strict-rules: somebody else's secret!";
const NOW: u64 = 1_700_000_000;
const EXP: u64 = NOW + 600;
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;
const ISSUER: &str = "https://auth.example.com";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const JWS_INVALID: &str = "ERR_JWS_INVALID";
const JWT_INVALID: &str = "ERR_JWT_INVALID";
const ALG_NOT_ALLOWED: &str = "ERR_JOSE_ALG_NOT_ALLOWED";
const NOT_SUPPORTED: &str = "ERR_JOSE_NOT_SUPPORTED";
const SIGNATURE_FAILED: &str = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
const EXPIRED: &str = "ERR_JWT_EXPIRED";
const CLAIM_FAILED: &str = "ERR_JWT_CLAIM_VALIDATION_FAILED";

fn key() -> HmacKey {
    HmacKey::new(Algorithm::Hs256, SECRET).expect("a valid HS256 key")
}

fn other_key() -> HmacKey {
    HmacKey::new(Algorithm::Hs256, OTHER_SECRET).expect("a valid HS256 key")
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(segment: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(segment)
        .expect("canonical base64url")
}

/// `header_segment "." payload_segment "." signature`, the two segments taken
/// verbatim (whatever they contain) and signed with `key`.
fn sign_segments_with(key: &HmacKey, header_segment: &str, payload_segment: &str) -> String {
    let signing_input = format!("{header_segment}.{payload_segment}");
    let tag = SigningKey::sign(key, signing_input.as_bytes());
    format!("{signing_input}.{}", b64(&tag))
}

fn sign_segments(header_segment: &str, payload_segment: &str) -> String {
    sign_segments_with(&key(), header_segment, payload_segment)
}

/// A token from raw header and payload bytes, validly signed with [`key`].
fn raw_bytes(header: &[u8], payload: &[u8]) -> String {
    sign_segments(&b64(header), &b64(payload))
}

/// A token from hand-written header and payload JSON, validly signed with [`key`].
fn raw(header_json: &str, payload_json: &str) -> String {
    raw_bytes(header_json.as_bytes(), payload_json.as_bytes())
}

/// A token with [`HEADER`] and `payload_json`.
fn with_payload(payload_json: &str) -> String {
    raw(HEADER, payload_json)
}

/// A token with `header_json` and a payload that is fine (`exp` in the future).
fn with_header(header_json: &str) -> String {
    raw(header_json, &format!(r#"{{"exp":{EXP}}}"#))
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
    with_signature(token, &b64(&tag))
}

fn validation() -> Validation {
    Validation::new(NOW)
}

/// The default rules without the default required `exp`.
fn lax() -> Validation {
    Validation::new(NOW).required_claims(Vec::<String>::new())
}

fn code<T>(result: Result<T, Error>) -> Result<(), &'static str> {
    result.map(|_| ()).map_err(|error| error.code())
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

// ---------------------------------------------------------------------------
// Rule 1: compact form only, canonical base64url
// ---------------------------------------------------------------------------

#[test]
fn rule_1_compact_form_only_three_nonempty_segments() {
    let token = with_payload(&format!(r#"{{"exp":{EXP}}}"#));
    assert_verifies(&token, &validation());
    let [header, payload, signature] = parts(&token);

    // Fewer or more than three segments. The reason is checked too: with more
    // than three, the extra dots would otherwise only be caught later, as bad
    // base64url in the signature.
    for (what, bad) in [
        ("empty string", String::new()),
        ("one dot", ".".into()),
        ("three dots", "...".into()),
        ("one segment", header.into()),
        ("two segments", format!("{header}.{payload}")),
        ("four segments, empty", format!("{token}.")),
        ("four segments", format!("{token}.{signature}")),
        ("six segments", format!("{token}.{token}")),
        (
            "JSON serialization",
            format!(
                r#"{{"payload":"{payload}","protected":"{header}","signature":"{signature}"}}"#
            ),
        ),
    ] {
        assert_malformed(&bad, what);
        assert_eq!(
            error_of(&bad, &validation()).reason(),
            Some("a compact JWS has exactly three segments"),
            "{what}"
        );
    }

    // Empty header or payload, signed over exactly what they contain.
    for (what, bad) in [
        ("two dots", "..".into()),
        ("empty header", sign_segments("", payload)),
        ("empty payload", sign_segments(header, "")),
        ("empty header and payload", sign_segments("", "")),
    ] {
        assert_malformed(&bad, what);
    }

    // An empty signature segment is well-formed but never a valid signature.
    let unsigned = format!("{header}.{payload}.");
    assert_eq!(verify_with(&unsigned, &validation()), Err(SIGNATURE_FAILED));
}

#[test]
fn rule_1_base64url_only_no_plus_or_slash_in_any_segment() {
    for which in SEGMENTS {
        for (url_safe, standard) in [('-', '+'), ('_', '/')] {
            let token = valid_token_where(which, |s| s.contains(url_safe));
            let bad = mutate_segment(&token, which, |s| {
                s.replace(url_safe, &standard.to_string())
            });
            assert_malformed(&bad, &format!("{standard:?} in the {which:?}"));
        }
    }
}

#[test]
fn rule_1_no_padding_in_any_segment() {
    for which in SEGMENTS {
        let token = valid_token_where(which, |s| s.len() % 4 != 0);
        // The padding a standard encoder would write, then one stray '='.
        let bad = mutate_segment(&token, which, |s| {
            format!("{s}{}", "=".repeat(4 - s.len() % 4))
        });
        assert_malformed(&bad, &format!("padding on the {which:?}"));
        let bad = mutate_segment(&token, which, |s| format!("{s}="));
        assert_malformed(&bad, &format!("one '=' on the {which:?}"));
        let bad = mutate_segment(&token, which, |s| insert_middle(s, "=="));
        assert_malformed(&bad, &format!("'==' inside the {which:?}"));
    }
}

#[test]
fn rule_1_no_whitespace_in_any_segment() {
    for which in SEGMENTS {
        let token = valid_token_where(which, |_| true);
        for space in [" ", "\t", "\n", "\r", "\r\n", "\u{a0}", "\u{2028}"] {
            for (place, bad) in [
                (
                    "inside",
                    mutate_segment(&token, which, |s| insert_middle(s, space)),
                ),
                (
                    "before",
                    mutate_segment(&token, which, |s| format!("{space}{s}")),
                ),
                (
                    "after",
                    mutate_segment(&token, which, |s| format!("{s}{space}")),
                ),
            ] {
                assert_malformed(&bad, &format!("{space:?} {place} the {which:?}"));
            }
        }
    }
}

#[test]
fn rule_1_no_non_canonical_trailing_bits_in_any_segment() {
    for which in SEGMENTS {
        // Only encodings of a length that is not a multiple of 4 have unused
        // bits in their last character; its lowest bit is always one of them.
        let token = valid_token_where(which, |s| s.len() % 4 != 0);
        let bad = mutate_segment(&token, which, |s| {
            let (head, last) = s.split_at(s.len() - 1);
            let index = ALPHABET
                .iter()
                .position(|&c| c == last.as_bytes()[0])
                .expect("base64url character");
            format!("{head}{}", char::from(ALPHABET[index ^ 1]))
        });
        // Both spellings decode to the same bytes with a lenient decoder.
        let lenient = base64::engine::GeneralPurpose::new(
            &base64::alphabet::URL_SAFE,
            base64::engine::GeneralPurposeConfig::new()
                .with_encode_padding(false)
                .with_decode_allow_trailing_bits(true)
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireNone),
        );
        assert_eq!(
            lenient.decode(segment(&bad, which)).expect("lenient"),
            unb64(segment(&token, which))
        );
        assert_malformed(&bad, &format!("trailing bits of the {which:?}"));
    }
}

#[test]
fn rule_1_other_characters_and_impossible_lengths_are_malformed() {
    for which in SEGMENTS {
        let token = valid_token_where(which, |_| true);
        for odd in [
            "?", "#", "!", "*", "%", "~", "$", "\0", "\u{e9}", "\u{ff0d}", "\\",
        ] {
            let bad = mutate_segment(&token, which, |s| insert_middle(s, odd));
            assert_malformed(&bad, &format!("{odd:?} in the {which:?}"));
        }
        // A base64 length of 4n + 1 encodes no whole number of bytes.
        let bad = mutate_segment(&token, which, |s| {
            let mut s = s.to_string();
            while s.len() % 4 != 1 {
                s.push('A');
            }
            s
        });
        assert_malformed(&bad, &format!("impossible length of the {which:?}"));
    }
}

// ---------------------------------------------------------------------------
// Rule 2: a length cap applied before anything else
// ---------------------------------------------------------------------------

/// A validly signed token of exactly `length` bytes.
fn token_of_length(length: usize) -> String {
    let encoded_len = |bytes: usize| (4 * bytes).div_ceil(3);
    let signature_len = encoded_len(32);
    let payload_base = format!(r#"{{"exp":{EXP},"x":""}}"#).len();
    for pad in 0..3 {
        let header = format!(r#"{{"alg":"HS256"{}}}"#, " ".repeat(pad));
        for filler in 0..length {
            let total =
                encoded_len(header.len()) + encoded_len(payload_base + filler) + signature_len + 2;
            if total == length {
                let payload = format!(r#"{{"exp":{EXP},"x":"{}"}}"#, "a".repeat(filler));
                let token = raw(&header, &payload);
                assert_eq!(token.len(), length);
                return token;
            }
            if total > length {
                break;
            }
        }
    }
    panic!("no token of length {length}");
}

#[test]
fn rule_2_oversized_input_is_refused_before_it_is_split_or_decoded() {
    let garbage: String = "\u{1}!%\u{e9}=+/ ".chars().cycle().take(1 << 20).collect();
    let dots = ".".repeat(100_000);
    for (what, input) in [("1 MB of garbage", garbage), ("100,000 dots", dots)] {
        for error in [
            error_of(&input, &validation()),
            decode_unverified(&input).expect_err("refused"),
        ] {
            assert_eq!(error.code(), JWS_INVALID, "{what}");
            assert_eq!(
                error.reason(),
                Some("token is longer than the configured maximum"),
                "{what}: refused by the cap, not by a later check"
            );
        }
    }
}

#[test]
fn rule_2_default_cap_is_16_kib() {
    assert_eq!(DEFAULT_MAX_TOKEN_LENGTH, 16 * 1024);
    let at_cap = token_of_length(DEFAULT_MAX_TOKEN_LENGTH);
    assert_verifies(&at_cap, &validation());
    assert!(decode_unverified(&at_cap).is_ok());

    let over = token_of_length(DEFAULT_MAX_TOKEN_LENGTH + 1);
    assert_eq!(verify_with(&over, &validation()), Err(JWS_INVALID));
    assert_eq!(code(decode_unverified(&over)), Err(JWS_INVALID));
    assert_eq!(
        code(verify_jws(&over, &key(), &validation())),
        Err(JWS_INVALID)
    );
    // The same token is fine once the cap allows it: only its length was wrong.
    assert_verifies(
        &over,
        &validation().max_token_length(DEFAULT_MAX_TOKEN_LENGTH + 1),
    );
}

#[test]
fn rule_2_custom_cap_is_exact() {
    let token = token_of_length(1000);
    // Just under the cap, and at it: accepted.
    assert_verifies(&token, &validation().max_token_length(1001));
    assert_verifies(&token, &validation().max_token_length(1000));
    // One byte over: refused.
    let capped = validation().max_token_length(999);
    assert_eq!(verify_with(&token, &capped), Err(JWS_INVALID));
    assert_eq!(code(verify_jws(&token, &key(), &capped)), Err(JWS_INVALID));
}

// ---------------------------------------------------------------------------
// Rule 3: header and payload are UTF-8 JSON objects, no duplicates, bounded
// ---------------------------------------------------------------------------

#[test]
fn rule_3_header_must_be_a_json_object() {
    for header in [
        "[]",
        r#"["HS256"]"#,
        r#""HS256""#,
        "null",
        "1",
        "true",
        "alg=HS256",
        r#"{"alg":"HS256"} {}"#,
        r#"{"alg":"HS256",}"#,
        r"{'alg':'HS256'}",
        "",
        " ",
    ] {
        assert_malformed(&with_header(header), header);
    }
}

#[test]
fn rule_3_duplicate_header_members_are_refused() {
    for header in [
        r#"{"alg":"HS256","alg":"HS256"}"#,
        // A last-wins parser would read HS256, a first-wins one none:
        r#"{"alg":"none","alg":"HS256"}"#,
        r#"{"alg":"HS256","alg":"none"}"#,
        // The same name, escaped.
        r#"{"alg":"HS256","\u0061lg":"HS256"}"#,
        r#"{"alg":"HS256","typ":"JWT","typ":"at+jwt"}"#,
        r#"{"alg":"HS256","kid":"a","kid":"b"}"#,
        r#"{"alg":"HS256","jwk":{"k":"a","k":"b"}}"#,
    ] {
        assert_malformed(&with_header(header), header);
    }
}

#[test]
fn rule_3_duplicate_payload_members_are_refused() {
    for payload in [
        format!(r#"{{"exp":{EXP},"exp":{EXP}}}"#),
        format!(r#"{{"exp":{NOW},"exp":{EXP}}}"#),
        format!(r#"{{"exp":{EXP},"sub":"alice","sub":"admin"}}"#),
        format!(r#"{{"exp":{EXP},"sub":"alice","\u0073ub":"admin"}}"#),
        format!(r#"{{"exp":{EXP},"role":"user","role":"admin"}}"#),
        format!(r#"{{"exp":{EXP},"nested":{{"a":1,"a":2}}}}"#),
    ] {
        let token = with_payload(&payload);
        assert_eq!(
            verify_with(&token, &validation()),
            Err(JWT_INVALID),
            "{payload}"
        );
        assert_eq!(
            code(decode_unverified(&token)),
            Err(JWT_INVALID),
            "{payload}"
        );
    }
}

#[test]
fn rule_3_nesting_is_bounded() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // Fully closed, so an unbounded parser would accept them: the length cap is
    // raised to let them through to the parser.
    let roomy = validation().max_token_length(1 << 20);

    let payload = format!(r#"{{"exp":{EXP},"a":{}}}"#, deep(10_000));
    assert_eq!(
        verify_with(&with_payload(&payload), &roomy),
        Err(JWT_INVALID)
    );
    let objects = format!(
        r#"{{"exp":{EXP},"a":{}1{}}}"#,
        r#"{"a":"#.repeat(10_000),
        "}".repeat(10_000)
    );
    assert_eq!(
        verify_with(&with_payload(&objects), &roomy),
        Err(JWT_INVALID)
    );

    let header = format!(r#"{{"alg":"HS256","x":{}}}"#, deep(10_000));
    assert_eq!(verify_with(&with_header(&header), &roomy), Err(JWS_INVALID));

    // Ordinary nesting is fine.
    let payload = format!(r#"{{"exp":{EXP},"a":{}}}"#, deep(MAX_DEPTH - 1));
    assert_verifies(&with_payload(&payload), &roomy);
}

#[test]
fn rule_3_payload_must_be_a_json_object() {
    // With no claim required, an empty claims set would verify: only the
    // payload's shape can refuse these.
    for payload in [
        "[]",
        "1",
        r#""""#,
        "null",
        "true",
        r#"["exp"]"#,
        " ",
        "{} {}",
        "{",
        "foo",
    ] {
        let token = with_payload(payload);
        assert_eq!(verify_with(&token, &lax()), Err(JWT_INVALID), "{payload:?}");
        assert_eq!(
            code(decode_unverified(&token)),
            Err(JWT_INVALID),
            "{payload:?}"
        );
    }
    assert_verifies(&with_payload("{}"), &lax());
}

#[test]
fn rule_3_header_and_payload_must_be_utf8() {
    let invalid: [&[u8]; 5] = [
        b"\xff",         // never valid
        b"\xc0\xaf",     // overlong '/'
        b"\xe0\x80\xaf", // overlong '/', three bytes
        b"\xed\xa0\x80", // an encoded surrogate (CESU-8)
        b"\xe2\x82",     // truncated sequence
    ];
    for bytes in invalid {
        let payload = [
            format!(r#"{{"exp":{EXP},"name":""#).as_bytes(),
            bytes,
            br#""}"#,
        ]
        .concat();
        let token = raw_bytes(HEADER.as_bytes(), &payload);
        assert_eq!(
            verify_with(&token, &validation()),
            Err(JWT_INVALID),
            "{bytes:?}"
        );
        // As a JWS, the payload is just bytes: the signature is fine.
        let jws = verify_jws(&token, &key(), &validation()).expect("a valid JWS");
        assert_eq!(jws.payload, payload);

        let header = [br#"{"alg":"HS256","kid":""#, bytes, br#""}"#].concat();
        let token = raw_bytes(&header, format!(r#"{{"exp":{EXP}}}"#).as_bytes());
        assert_malformed(&token, &format!("{bytes:?} in the header"));
    }
    // A lone surrogate written as an escape is refused too.
    let token = with_payload(&format!(r#"{{"exp":{EXP},"name":"\ud800"}}"#));
    assert_eq!(verify_with(&token, &validation()), Err(JWT_INVALID));
    assert_malformed(
        &with_header(r#"{"alg":"HS256","kid":"\udc00"}"#),
        "lone surrogate",
    );
}

// ---------------------------------------------------------------------------
// Rule 4: `alg` is checked against the caller's key
// ---------------------------------------------------------------------------

#[test]
fn rule_4_alg_must_be_present_and_a_string() {
    for header in [
        "{}",
        r#"{"typ":"JWT"}"#,
        r#"{"ALG":"HS256"}"#,
        r#"{"alg":null}"#,
        r#"{"alg":256}"#,
        r#"{"alg":true}"#,
        r#"{"alg":["HS256"]}"#,
        r#"{"alg":{"name":"HS256"}}"#,
    ] {
        assert_malformed(&with_header(header), header);
    }
}

#[test]
fn rule_4_none_in_any_spelling_is_not_allowed() {
    for none in ["none", "None", "NONE", "nOnE"] {
        let header = format!(r#"{{"alg":"{none}","typ":"JWT"}}"#);
        // Validly signed with the key, and unsigned: both refused on `alg`.
        let signed = with_header(&header);
        let unsigned = with_signature(&signed, "");
        for token in [signed, unsigned] {
            assert_eq!(
                verify_with(&token, &validation()),
                Err(ALG_NOT_ALLOWED),
                "{none}"
            );
            assert_eq!(
                code(verify_jws(&token, &key(), &validation())),
                Err(ALG_NOT_ALLOWED),
                "{none}"
            );
        }
    }
}

#[test]
fn rule_4_unknown_and_asymmetric_algorithms_are_not_allowed() {
    for alg in [
        "RS256",
        "ES256",
        "PS256",
        "EdDSA",
        "ES256K",
        "HS257",
        "hs256",
        "Hs256",
        "HS256 ",
        " HS256",
        "HS256\\u0000",
        "",
        "HMAC",
        "A256GCMKW",
        "dir",
    ] {
        let token = with_header(&format!(r#"{{"alg":"{alg}"}}"#));
        assert_eq!(
            verify_with(&token, &validation()),
            Err(ALG_NOT_ALLOWED),
            "{alg:?}"
        );
    }
}

#[test]
fn rule_4_the_key_fixes_the_algorithm() {
    let secret = [0x42; 64];
    let hs256 = HmacKey::new(Algorithm::Hs256, &secret).expect("valid");
    for algorithm in [Algorithm::Hs384, Algorithm::Hs512] {
        let signer = HmacKey::new(algorithm, &secret).expect("valid");
        let mut claims = Claims::new();
        claims.expires_at = NumericDate::from_secs(EXP);
        let token = sign(&claims, &signer, &HeaderOptions::new());
        assert!(verify(&token, &signer, &validation()).is_ok());
        assert_eq!(
            code(verify(&token, &hs256, &validation())),
            Err(ALG_NOT_ALLOWED),
            "{algorithm} token, HS256 key"
        );
    }
    // And the other way round: an HS256 token is not checked with an HS512 key.
    let hs512 = HmacKey::new(Algorithm::Hs512, &secret).expect("valid");
    let mut claims = Claims::new();
    claims.expires_at = NumericDate::from_secs(EXP);
    let token = sign(&claims, &hs256, &HeaderOptions::new());
    assert_eq!(
        code(verify(&token, &hs512, &validation())),
        Err(ALG_NOT_ALLOWED)
    );
}

#[test]
fn rule_4_validation_algorithms_narrow_what_the_key_accepts() {
    let token = with_header(HEADER);
    assert_verifies(&token, &validation());
    assert_verifies(
        &token,
        &validation().algorithms(&[Algorithm::Hs256, Algorithm::Hs384]),
    );
    for narrowed in [
        validation().algorithms(&[Algorithm::Hs384]),
        validation().algorithms(&[Algorithm::Hs512, Algorithm::Hs384]),
    ] {
        assert_eq!(verify_with(&token, &narrowed), Err(ALG_NOT_ALLOWED));
        assert_eq!(
            code(verify_jws(&token, &key(), &narrowed)),
            Err(ALG_NOT_ALLOWED)
        );
    }
}

// ---------------------------------------------------------------------------
// Rule 5: no extensions; embedded keys are never used
// ---------------------------------------------------------------------------

#[test]
fn rule_5_crit_is_not_supported() {
    for crit in [
        r#"["exp"]"#,
        r#"["x-unknown"]"#,
        r#"["b64"]"#,
        r#"["exp","iss"]"#,
    ] {
        let header = format!(r#"{{"alg":"HS256","crit":{crit},"exp":{EXP},"x-unknown":1}}"#);
        let token = with_header(&header);
        assert_eq!(
            verify_with(&token, &validation()),
            Err(NOT_SUPPORTED),
            "{crit}"
        );
        assert_eq!(
            code(decode_unverified(&token)),
            Err(NOT_SUPPORTED),
            "{crit}"
        );
    }
}

#[test]
fn rule_5_malformed_crit_is_invalid() {
    for crit in ["[]", r#""exp""#, "[1]", "null", "{}", r#"["exp",1]"#] {
        let header = format!(r#"{{"alg":"HS256","crit":{crit}}}"#);
        assert_malformed(&with_header(&header), crit);
    }
}

#[test]
fn rule_5_unencoded_payloads_are_not_supported() {
    let token = with_header(r#"{"alg":"HS256","b64":false}"#);
    assert_eq!(verify_with(&token, &validation()), Err(NOT_SUPPORTED));
    let token = with_header(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    assert_eq!(verify_with(&token, &validation()), Err(NOT_SUPPORTED));
    assert_malformed(
        &with_header(r#"{"alg":"HS256","b64":"false"}"#),
        "b64 string",
    );
    assert_verifies(&with_header(r#"{"alg":"HS256","b64":true}"#), &validation());
}

#[test]
fn rule_5_embedded_keys_and_key_urls_are_ignored() {
    let attacker_k = b64(OTHER_SECRET);
    let header = format!(
        concat!(
            r#"{{"alg":"HS256","jwk":{{"kty":"oct","alg":"HS256","k":"{}"}},"#,
            r#""jku":"https://attacker.example/jwks.json","#,
            r#""x5u":"https://attacker.example/cert.pem","#,
            r#""x5c":["MIIBattackerCertificate"]}}"#
        ),
        attacker_k
    );
    let payload = format!(r#"{{"exp":{EXP}}}"#);
    let (header_segment, payload_segment) = (b64(header.as_bytes()), b64(payload.as_bytes()));

    // Signed with the real key: verifies with it, and only with it.
    let genuine = sign_segments(&header_segment, &payload_segment);
    assert_verifies(&genuine, &validation());
    assert_eq!(
        code(verify(&genuine, &other_key(), &validation())),
        Err(SIGNATURE_FAILED)
    );
    // Signed with the key the header embeds: refused by the real key.
    let forged = sign_segments_with(&other_key(), &header_segment, &payload_segment);
    assert_eq!(verify_with(&forged, &validation()), Err(SIGNATURE_FAILED));
    // The members are kept as data.
    let verified = verify_token(&genuine, &key(), &validation()).expect("valid");
    assert!(verified.header.members().get("jwk").is_some());
}

// ---------------------------------------------------------------------------
// Rule 6: the signature is exact, and its failure says nothing more
// ---------------------------------------------------------------------------

fn signed_token() -> String {
    with_payload(&format!(r#"{{"exp":{EXP},"sub":"alice"}}"#))
}

#[test]
fn rule_6_signature_must_have_the_exact_length() {
    let token = signed_token();
    assert_verifies(&token, &validation());
    let tag = unb64(parts(&token)[2]);
    assert_eq!(tag.len(), 32);
    let mut long = tag.clone();
    long.push(0);
    for (what, signature) in [
        ("31 bytes", b64(&tag[..31])),
        ("16 bytes", b64(&tag[..16])),
        ("1 byte", b64(&tag[..1])),
        ("33 bytes", b64(&long)),
        ("64 bytes", b64(&[&tag[..], &tag[..]].concat())),
        ("empty", String::new()),
    ] {
        let bad = with_signature(&token, &signature);
        assert_eq!(
            verify_with(&bad, &validation()),
            Err(SIGNATURE_FAILED),
            "{what}"
        );
    }
}

#[test]
fn rule_6_every_flipped_bit_fails() {
    let token = signed_token();
    for bit in 0..256 {
        let bad = flip_signature_bit(&token, bit);
        assert_eq!(
            verify_with(&bad, &validation()),
            Err(SIGNATURE_FAILED),
            "bit {bit}"
        );
    }
}

#[test]
fn rule_6_signature_errors_carry_no_detail() {
    let token = signed_token();
    let tag = unb64(parts(&token)[2]);
    let failures = [
        error_of(&flip_signature_bit(&token, 0), &validation()),
        error_of(&flip_signature_bit(&token, 255), &validation()),
        error_of(&with_signature(&token, &b64(&tag[..31])), &validation()),
        error_of(&with_signature(&token, ""), &validation()),
        verify(&token, &other_key(), &validation()).expect_err("wrong key"),
    ];
    for error in failures {
        // A unit variant: there is no field to put a detail in.
        let Error::SignatureInvalid = error else {
            panic!("expected SignatureInvalid, got {error:?}");
        };
        assert_eq!(error, Error::SignatureInvalid);
        assert_eq!(error.reason(), None);
        assert_eq!(error.claim(), None);
        assert_eq!(error.message(), "signature verification failed");
        assert_eq!(error.code(), SIGNATURE_FAILED);
    }
}

// ---------------------------------------------------------------------------
// Rule 7: numeric dates and time checks
// ---------------------------------------------------------------------------

#[test]
fn rule_7_exp_nbf_iat_must_be_json_numbers() {
    let not_numbers = [
        format!(r#""{EXP}""#),
        r#""99999999999""#.into(),
        r#""""#.into(),
        "true".into(),
        "false".into(),
        "null".into(),
        "{}".into(),
        format!("[{EXP}]"),
        "1e400".into(),
        "-1e400".into(),
        "-1".into(),
        "-0.5".into(),
        format!("-{EXP}"),
        "9007199254740993".into(),
        "18446744073709551616".into(),
        "1e16".into(),
        "9007199254740992.5".into(),
    ];
    for claim in ["exp", "nbf", "iat"] {
        for value in &not_numbers {
            let payload = if claim == "exp" {
                format!(r#"{{"exp":{value}}}"#)
            } else {
                format!(r#"{{"exp":{EXP},"{claim}":{value}}}"#)
            };
            let token = with_payload(&payload);
            assert_eq!(
                verify_with(&token, &validation()),
                Err(JWT_INVALID),
                "{payload}"
            );
            assert_eq!(verify_with(&token, &lax()), Err(JWT_INVALID), "{payload}");
        }
    }
    // The largest NumericDate, 2^53, is a number like any other.
    assert_verifies(&with_payload(r#"{"exp":9007199254740992}"#), &validation());
}

#[test]
fn rule_7_cve_2026_25537_string_nbf_is_refused() {
    // The proof of concept: a string `nbf` that a lenient library skips.
    let token = with_payload(r#"{"nbf":"99999999999","exp":10000000000}"#);
    assert_eq!(verify_with(&token, &validation()), Err(JWT_INVALID));
    assert_eq!(verify_with(&token, &lax()), Err(JWT_INVALID));
    assert_eq!(code(decode_unverified(&token)), Err(JWT_INVALID));
    // With a numeric `nbf` it is a not-yet-valid token, as intended.
    let numeric = with_payload(r#"{"nbf":99999999999,"exp":100000000000}"#);
    assert_claim_failure(&numeric, &validation(), "nbf", "check_failed");
}

#[test]
fn rule_7_fractional_dates_work() {
    let token = with_payload(r#"{"exp":1000.5}"#);
    assert_verifies(&token, &Validation::new(1000));
    assert_eq!(verify_with(&token, &Validation::new(1001)), Err(EXPIRED));

    let token = with_payload(r#"{"nbf":1000.5,"exp":2000}"#);
    assert_claim_failure(&token, &Validation::new(1000), "nbf", "check_failed");
    assert_verifies(&token, &Validation::new(1001));
}

#[test]
fn rule_7_exp_is_exclusive_with_leeway() {
    let token = with_payload(&format!(r#"{{"exp":{EXP}}}"#));
    assert_verifies(&token, &Validation::new(EXP - 1));
    let error = error_of(&token, &Validation::new(EXP));
    assert_eq!(error.code(), EXPIRED, "exp == now is expired");
    assert_eq!(error.claim(), Some("exp"));
    let leeway = |now| Validation::new(now).leeway(10).expect("valid leeway");
    assert_verifies(&token, &leeway(EXP + 9));
    assert_eq!(verify_with(&token, &leeway(EXP + 10)), Err(EXPIRED));
}

#[test]
fn rule_7_nbf_is_inclusive_with_leeway() {
    let nbf = NOW;
    let token = with_payload(&format!(r#"{{"nbf":{nbf},"exp":{EXP}}}"#));
    assert_verifies(&token, &Validation::new(nbf));
    assert_claim_failure(&token, &Validation::new(nbf - 1), "nbf", "check_failed");
    let leeway = |now| Validation::new(now).leeway(10).expect("valid leeway");
    assert_verifies(&token, &leeway(nbf - 10));
    assert_claim_failure(&token, &leeway(nbf - 11), "nbf", "check_failed");
}

#[test]
fn rule_7_iat_must_not_be_in_the_future() {
    let token = with_payload(&format!(r#"{{"iat":{NOW},"exp":{EXP}}}"#));
    assert_verifies(&token, &Validation::new(NOW));
    assert_claim_failure(&token, &Validation::new(NOW - 1), "iat", "check_failed");
    let leeway = |now| Validation::new(now).leeway(10).expect("valid leeway");
    assert_verifies(&token, &leeway(NOW - 10));
    assert_claim_failure(&token, &leeway(NOW - 11), "iat", "check_failed");
}

#[test]
fn rule_7_max_age_is_checked_on_iat() {
    let issued = NOW - 100;
    let token = with_payload(&format!(r#"{{"iat":{issued},"exp":{EXP}}}"#));
    assert_verifies(&token, &validation().max_age(100));
    // Too old is expired, as in jose: ERR_JWT_EXPIRED with claim iat.
    let error = error_of(&token, &validation().max_age(99));
    assert_eq!(
        (error.code(), error.claim(), error.reason()),
        ("ERR_JWT_EXPIRED", Some("iat"), Some("check_failed"))
    );
    let leeway = validation().max_age(95).leeway(5).expect("valid leeway");
    assert_verifies(&token, &leeway);
    // max_age makes iat required.
    let no_iat = with_payload(&format!(r#"{{"exp":{EXP}}}"#));
    assert_claim_failure(&no_iat, &validation().max_age(100), "iat", "missing");
}

#[test]
fn rule_7_leeway_is_capped_at_300_seconds() {
    assert!(Validation::new(NOW).leeway(300).is_ok());
    for leeway in [301, 3600, u64::MAX] {
        let error = Validation::new(NOW)
            .leeway(leeway)
            .expect_err("too much leeway");
        assert_eq!(error.code(), "ERR_INVALID_OPTIONS");
        let Error::InvalidOptions { option, .. } = &error else {
            panic!("expected InvalidOptions, got {error:?}");
        };
        assert_eq!(option, "leeway");
    }
}

// ---------------------------------------------------------------------------
// Rule 8: exact issuer, subject and audience
// ---------------------------------------------------------------------------

fn claims_token(extra: &str) -> String {
    with_payload(&format!(r#"{{"exp":{EXP},{extra}}}"#))
}

#[test]
fn rule_8_issuer_is_compared_exactly() {
    let expecting = validation().issuer(ISSUER);
    assert_verifies(&claims_token(&format!(r#""iss":"{ISSUER}""#)), &expecting);
    for issuer in [
        "https://auth.example",
        "https://auth.example.com/",
        "https://auth.example.com.evil.example",
        "HTTPS://AUTH.EXAMPLE.COM",
        "https://Auth.example.com",
        " https://auth.example.com",
        "",
    ] {
        let token = claims_token(&format!(r#""iss":"{issuer}""#));
        assert_claim_failure(&token, &expecting, "iss", "unexpected");
    }
    assert_claim_failure(&claims_token(r#""sub":"x""#), &expecting, "iss", "missing");
    // `iss` must be a string: an array holding the issuer is malformed.
    let array = claims_token(&format!(r#""iss":["{ISSUER}"]"#));
    assert_eq!(verify_with(&array, &expecting), Err(JWT_INVALID));
    assert_eq!(verify_with(&array, &validation()), Err(JWT_INVALID));
}

#[test]
fn rule_8_several_accepted_issuers() {
    let expecting = validation().issuer(ISSUER).issuer("https://other.example");
    for issuer in [ISSUER, "https://other.example"] {
        assert_verifies(&claims_token(&format!(r#""iss":"{issuer}""#)), &expecting);
    }
    let token = claims_token(r#""iss":"https://third.example""#);
    assert_claim_failure(&token, &expecting, "iss", "unexpected");
}

#[test]
fn rule_8_subject_is_compared_exactly() {
    let expecting = validation().subject("user-1");
    assert_verifies(&claims_token(r#""sub":"user-1""#), &expecting);
    for subject in ["user-", "user-10", "USER-1", "user-1 ", ""] {
        let token = claims_token(&format!(r#""sub":"{subject}""#));
        assert_claim_failure(&token, &expecting, "sub", "unexpected");
    }
    assert_claim_failure(&claims_token(r#""jti":"x""#), &expecting, "sub", "missing");
    let array = claims_token(r#""sub":["user-1"]"#);
    assert_eq!(verify_with(&array, &expecting), Err(JWT_INVALID));
}

#[test]
fn rule_8_audience_is_a_string_or_an_array_containing_it() {
    let expecting = validation().audience("api");
    for aud in [r#""api""#, r#"["api"]"#, r#"["web","api"]"#] {
        assert_verifies(&claims_token(&format!(r#""aud":{aud}"#)), &expecting);
    }
    for aud in [
        "[]",
        r#""api2""#,
        r#""ap""#,
        r#""API""#,
        r#"["web"]"#,
        r#"["apiweb"]"#,
        r#""api,web""#,
    ] {
        let token = claims_token(&format!(r#""aud":{aud}"#));
        assert_claim_failure(&token, &expecting, "aud", "unexpected");
    }
    assert_claim_failure(&claims_token(r#""sub":"x""#), &expecting, "aud", "missing");
    // Several accepted audiences: any one is enough.
    let either = validation().audience("web").audience("api");
    assert_verifies(&claims_token(r#""aud":"api""#), &either);
    // `aud` must be a string or an array of strings.
    for aud in ["1", r#"["api",1]"#, "null", r#"{"api":true}"#] {
        let token = claims_token(&format!(r#""aud":{aud}"#));
        assert_eq!(verify_with(&token, &expecting), Err(JWT_INVALID), "{aud}");
    }
}

// ---------------------------------------------------------------------------
// Rule 9: claims are checked only after the signature
// ---------------------------------------------------------------------------

#[test]
fn rule_9_claims_are_checked_only_after_the_signature() {
    let strict = validation()
        .issuer(ISSUER)
        .subject("user-1")
        .audience("api")
        .typ("at+jwt");
    let good_header = r#"{"alg":"HS256","typ":"at+jwt"}"#;
    let good = format!(r#""iss":"{ISSUER}","sub":"user-1","aud":"api""#);
    let cases = [
        (
            "expired",
            good_header.to_string(),
            format!(r#"{{{good},"exp":{NOW}}}"#),
            EXPIRED,
        ),
        (
            "wrong iss",
            good_header.into(),
            format!(r#"{{"iss":"https://evil.example","sub":"user-1","aud":"api","exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "wrong sub",
            good_header.into(),
            format!(r#"{{"iss":"{ISSUER}","sub":"admin","aud":"api","exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "wrong aud",
            good_header.into(),
            format!(r#"{{"iss":"{ISSUER}","sub":"user-1","aud":"web","exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "wrong typ",
            HEADER.into(),
            format!(r#"{{{good},"exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "nbf ahead",
            good_header.into(),
            format!(r#"{{{good},"nbf":{EXP},"exp":{EXP}}}"#),
            CLAIM_FAILED,
        ),
        (
            "no exp",
            good_header.into(),
            format!("{{{good}}}"),
            CLAIM_FAILED,
        ),
        (
            "string exp",
            good_header.into(),
            format!(r#"{{{good},"exp":"{EXP}"}}"#),
            JWT_INVALID,
        ),
        (
            "duplicate sub",
            good_header.into(),
            format!(r#"{{{good},"sub":"x","exp":{EXP}}}"#),
            JWT_INVALID,
        ),
        (
            "array payload",
            good_header.into(),
            "[]".into(),
            JWT_INVALID,
        ),
    ];
    for (what, header, payload, claim_code) in cases {
        let token = raw(&header, &payload);
        // Validly signed, the claim problem is reported...
        assert_eq!(verify_with(&token, &strict), Err(claim_code), "{what}");
        // ...but with a bad signature, only the signature is.
        for forged in [
            flip_signature_bit(&token, 3),
            with_signature(&token, ""),
            sign_segments_with(&other_key(), parts(&token)[0], parts(&token)[1]),
        ] {
            assert_eq!(
                verify_with(&forged, &strict),
                Err(SIGNATURE_FAILED),
                "{what}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Other rules
// ---------------------------------------------------------------------------

#[test]
fn required_claims_default_to_exp() {
    let token = claims_token(r#""sub":"user-1""#);
    let no_exp = with_payload(r#"{"sub":"user-1"}"#);
    assert_claim_failure(&no_exp, &validation(), "exp", "missing");
    assert_verifies(&no_exp, &lax());
    // Other names can be required, registered or custom.
    assert_verifies(&token, &validation().required_claims(["exp", "sub"]));
    assert_claim_failure(
        &token,
        &validation().required_claims(["jti"]),
        "jti",
        "missing",
    );
    assert_claim_failure(
        &token,
        &validation().required_claims(["tenant"]),
        "tenant",
        "missing",
    );
    assert_verifies(
        &claims_token(r#""tenant":null"#),
        &validation().required_claims(["tenant"]),
    );
}

#[test]
fn typ_is_compared_as_a_media_type() {
    let expecting = validation().typ("at+jwt");
    for typ in [
        "at+jwt",
        "AT+JWT",
        "application/at+jwt",
        "Application/At+Jwt",
    ] {
        let token = with_header(&format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#));
        assert_verifies(&token, &expecting);
    }
    for typ in [
        "JWT",
        "jwt",
        "at+jwt ",
        "application/jwt",
        "text/at+jwt",
        "at",
    ] {
        let token = with_header(&format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#));
        assert_claim_failure(&token, &expecting, "typ", "unexpected");
    }
    assert_claim_failure(
        &with_header(r#"{"alg":"HS256"}"#),
        &expecting,
        "typ",
        "missing",
    );
    assert_malformed(
        &with_header(r#"{"alg":"HS256","typ":1}"#),
        "typ must be a string",
    );
}

#[test]
fn nested_jwt_cty_is_not_supported() {
    for cty in ["JWT", "jwt", "Jwt", "application/jwt", "APPLICATION/JWT"] {
        let token = with_header(&format!(r#"{{"alg":"HS256","cty":"{cty}"}}"#));
        assert_eq!(
            verify_with(&token, &validation()),
            Err(NOT_SUPPORTED),
            "{cty}"
        );
    }
    assert_verifies(
        &with_header(r#"{"alg":"HS256","cty":"json"}"#),
        &validation(),
    );
}

#[test]
fn kid_has_no_effect() {
    let mut claims = Claims::new();
    claims.expires_at = NumericDate::from_secs(EXP);
    let long = "k".repeat(10 * 1024);
    for kid in [
        "../../../../../../etc/passwd",
        "/dev/null",
        "' OR '1'='1' --",
        "\"; DROP TABLE keys; --",
        "\u{0}",
        "$(rm -rf /)",
        long.as_str(),
    ] {
        let token = sign(&claims, &key(), &HeaderOptions::new().key_id(kid));
        let verified = verify_token(&token, &key(), &validation()).expect("verifies");
        assert_eq!(verified.header.kid.as_deref(), Some(kid));
        assert_eq!(
            code(verify(&token, &other_key(), &validation())),
            Err(SIGNATURE_FAILED)
        );
    }
    assert_malformed(
        &with_header(r#"{"alg":"HS256","kid":7}"#),
        "kid must be a string",
    );
}

#[test]
fn sign_then_verify_keeps_every_claim() {
    let mut claims = Claims::new();
    claims.issuer = Some(ISSUER.into());
    claims.subject = Some("user-1".into());
    claims.audience = Some(Audience::Many(vec!["api".into(), "web".into()]));
    claims.expires_at = NumericDate::from_secs(EXP);
    claims.not_before = NumericDate::from_secs(NOW - 10);
    claims.issued_at = NumericDate::from_secs(NOW - 10);
    claims.jwt_id = Some("id-1".into());
    claims
        .insert("roles", vec!["admin", "ops"])
        .expect("custom");
    claims.insert("verified", true).expect("custom");
    claims.insert("quota", 12_345_u64).expect("custom");
    claims
        .insert("name", "Zo\u{eb} \"Z\" \\ \u{1f600}")
        .expect("custom");
    let mut profile = Object::new();
    profile.insert("locale", "fr-FR");
    profile.insert("tags", Value::Array(vec![Value::Null, Value::from(1_u64)]));
    claims.insert("profile", profile).expect("custom");

    let header = HeaderOptions::new().typ("at+jwt").key_id("2026-01");
    let token = sign(&claims, &key(), &header);
    let rules = validation()
        .issuer(ISSUER)
        .subject("user-1")
        .audience("web")
        .typ("at+jwt");
    let verified = verify_token(&token, &key(), &rules).expect("round trip");
    assert_eq!(verified.claims, claims);
    assert_eq!(verified.payload, claims.to_json().into_bytes());
    assert_eq!(verified.header.kid.as_deref(), Some("2026-01"));
    assert_eq!(
        verified.claims.get("roles").map(Value::to_json).as_deref(),
        Some(r#"["admin","ops"]"#)
    );
    assert_eq!(
        decode_unverified(&token).expect("well-formed").claims,
        claims
    );
}

#[test]
fn unverified_token_expiry_helpers() {
    let token = decode_unverified(&with_payload(&format!(r#"{{"exp":{EXP}}}"#))).expect("ok");
    assert_eq!(token.expires_at().map(NumericDate::as_secs), Some(EXP));
    assert_eq!(token.seconds_until_expiry(EXP - 100), Some(100));
    assert_eq!(token.seconds_until_expiry(EXP), Some(0));
    assert_eq!(token.seconds_until_expiry(EXP + 5), Some(-5));
    assert!(!token.is_expired(EXP - 1, 0));
    assert!(token.is_expired(EXP, 0));
    assert!(!token.is_expired(EXP + 9, 10));
    assert!(token.is_expired(EXP + 10, 10));
    assert!(token.is_expired(u64::MAX, 0));

    let forever = decode_unverified(&with_payload(r#"{"sub":"user-1"}"#)).expect("ok");
    assert_eq!(forever.expires_at(), None);
    assert_eq!(forever.seconds_until_expiry(NOW), None);
    assert!(!forever.is_expired(u64::MAX, 0));
}
