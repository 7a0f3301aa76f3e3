// The asymmetric benchmarks' comparisons, from the results of one run (in
// Node, bench/js.mjs; in workerd, bench/edge.mjs): each result has `alg`,
// `kind` ("verify" or "sign"), `lib`, `api`, `median` (ops/s) and, for
// jwt-edge, `path`: `rust` (the glue called directly, the pure-Rust path),
// `entry` (the package's entries: the fastest of them is jwt-edge's fastest
// path) or `remote` (`verifyAsync` with a remote JWK Set from its cache).
import { signAlgorithms, verifyAlgorithms } from "./asymmetric-keys.mjs";

/**
 * For each algorithm and kind: jwt-edge's pure-Rust path, its fastest path
 * and the fastest peer of this run (medians of `results`), and the ratios of
 * both paths to that peer.
 */
export function asymmetricComparisons(results) {
  const fastest = (list) => list.reduce((best, r) => (best === undefined || r.median > best.median ? r : best), undefined);
  const brief = (r) => ({ lib: r.lib, api: r.api, apiMarkdown: r.apiMarkdown, async: r.async, median: r.median });
  const comparisons = [];
  for (const [kind, algs] of [["verify", verifyAlgorithms], ["sign", signAlgorithms]]) {
    for (const alg of algs) {
      const of = results.filter((r) => r.alg === alg && r.kind === kind);
      const rust = of.find((r) => r.path === "rust");
      const best = fastest(of.filter((r) => r.path === "entry"));
      const peer = fastest(of.filter((r) => r.lib !== "jwt-edge"));
      comparisons.push({
        alg,
        kind,
        rust: brief(rust),
        fastest: brief(best),
        peer: brief(peer),
        fastestVsPeer: best.median / peer.median,
        rustVsPeer: rust.median / peer.median,
      });
    }
  }
  return comparisons;
}

/**
 * For each algorithm: what a remote JWK Set served from its cache adds to
 * `verifyAsync` with the key given directly, in % of the direct call's time.
 */
export function remoteJwksOverheads(results) {
  return verifyAlgorithms.map((alg) => {
    const of = results.filter((r) => r.alg === alg && r.kind === "verify");
    const remote = of.find((r) => r.path === "remote");
    const direct = of.find((r) => r.path === "entry" && r.api.startsWith("verifyAsync"));
    return { alg, remote: remote.median, direct: direct.median, overheadPercent: (direct.median / remote.median - 1) * 100 };
  });
}
