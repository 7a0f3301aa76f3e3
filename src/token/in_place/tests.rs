//! The reader in place against the parser's rules: the same texts, `exp`
//! and error for every token, valid or mutated.

use super::read_in_place;
use crate::base64url;
use crate::claims::CheckedClaims;
use crate::header::HeaderView;
use crate::json::RawMembers;
use crate::token::{payload_error, CompactParts};
use crate::{Error, DEFAULT_MAX_TOKEN_LENGTH};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

type Read = Result<(Vec<u8>, Vec<u8>, Option<f64>), Error>;

/// The token read by the parser, as `decode` reads it in builds with a verifier.
fn by_parser(token: &str) -> Read {
    let parts = CompactParts::split(token, DEFAULT_MAX_TOKEN_LENGTH)?;
    let header = parts.decode_header_json()?;
    HeaderView::read(&header)?;
    let payload =
        base64url::decode(parts.payload).ok_or(Error::malformed("the payload is not base64url"))?;
    parts.decode_signature_in(&mut [0; 64])?;
    let claims = CheckedClaims::<RawMembers<'_>>::read(&payload, payload_error)?;
    let expires_at = claims.registered.expires_at.map(|exp| exp.secs);
    Ok((header, payload, expires_at))
}

/// The token read in place.
fn in_place(token: &str) -> Read {
    let mut buffer = token.as_bytes().to_vec();
    let read = read_in_place(&mut buffer)?;
    let text = |range: core::ops::Range<usize>| buffer.get(range).unwrap_or_default().to_vec();
    Ok((text(read.header), text(read.payload), read.expires_at))
}

fn token(header: &[u8], payload: &[u8], signature: &str) -> String {
    let mut token = String::new();
    base64url::encode_into(header, &mut token);
    token.push('.');
    base64url::encode_into(payload, &mut token);
    token.push('.');
    token.push_str(signature);
    token
}

fn assert_same(token: &str) {
    assert_eq!(in_place(token), by_parser(token), "{token:?}");
}

const HEADERS: [&str; 8] = [
    r#"{"alg":"HS256","typ":"JWT"}"#,
    r#"{"alg":"HS256","crit":["exp"]}"#,
    r#"{"alg":"ES256","b64":false,"kid":"k"}"#,
    r#"{"alg":"EdDSA","b64":true,"cty":"application/JwT"}"#,
    r#"{"\u0061lg":"HS256","kid":"k\u00e9\ud83d\ude00"}"#,
    r#"{"alg":"HS256","x":[1,{"y":null}],"z":{"a":"\"\\\/\b\f\n\r\t"}}"#,
    r#" { "alg" : "RS256" , "typ" : "at+jwt" } "#,
    r#"{"alg":"HS256","crit":[]}"#,
];

const PAYLOADS: [&str; 8] = [
    r#"{"sub":"1","exp":1700000000,"aud":["a","b"]}"#,
    r#"{"iss":"i","nbf":1.5,"iat":1e9,"jti":"j","exp":17e8}"#,
    r#"{"exp":9007199254740993}"#,
    r#"{"aud":[],"exp":9007199254740992}"#,
    r#"{"a":{"b":[1,2,{"c":"\u0041"}]},"d":-0.0e-5,"e":true,"f":false}"#,
    r#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":0,"k11":1,"k12":2,"k13":3,"k14":4,"k15":5,"k16":6,"\u006b9":9}"#,
    r#"{"\u0065xp":12,"aud":"x","sub":null}"#,
    "{}",
];

/// The bytes mutations insert: JSON's punctuation, escapes, digits and letters.
const ALPHABET: &[u8] = br#"{}[]":,\/ubfnrt0123456789-+.eEaAdDxX "#;

struct Mutator(u64);

impl Mutator {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_003).unwrap_or_default()
    }

    /// `text` with one to three bytes replaced, inserted or removed.
    fn mutate(&mut self, text: &[u8]) -> Vec<u8> {
        let mut out = text.to_vec();
        for _ in 0..=self.next() % 3 {
            let at = self.next() % (out.len() + 1);
            let byte = ALPHABET[self.next() % ALPHABET.len()];
            match self.next() % 3 {
                0 if at < out.len() => out[at] = byte,
                1 => out.insert(at, byte),
                _ if at < out.len() => drop(out.remove(at)),
                _ => out.push(byte),
            }
        }
        out
    }
}

#[test]
fn reads_every_valid_and_invalid_token_as_the_parser_does() {
    for header in HEADERS {
        for payload in PAYLOADS {
            for signature in ["", "c2ln", "c2lnbg", "c2lnbmE", "c2lnbmF", "a", "s+g"] {
                assert_same(&token(header.as_bytes(), payload.as_bytes(), signature));
            }
        }
    }
    for malformed in [
        "",
        ".",
        "..",
        "a.b",
        "a.b.c.d",
        ".e30.",
        "e30..",
        "e30.e30.x.",
        "e30.e30",
    ] {
        assert_same(malformed);
    }
}

#[test]
fn reads_mutated_headers_payloads_and_tokens_as_the_parser_does() {
    let mut mutator = Mutator(0x2545_f491_4f6c_dd1d);
    for header in HEADERS {
        for payload in PAYLOADS {
            for _ in 0..150 {
                let mutated = mutator.mutate(header.as_bytes());
                assert_same(&token(&mutated, payload.as_bytes(), ""));
                let mutated = mutator.mutate(payload.as_bytes());
                assert_same(&token(header.as_bytes(), &mutated, "c2ln"));
                let whole = token(header.as_bytes(), payload.as_bytes(), "c2ln");
                let mutated = String::from_utf8(mutator.mutate(whole.as_bytes()));
                assert_same(&mutated.unwrap_or_default());
            }
        }
    }
}

#[test]
fn reads_bytes_that_are_not_utf8_and_deep_nesting_as_the_parser_does() {
    let header = HEADERS[0].as_bytes();
    for payload in [
        &b"{\"a\":\"\xff\"}"[..],
        b"{\"a\":\"\xc0\xaf\"}",
        b"{\"a\":\"\xed\xa0\x80\"}",
        b"{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        b"[{\"a\":1,\"a\":1}]",
        b"[1,2] ",
        b"{\"a\":1,\"a\":2} x",
    ] {
        assert_same(&token(header, payload, ""));
    }
    let depth = |levels: usize| format!("{{\"a\":{}{}}}", "[".repeat(levels), "]".repeat(levels));
    for levels in [62, 63, 64] {
        assert_same(&token(header, depth(levels).as_bytes(), ""));
    }
}

#[test]
fn refuses_a_payload_of_nothing_but_repeated_names_without_running_out_of_room() {
    // The most names a token can hold: `"":0,` over its whole payload.
    let mut payload = String::from("{");
    while payload.len() < DEFAULT_MAX_TOKEN_LENGTH / 4 * 3 - 200 {
        payload.push_str("\"\":0,");
    }
    payload.push_str("\"\":0}");
    let token = token(HEADERS[0].as_bytes(), payload.as_bytes(), "");
    assert_eq!(
        in_place(&token),
        Err(Error::invalid_claims("duplicate member name"))
    );
    assert_same(&token);
}
