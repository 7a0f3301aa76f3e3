//! The floor of the JavaScript benchmarks (`make bench`, `bench/js.mjs`): what
//! any HS256 verify, sign or decode compiled to WebAssembly pays at the least,
//! measured beside jwt-edge and its peers in the same Node process.
//!
//! Built as the package's speed build is (opt-level 3, SIMD, sha2's backends,
//! the same glue for strings), these functions do only the work no token
//! library can skip: copy the token in, HMAC-SHA256 over the signing input with
//! a prepared key (or a key prepared per call for the one-shot floor),
//! base64url, and hand the payload's text back for `JSON.parse`. They check
//! nothing else — no header, no JSON, no claim, no `exp` — so they are not a
//! verifier: the gap between them and jwt-edge is what its checks cost, and the
//! gap between them and a target is what the target leaves for those checks.
//! Not part of the package.
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, KeyInit as _, Mac as _};
use sha2::Sha256;
use wasm_bindgen::prelude::wasm_bindgen;

/// The header every floor token carries: `{"alg":"HS256","typ":"JWT"}`.
const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

fn prepared(key: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length: this cannot fail.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC-SHA256 takes keys of any length"),
    }
}

/// The payload's text if the signature matches `mac`; nothing else is looked at.
fn payload_if_signed(mut mac: Hmac<Sha256>, token: &str) -> Option<String> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    mac.update(signing_input.as_bytes());
    let mut tag = [0; 32];
    if URL_SAFE_NO_PAD.decode_slice(signature, &mut tag).ok()? != tag.len() {
        return None;
    }
    mac.verify_slice(&tag).ok()?;
    let (_, payload) = signing_input.split_once('.')?;
    String::from_utf8(URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}

/// A key prepared once, as `Verifier` and `Signer` keep theirs.
#[wasm_bindgen]
pub struct FloorKey {
    mac: Hmac<Sha256>,
}

#[wasm_bindgen]
impl FloorKey {
    /// Prepares the HMAC-SHA256 key (its inner and outer blocks).
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new(secret: &str) -> FloorKey {
        FloorKey {
            mac: prepared(secret.as_bytes()),
        }
    }

    /// The payload's text if the signature is right, else `undefined`.
    #[must_use]
    pub fn verify(&self, token: &str) -> Option<String> {
        payload_if_signed(self.mac.clone(), token)
    }

    /// A token for the payload's text (`JSON.stringify`'s), under the fixed
    /// header: base64url and HMAC-SHA256, nothing checked.
    #[must_use]
    pub fn sign(&self, payload: &str) -> String {
        let mut token = String::with_capacity(HEADER.len() + payload.len().div_ceil(3) * 4 + 45);
        token.push_str(HEADER);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(payload, &mut token);
        let mut mac = self.mac.clone();
        mac.update(token.as_bytes());
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(mac.finalize().into_bytes(), &mut token);
        token
    }
}

/// The one-shot floor: the key prepared on every call, as `verify` does.
#[wasm_bindgen(js_name = floorVerify)]
#[must_use]
pub fn floor_verify(token: &str, secret: &str) -> Option<String> {
    payload_if_signed(prepared(secret.as_bytes()), token)
}

/// The payload segment's text, decoded: no header, no signature, no check.
#[wasm_bindgen(js_name = floorDecode)]
#[must_use]
pub fn floor_decode(token: &str) -> Option<String> {
    let mut segments = token.split('.');
    let payload = segments.nth(1)?;
    String::from_utf8(URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}
