//! `NumericDate`, the time claims' type, owned and as read.

use crate::json::{parse_f64, plain_u64, write_u64, Number};
use alloc::borrow::Cow;
use alloc::string::String;

/// The largest time a JWT may carry: 2^53 seconds, the largest integer every
/// JSON implementation (JavaScript's included) represents exactly.
pub const MAX_NUMERIC_DATE: u64 = 1 << 53;

/// A time in seconds since the Unix epoch (RFC 7519 §2, `NumericDate`).
///
/// Only a JSON number is accepted: finite, not negative and at most 2^53.
/// Fractions are allowed, as the RFC says. Strings, booleans and `null` are not
/// numbers here, whatever they look like.
///
/// ```
/// use jwt_edge::NumericDate;
/// let exp = NumericDate::from_secs(1_700_000_000).unwrap();
/// assert_eq!(exp.as_secs_f64(), 1_700_000_000.0);
/// assert!(NumericDate::from_secs(1 << 54).is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NumericDate {
    secs: f64,
    text: DateText,
}

/// How a date is written back: a whole number of seconds (the usual case,
/// kept without a copy of its text), or the number exactly as it was written.
#[derive(Debug, Clone, PartialEq)]
enum DateText {
    Whole(u64),
    Written(Number),
}

impl NumericDate {
    /// A whole number of seconds, or `None` above [`MAX_NUMERIC_DATE`].
    #[must_use]
    pub fn from_secs(secs: u64) -> Option<Self> {
        if secs > MAX_NUMERIC_DATE {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // exact: secs <= 2^53
        let as_float = secs as f64;
        Some(Self {
            secs: as_float,
            text: DateText::Whole(secs),
        })
    }

    /// The time in seconds, with any fraction.
    #[must_use]
    pub fn as_secs_f64(&self) -> f64 {
        self.secs
    }

    /// The time in whole seconds, any fraction dropped.
    #[must_use]
    pub fn as_secs(&self) -> u64 {
        // secs is finite, non-negative and at most 2^53, so this is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = self.secs as u64;
        whole
    }

    /// The date as a borrowed view, as if it had been read.
    pub(crate) fn as_view(&self) -> NumericDateRef<'_> {
        match &self.text {
            DateText::Whole(whole) => NumericDateRef {
                secs: self.secs,
                whole: Some(*whole),
                text: Cow::Borrowed(""),
            },
            DateText::Written(number) => NumericDateRef {
                secs: self.secs,
                whole: None,
                text: Cow::Borrowed(number.as_str()),
            },
        }
    }
}

/// A date as read from a claims set: its seconds and its text, borrowed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumericDateRef<'a> {
    pub secs: f64,
    whole: Option<u64>,
    text: Cow<'a, str>,
}

impl<'a> NumericDateRef<'a> {
    /// The date a JSON number's text stands for, if it is a valid one:
    /// finite, not negative, at most 2^53 (a whole number is kept as one).
    pub(crate) fn from_number(text: Cow<'a, str>) -> Option<Self> {
        #[allow(clippy::cast_precision_loss)] // exact: 2^53
        let limit = MAX_NUMERIC_DATE as f64;
        let (secs, whole) = match plain_u64(&text) {
            // Plain integers are compared exactly: 2^53 + 1 rounds to 2^53 as
            // f64. (Converting one gives the same correctly rounded value as
            // parsing.)
            #[allow(clippy::cast_precision_loss)] // exact: at most 2^53
            Some(whole) if whole <= MAX_NUMERIC_DATE => (whole as f64, Some(whole)),
            Some(_) => return None,
            // Anything else (fractions, exponents) must be finite,
            // non-negative and below the limit after rounding.
            None => {
                let secs = parse_f64(&text);
                if !(secs.is_finite() && (0.0..limit).contains(&secs)) {
                    return None;
                }
                (secs, None)
            }
        };
        Some(Self { secs, whole, text })
    }

    /// A whole number of seconds; `None` past 2^53.
    #[cfg_attr(not(feature = "js"), allow(dead_code))] // the JavaScript `sign`
    pub(crate) fn from_secs(secs: u64) -> Option<Self> {
        NumericDate::from_secs(secs).map(|date| NumericDateRef {
            secs: date.secs,
            whole: Some(secs),
            text: Cow::Borrowed(""),
        })
    }

    /// Writes the date as [`NumericDate`] does: a whole number as digits,
    /// any other exactly as it was written.
    pub(crate) fn write_to(&self, out: &mut String) {
        match self.whole {
            Some(whole) => write_u64(whole, out),
            None => out.push_str(&self.text),
        }
    }

    /// The owned date.
    pub(crate) fn into_owned(self) -> NumericDate {
        NumericDate {
            secs: self.secs,
            text: match self.whole {
                Some(whole) => DateText::Whole(whole),
                None => DateText::Written(Number::from_validated(self.text.into_owned())),
            },
        }
    }
}
