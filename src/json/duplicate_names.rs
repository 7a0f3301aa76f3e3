//! The duplicate-name check every object passes when it closes.

use alloc::vec::Vec;
use core::cmp::Ordering;

/// Objects with at most this many names are compared pairwise; larger ones
/// are sorted, so the check stays `O(n log n)` for hostile input.
const PAIRWISE_LIMIT: usize = 16;

/// Whether two names are the same. Small objects (the usual JOSE header or
/// claims set) are compared pairwise without collecting the names.
pub(crate) fn has_duplicate_names<'n>(names: impl Iterator<Item = &'n str> + Clone) -> bool {
    let mut pairs = names.clone().enumerate();
    if names.clone().nth(PAIRWISE_LIMIT).is_none() {
        return pairs.any(|(i, name)| names.clone().skip(i + 1).any(|other| other == name));
    }
    let mut sorted: Vec<&str> = names.collect();
    has_duplicates(&mut sorted, Ord::cmp)
}

/// Whether two of `items` are equal by `order`, pairwise or (past
/// [`PAIRWISE_LIMIT`]) once sorted in place: the check of both readers (the
/// checker's names, `name_order.rs`, are places in a text).
pub(super) fn has_duplicates<T>(items: &mut [T], order: impl Fn(&T, &T) -> Ordering) -> bool {
    let same = |a: &T, b: &T| order(a, b) == Ordering::Equal;
    if items.len() <= PAIRWISE_LIMIT {
        return items
            .iter()
            .enumerate()
            .any(|(i, item)| items.iter().skip(i + 1).any(|other| same(item, other)));
    }
    heapsort_by(items, |a, b| order(a, b) == Ordering::Greater);
    items
        .iter()
        .zip(items.iter().skip(1))
        .any(|(a, b)| same(a, b))
}

/// Sorts in place in `O(n log n)`, without recursion or allocation, by
/// `greater`. (Written out because the standard library's sorts are several
/// kilobytes of WebAssembly.)
fn heapsort_by<T>(items: &mut [T], greater: impl Fn(&T, &T) -> bool) {
    /// Moves the item at `root` down into the heap `items[..end]`.
    fn sift_down<T>(items: &mut [T], mut root: usize, greater: &impl Fn(&T, &T) -> bool) {
        loop {
            let mut child = 2 * root + 1;
            let (Some(left), right) = (items.get(child), items.get(child + 1)) else {
                return;
            };
            if right.is_some_and(|right| greater(right, left)) {
                child += 1;
            }
            match (items.get(root), items.get(child)) {
                (Some(parent), Some(larger)) if greater(larger, parent) => {
                    items.swap(root, child);
                    root = child;
                }
                _ => return,
            }
        }
    }
    for root in (0..items.len() / 2).rev() {
        sift_down(items, root, &greater);
    }
    for end in (1..items.len()).rev() {
        items.swap(0, end);
        if let Some(heap) = items.get_mut(..end) {
            sift_down(heap, 0, &greater);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    #[test]
    fn heapsort_sorts_like_the_standard_library() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in (0..40).chain([100, 257, 1000]) {
            let words: Vec<String> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    format!("k{}", state % 50)
                })
                .collect();
            let mut sorted: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut expected = sorted.clone();
            heapsort_by(&mut sorted, |a, b| a > b);
            expected.sort_unstable();
            assert_eq!(sorted, expected);
            let unique = expected.windows(2).all(|pair| pair[0] != pair[1]);
            assert_eq!(
                has_duplicate_names(words.iter().map(String::as_str)),
                !unique
            );
        }
    }
}
