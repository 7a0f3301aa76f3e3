//! Tokens of any length: the length cap is applied before a token is copied
//! into WebAssembly memory (which never shrinks), so no token, however long,
//! grows the memory or traps where memory is short.

use super::garbage_input::garbage_tokens;
use super::{assert_code, at_now, claim_of, js, json, sign, text, token, SignsText, KEY_512, NOW};
use js_sys::{ArrayBuffer, WebAssembly};
use jwt_edge::js::{decode, expires_at, is_expired, seconds_until_expiry, verify};
use jwt_edge::js::{Signer, Verifier};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A WebAssembly page, in bytes.
const PAGE: u32 = 65_536;
/// The most pages a 32-bit WebAssembly memory can grow to: 4 GiB.
const MAX_PAGES: u32 = 65_536;
/// What the test leaves the module, in pages: 64 MiB.
const SHORT: u32 = 1024;

fn memory() -> WebAssembly::Memory {
    wasm_bindgen::memory().unchecked_into()
}

fn memory_bytes() -> u32 {
    memory()
        .buffer()
        .unchecked_into::<ArrayBuffer>()
        .byte_length()
}

/// Every export that takes a token, called with `token`: the errors of the
/// ones that failed (the unverified readers may accept a well-formed token).
fn every_token_export(token: &JsValue, verifier: &mut Verifier) -> Vec<JsValue> {
    [
        verify(token, &text(KEY_512), &at_now("")).map(|_| ()),
        verifier.verify(token).map(|_| ()),
        decode(token).map(|_| ()),
        expires_at(token).map(|_| ()),
        seconds_until_expiry(token, Some(NOW)).map(|_| ()),
        is_expired(token, None, Some(NOW)).map(|_| ()),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect()
}

#[wasm_bindgen_test]
fn a_token_over_the_cap_is_refused_before_it_is_copied() {
    let mut verifier = Verifier::new(&text(KEY_512), &at_now("")).expect("verifier");
    // 100 MB, in JavaScript's memory only.
    let huge = js("'eyJhbGciOiJIUzI1NiJ9.'.repeat(5e6)");
    let before = memory_bytes();
    for _ in 0..3 {
        assert_code(
            verify(&huge, &text(KEY_512), &at_now("")),
            "ERR_JWS_INVALID",
            "verify",
        );
        assert_code(verifier.verify(&huge), "ERR_JWS_INVALID", "Verifier");
        assert_code(decode(&huge), "ERR_JWS_INVALID", "decode");
        assert_code(expires_at(&huge), "ERR_JWS_INVALID", "expiresAt");
        assert_code(
            seconds_until_expiry(&huge, Some(NOW)),
            "ERR_JWS_INVALID",
            "secondsUntilExpiry",
        );
        assert_code(
            is_expired(&huge, None, Some(NOW)),
            "ERR_JWS_INVALID",
            "isExpired",
        );
        let (_, _, reason) = claim_of(verify(&huge, &text(KEY_512), &at_now("")));
        assert_eq!(
            reason.as_deref(),
            Some("token is longer than the configured maximum")
        );
    }
    let grown = memory_bytes() - before;
    assert!(grown < 1_048_576, "memory grew by {grown} bytes");
}

#[wasm_bindgen_test]
fn the_cap_counts_utf8_bytes_and_the_option_raises_it() {
    let cap = 16_384;
    // Within the cap in UTF-16 code units, over it in UTF-8 bytes.
    for wide in ["é", "😀", "\u{FFFF}"] {
        let units = wide.encode_utf16().count();
        let over_in_bytes = text(&wide.repeat(cap / units));
        let (code, _, reason) = claim_of(decode(&over_in_bytes));
        assert_eq!(code, "ERR_JWS_INVALID", "{wide}");
        assert_eq!(
            reason.as_deref(),
            Some("token is longer than the configured maximum"),
            "{wide}"
        );
    }
    // A valid token over the default cap verifies once the option raises it,
    // and one byte over the raised cap is refused.
    let long = super::token_with(&format!(
        r#""expiresIn":900,"jwtId":"{}""#,
        "j".repeat(20_000)
    ));
    let exact = at_now(&format!(r#""maxTokenLength":{}"#, long.len()));
    assert!(verify(&text(&long), &text(KEY_512), &exact).is_ok());
    let mut verifier = Verifier::new(&text(KEY_512), &exact).expect("verifier");
    assert!(verifier.verify(&text(&long)).is_ok());
    let one_short = at_now(&format!(r#""maxTokenLength":{}"#, long.len() - 1));
    assert_code(
        verify(&text(&long), &text(KEY_512), &one_short),
        "ERR_JWS_INVALID",
        "one byte over the raised cap",
    );
}

#[wasm_bindgen_test]
fn no_token_of_any_size_or_type_traps_even_where_memory_is_short() {
    let mut verifier = Verifier::new(&text(KEY_512), &at_now("")).expect("verifier");
    let signer = Signer::new(&text(KEY_512), &at_now(r#""expiresIn":900"#)).expect("signer");
    // Leave the module 64 MiB below the most it may grow to, as where memory is
    // short; each long token below needs more than that to be copied.
    let pages = memory_bytes() / PAGE;
    if pages + SHORT < MAX_PAGES {
        memory().grow(MAX_PAGES - SHORT - pages);
    }
    let mut tokens = garbage_tokens();
    tokens.extend([
        js("'a'.repeat(1e8)"),
        js("'é'.repeat(5e7)"),
        js("'\\uD800'.repeat(4e7)"),
        js(&format!("'{}' + 'A'.repeat(1e8)", token())),
        js("new String('a'.repeat(1e8))"),
        js("[ 'a'.repeat(1e8) ]"),
        js("({ toString() { return 'a'.repeat(1e8); } })"),
        js("new Uint8Array(16)"),
        js("new Proxy({}, { get() { throw new Error('boom'); } })"),
        js("() => 'a.b.c'"),
    ]);
    for token in &tokens {
        for error in every_token_export(token, &mut verifier) {
            assert!(
                error.is_instance_of::<js_sys::Error>(),
                "not an Error: {error:?}"
            );
            assert!(super::get_string(&error, "code").is_some(), "{error:?}");
        }
    }
    // Both still work.
    let fresh = signer
        .sign_text(&json(r#"{"sub":"user-1"}"#))
        .expect("signer");
    assert!(verifier.verify(&text(&fresh)).is_ok());
    assert!(sign(&json("{}"), &text(KEY_512), &at_now("")).is_ok());
}
