// Order statistics shared by the benchmark scripts.

/** The `q`-quantile of `values` (0 ≤ q ≤ 1), interpolated between neighbours. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** The median of `values`. */
export const median = (values) => quantile(values, 0.5);

/** Half the interquartile range of `values`, relative to their median: the spread the reports give as ±. */
export const spread = (values) => (quantile(values, 0.75) - quantile(values, 0.25)) / 2 / median(values);
