// The native benchmarks, several times: `cargo bench --bench native --bench
// borrowed` (criterion) runs `--runs` times and each run's median per
// benchmark, with criterion's 95% confidence interval, is kept, so that the
// report can give medians over the runs with their spread, and each ratio
// taken within one run.
//
//   node bench/native.mjs [--runs 3] [--json target/bench/native.json]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option("--runs", "3"));
const jsonOut = option("--json", undefined);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${option("--runs")}`);

/** The benchmarks of `bench/native/native.rs` and `bench/native/borrowed.rs`, by criterion group, in report order. */
const GROUPS = [
  { group: "verify HS256", benches: ["jwt-edge verify", "jsonwebtoken decode", "jwt-compact validate", "HMAC-SHA256 floor"] },
  { group: "verify HS256, borrowed claims", benches: ["jwt-edge verify_with", "HMAC-SHA256 floor"] },
  { group: "sign HS256", benches: ["jwt-edge sign", "jsonwebtoken encode", "jwt-compact token", "HMAC-SHA256 floor"] },
];

/** Criterion's median for one benchmark of the run that just finished. */
function estimate(group, bench) {
  const path = join(root, "target/criterion", group, bench, "new/estimates.json");
  if (!existsSync(path)) throw new Error(`no criterion result at ${path}`);
  const { median } = JSON.parse(readFileSync(path, "utf8"));
  return {
    ns: median.point_estimate,
    low: median.confidence_interval.lower_bound,
    high: median.confidence_interval.upper_bound,
  };
}

const results = [];
for (let run = 1; run <= runs; run++) {
  console.log(`native benchmarks, run ${run} of ${runs}`);
  const bench = spawnSync("cargo", ["bench", "--bench", "native", "--bench", "borrowed", "--", "--noplot"], { cwd: root, stdio: "inherit" });
  if (bench.status !== 0) throw new Error(`cargo bench failed (status ${bench.status}, signal ${bench.signal})`);
  results.push(GROUPS.map(({ group, benches }) => ({ group, results: benches.map((name) => ({ bench: name, ...estimate(group, name) })) })));
}

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify({ runs: results }, null, 2)}\n`);
}
