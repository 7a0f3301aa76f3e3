//! Times from JavaScript: its clock, and numbers of seconds given as arguments
//! or options.

use crate::{Error, MAX_NUMERIC_DATE};

/// The current time in whole seconds, from JavaScript's clock.
pub(crate) fn clock_now() -> u64 {
    // Date.now() is a positive finite number of milliseconds; for a positive
    // number the truncating cast is `floor` (which needs std).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let secs = (super::host::date_now() / 1000.0) as u64;
    secs
}

/// A time or length in whole seconds from a JavaScript number.
pub(crate) fn seconds(value: f64, option: &str) -> Result<u64, Error> {
    #[allow(clippy::cast_precision_loss)] // exact: 2^53
    let limit = MAX_NUMERIC_DATE as f64;
    if !value.is_finite() || !(0.0..=limit).contains(&value) {
        return Err(Error::invalid_option(
            option,
            "must be a number of seconds from 0 to 2^53",
        ));
    }
    // Checked above: finite and non-negative, so truncating is `floor`.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = value as u64;
    Ok(whole)
}
