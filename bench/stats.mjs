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
