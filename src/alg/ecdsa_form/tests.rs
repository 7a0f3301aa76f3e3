//! The byte-wise checks and encoding against the curve crates' own: the same
//! signatures accepted, the same DER written.

use super::{r_and_s_in_range, write_der, P256_ORDER, P384_ORDER, P521_ORDER};
use alloc::vec::Vec;

/// Signatures around every boundary of `order`: each half zero, one, the
/// order less one, the order, the order plus one, all ones; with leading
/// zero bytes and top bits set; and pseudo-random ones.
fn signatures(order: &[u8]) -> Vec<Vec<u8>> {
    let len = order.len();
    let mut below = order.to_vec();
    let mut above = order.to_vec();
    // The orders end in an odd byte: one less and one more touch it alone.
    below[len - 1] -= 1;
    above[len - 1] += 1;
    let mut one = alloc::vec![0; len];
    one[len - 1] = 1;
    let mut high = alloc::vec![0; len];
    high[1] = 0x80;
    let halves = [
        alloc::vec![0; len],
        one,
        high,
        below,
        order.to_vec(),
        above,
        alloc::vec![0xff; len],
    ];
    let mut all = Vec::new();
    for r in &halves {
        for s in &halves {
            all.push([r.as_slice(), s].concat());
        }
    }
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2000 {
        let mut signature: Vec<u8> = (0..2 * len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[0]
            })
            .collect();
        // Some below the order, some with leading zeros.
        signature[0] &= order[0];
        signature[len] &= order[0] >> (state % 8);
        if state.is_multiple_of(3) {
            signature[len + 1] = 0;
        }
        all.push(signature);
    }
    all
}

macro_rules! agrees_with_the_crate {
    ($name:ident, $curve:ident, $order:expr) => {
        #[test]
        fn $name() {
            let order: &[u8] = &$order;
            let mut accepted = 0;
            for signature in signatures(order) {
                let theirs = $curve::ecdsa::Signature::from_slice(&signature);
                assert_eq!(
                    r_and_s_in_range(&signature, order),
                    theirs.is_ok(),
                    "{signature:02x?}"
                );
                if let Ok(theirs) = theirs {
                    accepted += 1;
                    let mut ours = Vec::new();
                    write_der(&signature, &mut ours);
                    assert_eq!(ours, theirs.to_der().as_bytes(), "{signature:02x?}");
                }
            }
            assert!(accepted > 1000, "{accepted}");
            // Another length is refused.
            let signature = signatures(order).swap_remove(10);
            assert!(!r_and_s_in_range(&signature[1..], order));
            assert!(!r_and_s_in_range(
                &[signature.as_slice(), &[1]].concat(),
                order
            ));
        }
    };
}

agrees_with_the_crate!(p256_range_and_der_agree_with_the_crate, p256, P256_ORDER);
agrees_with_the_crate!(p384_range_and_der_agree_with_the_crate, p384, P384_ORDER);
agrees_with_the_crate!(p521_range_and_der_agree_with_the_crate, p521, P521_ORDER);
