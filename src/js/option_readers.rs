//! The package's JavaScript readers of `VerifyOptions` and `SignOptions`
//! (`pkg-template/host.js`): each returns the options' compact text, or their
//! `JwtError` (returned rather than thrown: no `catch` wrapper on the one-shot
//! calls' path).
//!
//! The builds that keep the last options (Node and workerd, and the tests),
//! and the browsers' build with every algorithm, whose glue is theirs, import
//! the readers that can answer "the same as the last text handed over with
//! `keep`" (`undefined`); the other browser builds import the plain ones.
//! Either way, `verify_options` and `sign_options` read options that are not
//! kept.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[cfg(not(any(
    feature = "speed",
    feature = "asymmetric",
    not(feature = "npm-runtime")
)))]
#[wasm_bindgen(module = "/pkg-template/host.js")]
extern "C" {
    /// `VerifyOptions` read and checked.
    #[cfg(feature = "js-verify")]
    #[wasm_bindgen(js_name = verifyOptions)]
    pub(crate) fn verify_options(options: &JsValue, algorithms: u32) -> JsValue;

    /// `SignOptions` read and checked.
    #[cfg(feature = "js")]
    #[wasm_bindgen(js_name = signOptions)]
    pub(crate) fn sign_options(options: &JsValue, algorithms: u32) -> JsValue;
}

#[cfg(any(
    feature = "speed",
    feature = "asymmetric",
    not(feature = "npm-runtime")
))]
pub(crate) use kept::*;

#[cfg(any(
    feature = "speed",
    feature = "asymmetric",
    not(feature = "npm-runtime")
))]
mod kept {
    use super::{wasm_bindgen, JsValue};

    #[wasm_bindgen(module = "/pkg-template/host.js")]
    extern "C" {
        /// As `verify_options`, or `undefined` for the same options as the
        /// last text handed over with `keep`.
        #[cfg(feature = "js-verify")]
        #[wasm_bindgen(js_name = keptVerifyOptions)]
        pub(crate) fn kept_verify_options(options: &JsValue, keep: u32, algorithms: u32)
            -> JsValue;

        /// As `kept_verify_options`, for `SignOptions`.
        #[cfg(feature = "js")]
        #[wasm_bindgen(js_name = keptSignOptions)]
        pub(crate) fn kept_sign_options(options: &JsValue, keep: u32, algorithms: u32) -> JsValue;
    }

    /// `VerifyOptions` read and checked, not kept.
    #[cfg(feature = "js-verify")]
    pub(crate) fn verify_options(options: &JsValue, algorithms: u32) -> JsValue {
        kept_verify_options(options, 0, algorithms)
    }

    /// `SignOptions` read and checked, not kept.
    #[cfg(feature = "js")]
    pub(crate) fn sign_options(options: &JsValue, algorithms: u32) -> JsValue {
        kept_sign_options(options, 0, algorithms)
    }
}
