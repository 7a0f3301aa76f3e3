#![cfg_attr(
    all(feature = "js-decode", target_arch = "wasm32", not(feature = "speed")),
    allow(dead_code)
)]
//! JSON number text to the nearest `f64`, correctly rounded (ties to even).
//!
//! The common cases (up to 19 significant digits and a power of ten up to
//! 10^22, which covers every numeric date) are exact with one `f64`
//! multiplication or division. Every other number goes to a correctly rounded
//! parser that is already at hand: in the npm package's WebAssembly,
//! JavaScript's `Number`; elsewhere `str::parse::<f64>`, whose tables of powers
//! of five (about 10 KB) the package's download should not carry.

/// `10^0` to `10^22`: every one exactly representable in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a JSON number text (every caller's text passed the parser or
/// the checker). In the downloaded WebAssembly, JavaScript's `Number`: the
/// fast path below is not worth its bytes there (0.6 KB of `jwt-edge/decode`
/// gzipped).
#[cfg(all(feature = "js-decode", target_arch = "wasm32", not(feature = "speed")))]
pub(crate) fn parse(text: &str) -> f64 {
    crate::js::number_from_text(text)
}

/// The value of a JSON number text, or NaN when `text` is not one.
#[cfg(not(all(feature = "js-decode", target_arch = "wasm32", not(feature = "speed"))))]
pub(crate) fn parse(text: &str) -> f64 {
    let Some(decimal) = Decimal::read(text.as_bytes()) else {
        return f64::NAN;
    };
    let Some(magnitude) = decimal.fast_magnitude() else {
        return parse_exactly(text);
    };
    if decimal.negative {
        -magnitude
    } else {
        magnitude
    }
}

/// A JSON number the fast path cannot round, through JavaScript's `Number`
/// (correctly rounded; ECMA-262 only allows a last-digit difference past 20
/// significant digits, which no engine makes).
#[cfg(all(feature = "js-decode", target_arch = "wasm32"))]
fn parse_exactly(text: &str) -> f64 {
    crate::js::number_from_text(text)
}

/// A JSON number the fast path cannot round, through the standard parser.
#[cfg(not(all(feature = "js-decode", target_arch = "wasm32")))]
fn parse_exactly(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// A JSON number split into its digits and decimal exponent:
/// `digits × 10^exponent`, with leading zeros dropped.
struct Decimal<'a> {
    negative: bool,
    /// The integer and fraction digits, leading zeros removed.
    int_digits: &'a [u8],
    frac_digits: &'a [u8],
    /// The written exponent (the `e` part), saturated.
    exponent: i64,
}

impl<'a> Decimal<'a> {
    /// Splits a JSON number (RFC 8259 §6 grammar); `None` for anything else.
    fn read(text: &'a [u8]) -> Option<Self> {
        let (negative, rest) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, text),
        };
        let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (int_digits, rest) = rest.split_at_checked(int_len)?;
        if int_digits.is_empty() || (int_digits.len() > 1 && int_digits.first() == Some(&b'0')) {
            return None;
        }
        let (frac_digits, rest) = match rest.split_first() {
            Some((b'.', rest)) => {
                let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                let (digits, rest) = rest.split_at_checked(len)?;
                if digits.is_empty() {
                    return None;
                }
                (digits, rest)
            }
            _ => (&[][..], rest),
        };
        let exponent = match rest.split_first() {
            None => 0,
            Some((b'e' | b'E', rest)) => {
                let (negative, digits) = match rest.split_first() {
                    Some((b'-', digits)) => (true, digits),
                    Some((b'+', digits)) => (false, digits),
                    _ => (false, rest),
                };
                if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                // Saturate: anything this large is zero or infinity anyway.
                let value = digits.iter().fold(0i64, |acc, &d| {
                    acc.saturating_mul(10).saturating_add(i64::from(d - b'0'))
                });
                if negative {
                    -value
                } else {
                    value
                }
            }
            Some(_) => return None,
        };
        Some(Self {
            negative,
            int_digits: trim_leading_zeros(int_digits),
            frac_digits,
            exponent,
        })
    }

    /// The significant digits, in order (integer then fraction).
    fn digits(&self) -> impl Iterator<Item = u8> + '_ {
        self.int_digits
            .iter()
            .chain(self.frac_digits)
            .map(|d| d - b'0')
            .skip_while(|&d| d == 0)
    }

    /// The value when one correctly rounded operation gives it: at most 19
    /// significant digits whose integer is exact in an `f64` (at most 2^53),
    /// and a power of ten up to 10^22, also exact.
    fn fast_magnitude(&self) -> Option<f64> {
        // The exponent of the units digit of `digits` read as an integer.
        let frac_len = i64::try_from(self.frac_digits.len()).unwrap_or(i64::MAX);
        let exponent = self.exponent.saturating_sub(frac_len);
        let mut count = 0usize;
        let mut small = 0u64;
        for digit in self.digits() {
            count += 1;
            if count > 19 {
                return None;
            }
            small = small * 10 + u64::from(digit);
        }
        if count == 0 {
            return Some(0.0);
        }
        if small > 1 << 53 {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // exact: at most 2^53
        let value = small as f64;
        let scale = POW10.get(usize::try_from(exponent.unsigned_abs()).ok()?)?;
        Some(if exponent < 0 {
            value / scale
        } else {
            value * scale
        })
    }
}

fn trim_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    digits.get(zeros..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::parse;
    use alloc::format;

    /// `parse` against the standard library's correctly rounded parser.
    fn check(text: &str) {
        let expected: f64 = text.parse().expect("a valid number");
        let actual = parse(text);
        assert_eq!(
            actual.to_bits(),
            expected.to_bits(),
            "{text}: {actual:e} != {expected:e}"
        );
    }

    #[test]
    fn matches_the_standard_parser_on_hard_cases() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "0.0",
            "1e0",
            "1E+2",
            "1e-2",
            "1700000000",
            "1700000000.5",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "1e22",
            "1e23",
            "8.98846567431158e307",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
            "1e308",
            "1e309",
            "1e400",
            "-1e400",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "0.1",
            "0.3",
            "3.141592653589793238462643383279502884197169399375105820974944",
            "1e-400",
            "0.000000000000000000000000000000000000000000001e300",
            "123.456e-789",
            "1e99999999999999999999999",
            "1e-99999999999999999999999",
            "0e99999999999999999999999",
        ] {
            check(text);
        }
    }

    /// Deterministic pseudo-random numbers of every shape around midpoints.
    #[test]
    fn matches_the_standard_parser_on_many_numbers() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2_500 {
            // A random double printed with 17 to 40 significant digits, often
            // nudged onto or next to the midpoint above it.
            let bits = next() & 0x7fef_ffff_ffff_ffff;
            let value = f64::from_bits(bits);
            let digits = 16 + usize::try_from(next() % 25).expect("small");
            let text = format!("{value:.digits$e}");
            check(&text);
            let midpoint = f64::midpoint(value, f64::from_bits(bits + 1));
            if midpoint.is_finite() {
                check(&format!("{midpoint:.digits$e}"));
            }
            check(&format!("{value}"));
            check(&format!("{}", next() >> 11));
            let small = f64::from_bits(next() % 0x0010_0000_0000_0000);
            check(&format!("{small:.digits$e}"));
        }
    }

    #[test]
    fn rejects_what_is_not_a_json_number() {
        for bad in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "0x1", "NaN", "inf", "1 ",
        ] {
            assert!(parse(bad).is_nan(), "{bad}");
        }
    }
}
