//! JSON number text to the nearest `f64`, correctly rounded (ties to even).
//!
//! `str::parse::<f64>` is correct too, but carries a large table of powers of
//! five (about 10 KB) into the WebAssembly build. Here the common cases are
//! exact with plain `f64` arithmetic, and every other input is decided by exact
//! big-integer comparisons against the midpoints between neighbouring doubles.

use alloc::vec::Vec;

/// Significant digits kept exactly. Every midpoint between two doubles has at
/// most 767 significant digits, so digits past the 768th can only matter as
/// "something non-zero follows", which one extra `1` digit represents exactly.
const MAX_DIGITS: usize = 800;

/// `10^0` to `10^22`: every one exactly representable in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a JSON number text, or NaN when `text` is not one.
pub(crate) fn parse(text: &str) -> f64 {
    let Some(decimal) = Decimal::read(text.as_bytes()) else {
        return f64::NAN;
    };
    let magnitude = decimal.magnitude();
    if decimal.negative {
        -magnitude
    } else {
        magnitude
    }
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

    fn magnitude(&self) -> f64 {
        // The exponent of the units digit of `digits` read as an integer.
        let frac_len = i64::try_from(self.frac_digits.len()).unwrap_or(i64::MAX);
        let exponent = self.exponent.saturating_sub(frac_len);

        // Fast path: at most 19 significant digits, the integer they make is
        // exact in an f64 (at most 2^53), and so is the power of ten; one
        // multiplication or division then rounds correctly.
        let mut count = 0usize;
        let mut small = 0u64;
        for digit in self.digits() {
            count += 1;
            if count > 19 {
                break;
            }
            small = small * 10 + u64::from(digit);
        }
        if count == 0 {
            return 0.0;
        }
        if count <= 19 && small <= 1 << 53 {
            #[allow(clippy::cast_precision_loss)] // exact: at most 2^53
            let value = small as f64;
            if let Ok(power) = usize::try_from(exponent.unsigned_abs()) {
                if let Some(&scale) = POW10.get(power) {
                    return if exponent < 0 {
                        value / scale
                    } else {
                        value * scale
                    };
                }
            }
        }
        self.slow_magnitude(exponent)
    }

    /// Any other input: the exact decimal, compared with midpoints.
    fn slow_magnitude(&self, exponent: i64) -> f64 {
        // The decimal exponent of the leading digit decides the extremes.
        let count = self.digits().count();
        let count_i64 = i64::try_from(count).unwrap_or(i64::MAX);
        let leading = exponent.saturating_add(count_i64 - 1);
        if leading > 309 {
            return f64::INFINITY; // at least 1e310
        }
        if leading < -326 {
            return 0.0; // below 1e-325, under half the smallest subnormal
        }
        // The kept digits, with a sticky `1` for any non-zero digit dropped.
        let mut digits = Big::zero();
        let mut kept = 0usize;
        let mut sticky = false;
        for digit in self.digits() {
            if kept < MAX_DIGITS {
                digits.mul_add(10, u32::from(digit));
                kept += 1;
            } else if digit != 0 {
                sticky = true;
            }
        }
        let dropped = i64::try_from(count - kept).unwrap_or(0);
        let mut exponent = exponent + dropped;
        if sticky {
            digits.mul_add(10, 1);
            exponent -= 1;
        }
        // Now value = digits × 10^exponent exactly (as far as rounding can
        // tell), with |exponent| at most about 1,150.
        let target = Exact::new(digits, exponent);

        // The answer is the least double whose rounding interval reaches the
        // value: binary search over the ordered bit patterns of 0.0 to MAX.
        let (mut low, mut high) = (0u64, f64::INFINITY.to_bits());
        while low < high {
            let middle = low + (high - low) / 2;
            if target.rounds_at_or_below(middle) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        f64::from_bits(low)
    }
}

fn trim_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    digits.get(zeros..).unwrap_or_default()
}

/// `digits × 10^exponent`, ready to be compared with `k × 2^p`.
struct Exact {
    /// `digits × 5^exponent` when `exponent >= 0`, else `digits`.
    scaled: Big,
    /// `5^-exponent` when `exponent < 0`, else 1.
    divisor: Big,
    exponent: i64,
}

impl Exact {
    fn new(digits: Big, exponent: i64) -> Self {
        let power = u32::try_from(exponent.unsigned_abs()).unwrap_or(u32::MAX);
        if exponent >= 0 {
            let mut scaled = digits;
            scaled.mul_pow5(power);
            Self {
                scaled,
                divisor: Big::one(),
                exponent,
            }
        } else {
            let mut divisor = Big::one();
            divisor.mul_pow5(power);
            Self {
                scaled: digits,
                divisor,
                exponent,
            }
        }
    }

    /// Whether the value rounds to the double with bit pattern `bits` or to a
    /// smaller one: whether it is at most the midpoint above that double
    /// (a tie belongs to the double whose significand is even).
    fn rounds_at_or_below(&self, bits: u64) -> bool {
        let fraction = bits & ((1 << 52) - 1);
        let biased = i64::try_from(bits >> 52).unwrap_or(0);
        let (significand, power) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1 << 52, biased - 1075)
        };
        // Midpoint = (2·significand + 1) × 2^(power - 1).
        let ordering = self.compare(2 * significand + 1, power - 1);
        match ordering {
            core::cmp::Ordering::Less => true,
            core::cmp::Ordering::Equal => significand % 2 == 0,
            core::cmp::Ordering::Greater => false,
        }
    }

    /// The value compared with `k × 2^p`.
    fn compare(&self, k: u64, p: i64) -> core::cmp::Ordering {
        // value = scaled × 2^e / divisor (e = exponent, divisor = 5^-e or 1);
        // compare scaled × 2^e with k × divisor × 2^p, shifting the side with
        // the smaller power of two.
        let mut right = self.divisor.clone();
        right.mul_u64(k);
        let mut left = self.scaled.clone();
        let shift = self.exponent - p;
        let bits = u32::try_from(shift.unsigned_abs()).unwrap_or(u32::MAX);
        if shift >= 0 {
            left.shl(bits);
        } else {
            right.shl(bits);
        }
        left.compare(&right)
    }
}

/// A non-negative big integer: base-2^32 limbs, least significant first, no
/// trailing zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn zero() -> Self {
        Self(Vec::new())
    }

    fn one() -> Self {
        Self(alloc::vec![1])
    }

    /// `self = self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = low_half(product);
            carry = product >> 32;
        }
        if carry != 0 {
            self.0.push(low_half(carry));
        }
    }

    fn mul_u64(&mut self, factor: u64) {
        let high = self.clone();
        self.mul_add(low_half(factor), 0);
        let mut high = high;
        high.mul_add(low_half(factor >> 32), 0);
        high.shl(32);
        self.add(&high);
    }

    fn mul_pow5(&mut self, mut power: u32) {
        // 5^13 is the largest power of five below 2^32.
        while power >= 13 {
            self.mul_add(1_220_703_125, 0);
            power -= 13;
        }
        self.mul_add(5u32.pow(power), 0);
    }

    fn add(&mut self, other: &Self) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        let mut others = other.0.iter();
        for limb in &mut self.0 {
            let sum = u64::from(*limb) + u64::from(others.next().copied().unwrap_or(0)) + carry;
            *limb = low_half(sum);
            carry = sum >> 32;
        }
        if carry != 0 {
            self.0.push(low_half(carry));
        }
    }

    fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let limbs = usize::try_from(bits / 32).unwrap_or(usize::MAX);
        let bits = bits % 32;
        if bits != 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let wide = u64::from(*limb) << bits | u64::from(carry);
                *limb = low_half(wide);
                carry = low_half(wide >> 32);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 {
            let mut shifted = Vec::with_capacity(limbs + self.0.len());
            shifted.resize(limbs, 0);
            shifted.extend_from_slice(&self.0);
            self.0 = shifted;
        }
    }

    fn trimmed(&self) -> &[u32] {
        let len = self
            .0
            .iter()
            .rposition(|&limb| limb != 0)
            .map_or(0, |i| i + 1);
        self.0.get(..len).unwrap_or_default()
    }

    fn compare(&self, other: &Self) -> core::cmp::Ordering {
        let (a, b) = (self.trimmed(), other.trimmed());
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

/// The low 32 bits.
fn low_half(value: u64) -> u32 {
    #[allow(clippy::cast_possible_truncation)] // intended
    let low = value as u32;
    low
}

#[cfg(test)]
mod tests {
    use super::parse;
    use alloc::format;
    use alloc::string::String;

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

    #[test]
    fn keeps_exactness_past_the_kept_digits() {
        // 2^53 + 1 followed by many zeros and then a 1: just above the tie
        // between 2^53 and 2^53 + 2, so it rounds up.
        let mut text = String::from("9007199254740993.");
        text.push_str(&"0".repeat(2000));
        check(&text);
        text.push('1');
        check(&text);
        let mut long = "1".repeat(1500);
        long.push_str("e-1200");
        check(&long);
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
