// The asymmetric part of docs/benchmarks.md (bench/report.mjs): from
// target/bench/js.json and target/bench/edge.json, their `asymmetric` results
// (bench/asymmetric-ratios.mjs), as Markdown lines.

const int = (x) => Math.round(x).toLocaleString("en-US");
const met = (ok) => (ok ? "yes" : "**no**");
const runtimes = (js, edge) => [
  ["Node", js.asymmetric],
  ["workerd", edge.asymmetric],
];

/** The Targets table's rows: the worst algorithm of each runtime for each target. */
export function asymmetricTargetRows(js, edge) {
  const rows = [];
  for (const [where, { comparisons }] of runtimes(js, edge)) {
    const worst = comparisons.reduce((a, b) => (b.fastestVsPeer < a.fastestVsPeer ? b : a));
    const all = comparisons.map((c) => `${c.alg} ${c.kind} ${c.fastestVsPeer.toFixed(2)}×`).join(", ");
    rows.push(
      `| ${where}, RS256/PS256/ES256/EdDSA verify and ES256/EdDSA sign: jwt-edge's fastest path at least matches the fastest peer | lowest ${worst.fastestVsPeer.toFixed(2)}× (${all}) | ${met(worst.fastestVsPeer >= 1)} |`,
    );
  }
  for (const [where, { remoteJwks }] of runtimes(js, edge)) {
    const worst = remoteJwks.overheads.reduce((a, b) => (b.overheadPercent > a.overheadPercent ? b : a));
    const all = remoteJwks.overheads.map((o) => `${o.alg} ${o.overheadPercent.toFixed(1)}%`).join(", ");
    rows.push(`| ${where}: a remote JWK Set served from the cache adds under 5% to a verify | highest ${worst.overheadPercent.toFixed(1)}% (${all}) | ${met(worst.overheadPercent < 5)} |`);
  }
  return rows;
}

/** The section: per runtime, the comparison and the remote JWK Set's overhead (every case is in target/bench/js.json and edge.json). */
export function asymmetricSection(js, edge) {
  const lines = [
    "## Asymmetric algorithms",
    "",
    "The access token above signed with RS256 and PS256 (2048-bit RSA), ES256 (P-256)",
    "and EdDSA (Ed25519) keys made for the run, its header carrying the key's `kid`;",
    "each library verifies it with the algorithm pinned (and signs the same claims",
    "with ES256 and EdDSA), in Node as `node bench/js.mjs` times the HS256 cases and",
    "inside workerd as `node bench/edge.mjs` does. jwt-edge runs two ways: its",
    "synchronous pure-Rust path is the glue of the WebAssembly build the entry loads,",
    "called directly with the JWK (bench/speed-build.mjs), whatever the entry adds in",
    "JavaScript bypassed; its fastest path is the fastest of the entry's calls: `verify`",
    "and `verifyAsync` from `jwt-edge/remote-jwks` with the JWK, in Node a `Verifier`,",
    "in workerd `verifyAsync` with a key from `importJwk` (prepared once, as the peers'",
    "`CryptoKey` is); for signing, `sign`, in Node a `Signer`, in workerd `signAsync` with",
    "the private JWK or a key from `importJwk`. The",
    "fastest peer is the fastest other library of the same run, whichever way it was",
    "given the key. The remote JWK Set is `createRemoteJwks` on a local server",
    "(127.0.0.1) holding the four public keys, fetched once before the timing and",
    "then served from its cache, against `verifyAsync` with the JWK itself.",
    "",
  ];
  for (const [where, asymmetric] of runtimes(js, edge)) {
    lines.push(
      `| ${where} | jwt-edge pure Rust, ops/s | jwt-edge fastest, ops/s | fastest peer, ops/s | fastest / peer | pure Rust / peer |`,
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const c of asymmetric.comparisons) {
      lines.push(
        `| ${c.alg} ${c.kind} | ${int(c.rust.median)} | ${int(c.fastest.median)} (${c.fastest.api}) | ${int(c.peer.median)} (${c.peer.lib} ${c.peer.api}) | ${c.fastestVsPeer.toFixed(2)}× | ${c.rustVsPeer.toFixed(2)}× |`,
      );
    }
    lines.push(
      "",
      `| ${where}: remote JWK Set from the cache | \`verifyAsync\`, JWK, ops/s | \`verifyAsync\`, remote set, ops/s | added |`,
      "| --- | ---: | ---: | ---: |",
    );
    for (const o of asymmetric.remoteJwks.overheads) lines.push(`| ${o.alg} | ${int(o.direct)} | ${int(o.remote)} | ${o.overheadPercent.toFixed(1)}% |`);
    const { fetches } = asymmetric.remoteJwks;
    lines.push(`| (the local server answered ${fetches === 1 ? "one fetch" : `${fetches} fetches`} of the set) | | | |`, "");
  }
  return lines;
}
