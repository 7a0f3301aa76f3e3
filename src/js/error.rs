//! Turning the crate's [`Error`] into a thrown `JwtError`.

use super::host::{
    array_of4, reflect_construct, reflect_get, reflect_set, symbol_for, PlainError, GLOBAL_THIS,
};
use crate::Error;
use wasm_bindgen::JsValue;

/// The registry key under which the package's entry modules publish the
/// `JwtError` class, so that every copy of the module (ES module and `CommonJS`) throws
/// instances of one class.
const ERROR_CLASS_KEY: &str = "jwt-edge.JwtError";

/// A `JwtError` for `error`; a plain `Error` with the same fields when the
/// class was not published (the raw wasm-bindgen module used directly).
// Only ever on the failure path: kept out of line so that every export shares
// one copy.
#[cold]
#[inline(never)]
pub(crate) fn to_js(error: &Error) -> JsValue {
    let text = error.message();
    let message = JsValue::from(text.as_str());
    let code = JsValue::from(error.code());
    let claim = error.claim().map_or(JsValue::UNDEFINED, JsValue::from);
    let reason = error.reason().map_or(JsValue::UNDEFINED, JsValue::from);
    let class = GLOBAL_THIS
        .with(|global| reflect_get(global, &symbol_for(ERROR_CLASS_KEY)))
        .unwrap_or_default();
    if class.is_function() {
        let args = array_of4(&message, &code, &claim, &reason);
        if let Ok(instance) = reflect_construct(&class, &args) {
            return instance;
        }
    }
    let plain = PlainError::new(&text);
    plain.set_name("JwtError");
    let target = JsValue::from(plain);
    for (name, value) in [("code", code), ("claim", claim), ("reason", reason)] {
        if !value.is_undefined() {
            // A fresh Error takes its own properties; only a throwing setter
            // planted on its prototype chain could refuse one.
            let _ = reflect_set(&target, name, &value);
        }
    }
    target
}
