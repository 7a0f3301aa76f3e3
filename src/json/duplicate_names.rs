//! The duplicate-name check every object passes when it closes.

use alloc::vec::Vec;

/// Whether two names are the same. Small objects (the usual JOSE header or
/// claims set) are compared pairwise; large ones are sorted, so the check stays
/// `O(n log n)` for hostile input.
pub(crate) fn has_duplicate_names<'n>(names: impl Iterator<Item = &'n str> + Clone) -> bool {
    const PAIRWISE_LIMIT: usize = 16;
    let mut pairs = names.clone().enumerate();
    if names.clone().nth(PAIRWISE_LIMIT).is_none() {
        return pairs.any(|(i, name)| names.clone().skip(i + 1).any(|other| other == name));
    }
    let mut sorted: Vec<&str> = names.collect();
    heapsort_by(&mut sorted, |a, b| a > b);
    sorted
        .iter()
        .zip(sorted.iter().skip(1))
        .any(|(a, b)| a == b)
}

/// Sorts in place in `O(n log n)`, without recursion or allocation, by
/// `greater`. (Written out because the standard library's sorts are several
/// kilobytes of WebAssembly.)
pub(super) fn heapsort_by<T>(items: &mut [T], greater: impl Fn(&T, &T) -> bool) {
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
