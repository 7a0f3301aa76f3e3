//! The options of the last one-shot `verify` and `sign`, read once and kept
//! for the next call with the same options: most callers pass the same
//! options on every call, and reading them (the rules built) is a large share
//! of a one-shot call.
//!
//! The options of every call are checked in JavaScript (`verifyOptions` and
//! `signOptions` in `pkg-template/host.js`), which tells when they are the
//! same as those read last, so that only then the rules kept here serve.

#[cfg(feature = "js")]
use super::option_readers::kept_sign_options;
use super::option_readers::kept_verify_options;
use super::options::{compact_text, VerifyConfig, ALGORITHM_BITS};
#[cfg(feature = "js")]
use super::sign_options::SignConfig;
use crate::Error;
use spin::mutex::SpinMutex;
use wasm_bindgen::JsValue;

/// What one function read last, from the text JavaScript last handed over
/// with `keep`, and its defaults, kept apart: `undefined` options are not
/// handed to JavaScript, so they leave the kept options as they are.
pub(crate) struct LastOptions<T: 'static> {
    read: &'static SpinMutex<Option<T>>,
    defaults: &'static SpinMutex<Option<T>>,
    /// JavaScript's reader: `options`, `keep` (see host.js's `keptOptions`)
    /// and the build's algorithms.
    reader: fn(&JsValue, u32, u32) -> JsValue,
    from_compact: fn(&str) -> Result<T, Error>,
}

/// What the one-shot `verify` read last.
pub(crate) static LAST_VERIFY_OPTIONS: LastOptions<VerifyConfig> = LastOptions {
    read: &VERIFY_READ,
    defaults: &VERIFY_DEFAULTS,
    reader: kept_verify_options,
    from_compact: VerifyConfig::from_compact,
};
static VERIFY_READ: SpinMutex<Option<VerifyConfig>> = SpinMutex::new(None);
static VERIFY_DEFAULTS: SpinMutex<Option<VerifyConfig>> = SpinMutex::new(None);

/// What the one-shot `sign` read last.
#[cfg(feature = "js")]
pub(crate) static LAST_SIGN_OPTIONS: LastOptions<SignConfig> = LastOptions {
    read: &SIGN_READ,
    defaults: &SIGN_DEFAULTS,
    reader: kept_sign_options,
    from_compact: SignConfig::from_compact,
};
#[cfg(feature = "js")]
static SIGN_READ: SpinMutex<Option<SignConfig>> = SpinMutex::new(None);
#[cfg(feature = "js")]
static SIGN_DEFAULTS: SpinMutex<Option<SignConfig>> = SpinMutex::new(None);

/// Runs `then` with `options`: those kept from the last call when JavaScript
/// found them the same, else read afresh (and kept).
///
/// # Errors
/// The `JwtError` of invalid options, or the one `then` returns.
pub(crate) fn with_last_options<T, R>(
    last: &LastOptions<T>,
    options: &JsValue,
    then: impl FnOnce(&mut T) -> Result<R, JsValue>,
) -> Result<R, JsValue> {
    let compact =
        |text: &str| (last.from_compact)(text).map_err(|error| super::error::to_js(&error));
    // `then` calls JavaScript, which could call back into the module: that
    // call finds the lock taken and reads its options afresh.
    // (Only `undefined`: `null` goes to JavaScript, as the size builds'
    // glue has no test for it, and the speed build shares the jwk build's.)
    if options.is_undefined() {
        let Some(mut kept) = last.defaults.try_lock() else {
            return then(&mut compact("")?);
        };
        if kept.is_none() {
            *kept = Some(compact("")?);
        }
        return match kept.as_mut() {
            Some(config) => then(config),
            None => then(&mut compact("")?),
        };
    }
    let Some(mut kept) = last.read.try_lock() else {
        let text = compact_text((last.reader)(options, 0, ALGORITHM_BITS))?.unwrap_or_default();
        return then(&mut compact(&text)?);
    };
    let keep = if kept.is_some() { 2 } else { 1 };
    if let Some(text) = compact_text((last.reader)(options, keep, ALGORITHM_BITS))? {
        // What JavaScript now takes as kept is read from `text`, or nothing.
        *kept = None;
        let config = compact(&text)?;
        return then(kept.insert(config));
    }
    // `None` only with `keep` 2: the kept options are there.
    if let Some(config) = kept.as_mut() {
        return then(config);
    }
    let text = compact_text((last.reader)(options, 0, ALGORITHM_BITS))?.unwrap_or_default();
    then(&mut compact(&text)?)
}
