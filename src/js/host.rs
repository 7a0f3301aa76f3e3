//! The few JavaScript built-ins the bindings call, declared directly.
//!
//! Each import becomes a small function in the package's JavaScript glue, so
//! they are kept few, and `catch` (a `try`/`apply` wrapper in the glue) is used
//! only where JavaScript can actually throw.

use alloc::string::String;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse`, only ever given text the strict parser accepted (a
    /// subset of JSON), so it cannot throw.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    pub(crate) fn json_parse(text: &str) -> JsValue;

    /// `JSON.stringify`: `None` for `undefined`; throws for a `BigInt`, a
    /// cycle or a throwing getter or `toJSON`.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub(crate) fn json_stringify(value: &JsValue) -> Result<Option<String>, JsValue>;

    /// `Uint8Array.prototype.set.call(target, source)`: copies `source` into
    /// wasm memory. `target` is exactly `source.length` long, so it cannot throw.
    #[wasm_bindgen(js_namespace = ["Uint8Array", "prototype", "set"], js_name = call)]
    pub(crate) fn copy_bytes(target: &mut [u8], source: &js_sys::Uint8Array);

    /// `crypto.getRandomValues`; throws where there is no Web Crypto.
    #[wasm_bindgen(js_namespace = ["globalThis", "crypto"], js_name = getRandomValues, catch)]
    pub(crate) fn get_random_values(buffer: &mut [u8]) -> Result<(), JsValue>;

    /// `globalThis`, where the package's entry modules publish the
    /// `JwtError` class.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    pub(crate) static GLOBAL_THIS: JsValue;
}

/// The `JSON.stringify` text of a plain (non-array) object; `None` for any
/// other value, or when stringifying throws.
pub(crate) fn plain_object_json(value: &JsValue) -> Option<String> {
    // Only an object (or a value whose `toJSON` returns one) stringifies to a
    // text that opens with `{`: one call into JavaScript decides it.
    json_stringify(value)
        .ok()
        .flatten()
        .filter(|text| text.starts_with('{'))
}
