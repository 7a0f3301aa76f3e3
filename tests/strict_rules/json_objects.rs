//! Rule 3: header and payload are UTF-8 JSON objects, without duplicate
//! members, nested to a bounded depth.

use super::{
    assert_malformed, assert_verifies, key, lax, raw, validation, verify_with, with_header,
    with_payload, HEADER,
};
use crate::common::codes::{JWS_INVALID, JWT_INVALID};
use crate::common::{code, EXP, NOW};
use jwt_edge::json::MAX_DEPTH;
use jwt_edge::{decode_unverified, verify_jws};

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
        let token = raw(HEADER.as_bytes(), &payload);
        assert_eq!(
            verify_with(&token, &validation()),
            Err(JWT_INVALID),
            "{bytes:?}"
        );
        // As a JWS, the payload is just bytes: the signature is fine.
        let jws = verify_jws(&token, &key(), &validation()).expect("a valid JWS");
        assert_eq!(jws.payload, payload);

        let header = [br#"{"alg":"HS256","kid":""#, bytes, br#""}"#].concat();
        let token = raw(&header, format!(r#"{{"exp":{EXP}}}"#).as_bytes());
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
