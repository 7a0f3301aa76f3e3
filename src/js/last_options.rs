//! The options of the last one-shot `verify` and `sign`, read once and kept
//! for the next call whose options have the same `JSON.stringify` text: most
//! callers pass the same options on every call, and reading them (the text
//! parsed, the rules built) is a large share of a one-shot call.
//!
//! The text alone does not show a member set to `undefined`, so every call
//! still compares the number of the options' own keys with the kept count and
//! reads the options afresh (to refuse that member by name) when they differ.

use super::host::object_keys;
use super::options::{options_text, VerifyConfig};
#[cfg(feature = "js")]
use super::sign_options::SignConfig;
use crate::Error;
use alloc::string::String;
use spin::mutex::SpinMutex;
use wasm_bindgen::JsValue;

/// Options read from a text, with the number of their own keys.
pub(crate) struct LastOptions<T> {
    kept: Option<(Option<String>, u32, T)>,
}

impl<T> LastOptions<T> {
    const fn new() -> Self {
        Self { kept: None }
    }
}

/// What the one-shot `verify` read last.
pub(crate) static LAST_VERIFY_OPTIONS: SpinMutex<LastOptions<VerifyConfig>> =
    SpinMutex::new(LastOptions::new());

/// What the one-shot `sign` read last.
#[cfg(feature = "js")]
pub(crate) static LAST_SIGN_OPTIONS: SpinMutex<LastOptions<SignConfig>> =
    SpinMutex::new(LastOptions::new());

/// Runs `then` with `options` read by `read`, or with the options kept from
/// the last call if their text and their number of own keys are the same.
pub(crate) fn with_last_options<T, R>(
    last: &SpinMutex<LastOptions<T>>,
    options: &JsValue,
    read: fn(&JsValue, Option<&str>) -> Result<T, Error>,
    then: impl FnOnce(&mut T) -> Result<R, Error>,
) -> Result<R, Error> {
    let text = options_text(options)?;
    let count = match &text {
        None => Some(0),
        Some(_) => object_keys(options).ok().map(|keys| keys.length()),
    };
    // `then` calls JavaScript, which could call back into the module: that
    // call finds the lock taken and reads its options afresh.
    let (Some(count), Some(mut last)) = (count, last.try_lock()) else {
        return then(&mut read(options, text.as_deref())?);
    };
    let config = match &mut last.kept {
        Some((kept, kept_count, config)) if *kept == text && *kept_count == count => config,
        kept => {
            // Read without error, so `count` is the number of members read.
            let config = read(options, text.as_deref())?;
            &mut kept.insert((text, count, config)).2
        }
    };
    then(config)
}
