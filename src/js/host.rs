//! The few JavaScript built-ins the bindings call, declared directly.
//!
//! Each import becomes a small function in the package's JavaScript glue, so
//! they are kept few, and `catch` (a `try`/`apply` wrapper in the glue) is used
//! only where JavaScript can actually throw.

#[cfg(any(feature = "js", feature = "asymmetric"))]
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
    #[cfg(any(feature = "js", feature = "asymmetric"))]
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub(crate) fn json_stringify(value: &JsValue) -> Result<Option<String>, JsValue>;

    /// `Uint8Array.prototype.set.call(target, source)`: copies `source` into
    /// wasm memory. `target` is exactly `source.length` long, so it cannot throw.
    #[cfg(feature = "js-verify")]
    #[wasm_bindgen(js_namespace = ["Uint8Array", "prototype", "set"], js_name = call)]
    pub(crate) fn copy_bytes(target: &mut [u8], source: &Uint8Array);

    /// A value with a `length`: a string (its UTF-16 code units) or a
    /// `Uint8Array` (its bytes).
    pub(crate) type Measured;

    /// `value.length`, read without copying the value.
    #[wasm_bindgen(method, getter)]
    pub(crate) fn length(this: &Measured) -> u32;

    /// A `Uint8Array` (told by `instanceof`).
    #[cfg(feature = "js-verify")]
    #[wasm_bindgen(extends = Measured)]
    pub(crate) type Uint8Array;

    /// `Array.of(a, b, c)`.
    #[cfg(feature = "asymmetric")]
    #[wasm_bindgen(js_namespace = Array, js_name = of)]
    pub(crate) fn array_of3(a: &JsValue, b: &JsValue, c: &JsValue) -> JsValue;

    /// `Date.now()`.
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub(crate) fn date_now() -> f64;

    /// `Number(text)`: a JSON number's text correctly rounded, for the numbers
    /// the crate's own fast path leaves (see `json::decimal`).
    #[wasm_bindgen(js_name = Number)]
    pub(crate) fn number_from_text(text: &str) -> f64;

    /// `crypto.getRandomValues`; throws where there is no Web Crypto.
    #[cfg(feature = "js")]
    #[wasm_bindgen(js_namespace = ["globalThis", "crypto"], js_name = getRandomValues, catch)]
    pub(crate) fn get_random_values(buffer: &mut [u8]) -> Result<(), JsValue>;

    /// `Object.freeze(value)`: an imported key cannot be edited afterwards.
    #[cfg(feature = "asymmetric")]
    #[wasm_bindgen(js_namespace = Object, js_name = freeze)]
    pub(crate) fn object_freeze(value: &JsValue) -> JsValue;
}

#[wasm_bindgen(module = "/pkg-template/host.js")]
extern "C" {
    /// The `JwtError` for an error of `kind` with its `reason` and `name`
    /// (the claim or the option): built in JavaScript, never throws.
    #[wasm_bindgen(js_name = jwtError)]
    pub(crate) fn jwt_error(kind: u32, reason: Option<&str>, name: Option<&str>) -> JsValue;

    /// `{ header, payload }`, each `JSON.parse`d from a text the strict
    /// checker accepted (a subset of JSON), so it cannot throw.
    #[wasm_bindgen(js_name = decodedJwt)]
    pub(crate) fn decoded_jwt(header: &str, payload: &str) -> JsValue;
}

/// The `JSON.stringify` text of a plain (non-array) object; `None` for any
/// other value, or when stringifying throws.
#[cfg(any(feature = "js", feature = "asymmetric"))]
pub(crate) fn plain_object_json(value: &JsValue) -> Option<String> {
    // Only an object (or a value whose `toJSON` returns one) stringifies to a
    // text that opens with `{`: one call into JavaScript decides it.
    json_stringify(value)
        .ok()
        .flatten()
        .filter(|text| text.starts_with('{'))
}
