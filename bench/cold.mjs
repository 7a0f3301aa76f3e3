// Cold start: how long until the first token is verified, for jwt-edge and
// the libraries users would pick instead. In Node, a fresh process imports
// the library and verifies once (bench/cold/node-probe.mjs); in Chromium, a
// fresh browser context opens a page that does the same
// (bench/cold/page.html), fetching jwt-edge/verify as a browser does without
// a bundler and the peers as esbuild bundles of the same import, from a
// local server that forbids caching. Each figure is the median over the
// rounds (every library once per round, the order rotating), with half the
// interquartile range as the spread.
//
//   node bench/cold.mjs [--quick] [--json target/bench/cold.json] [--pkg DIR]
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { bundle } from "./bundle.mjs";
import { serveStatic } from "../scripts/static-server.mjs";
import { launchChromium } from "../tests/js/support/browser.mjs";
import { libraries } from "./cold/libraries.mjs";
import { median, spread } from "./stats.mjs";
import { accessClaims, secret } from "./token.mjs";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes("--quick");
const jsonOut = option("--json");
const pkgPath = resolve(option("--pkg") ?? join(root, "pkg"));
const pkgUrl = pathToFileURL(`${pkgPath}/`).href;
const ROUNDS = quick ? 3 : 15;

// The token of bench/js.mjs, signed by jwt-edge.
const { sign } = await import(new URL("node.js", pkgUrl));
const claims = accessClaims();
const token = sign(claims, secret);

/**
 * Measures every case `ROUNDS` times, every case once per round and the order
 * rotating; `total(sample)` is the figure the spread is taken of.
 */
async function rounds(cases, measure, total) {
  const samples = cases.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < cases.length; i++) {
      const at = (round + i) % cases.length;
      const sample = await measure(cases[at]);
      if (sample.sub !== claims.sub) throw new Error(`${cases[at].label} did not verify the token: ${JSON.stringify(sample)}`);
      samples[at].push(sample);
    }
  }
  return cases.map(({ label }, at) => {
    const of = (pick) => median(samples[at].map(pick));
    return {
      lib: label,
      importMs: of((s) => s.importMs),
      firstVerifyMs: of((s) => s.firstVerifyMs),
      totalMs: of(total),
      spread: spread(samples[at].map(total)),
      rounds: samples[at].length,
    };
  });
}

// ------------------------------------------------------------------ Node

const probe = join(root, "bench/cold/node-probe.mjs");
const run = promisify(execFile);
const node = await rounds(
  Object.keys(libraries).map((name) => ({ name, label: name })),
  async ({ name }) => JSON.parse((await run(process.execPath, [probe, name, token, secret, pkgUrl], { cwd: root })).stdout),
  (sample) => sample.importMs + sample.firstVerifyMs,
);

// ------------------------------------------------------------------ Chromium

const peersDir = mkdtempSync(join(tmpdir(), "jwt-edge-cold-"));
const inBrowser = Object.keys(libraries).filter((name) => libraries[name].browser);
let browserResults;
let browserVersion;
try {
  for (const name of inBrowser) {
    const { bundleEntry, browser } = libraries[name];
    if (bundleEntry === undefined) continue;
    writeFileSync(join(peersDir, browser.slice("/peers/".length)), await bundle(bundleEntry));
  }
  const server = await serveStatic({ "/pkg/": pkgPath, "/peers/": peersDir, "/cold/": join(root, "bench/cold") });
  const chromium = await launchChromium();
  try {
    const cases = [
      ...inBrowser.map((name) => ({ name, label: name })),
      { name: "jwt-edge", label: "jwt-edge, the page preloading its files", preload: true },
    ];
    browserResults = await rounds(cases, async ({ name, preload }) => {
      // A new context each time: an empty cache, nothing compiled before.
      const context = await chromium.newContext();
      try {
        const page = await context.newPage();
        const query = new URLSearchParams({ lib: name, token, secret, ...(preload ? { preload: "" } : {}) });
        await page.goto(`${server.url}/cold/page.html?${query}`);
        await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20_000 });
        const result = await page.evaluate(() => window.__result);
        if (result.failed) throw new Error(`${name} in Chromium: ${result.failed}`);
        return result;
      } finally {
        await context.close();
      }
    }, (sample) => sample.sinceNavigationMs);
    browserVersion = chromium.version();
  } finally {
    await chromium.close();
    await server.close();
  }
} finally {
  rmSync(peersDir, { recursive: true, force: true });
}

// ------------------------------------------------------------------ report

const output = { rounds: ROUNDS, node: process.version, chromium: browserVersion, results: { node, browser: browserResults } };
if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(output, null, 2)}\n`);
}
for (const [where, results, total] of [
  [`Node ${process.version}`, node, "import + first verify"],
  [`Chromium ${browserVersion}`, browserResults, "from navigation"],
]) {
  console.log(`\n| ${where}: cold start | import | first verify | ${total} | spread |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const r of [...results].sort((a, b) => a.totalMs - b.totalMs)) {
    console.log(`| ${r.lib} | ${r.importMs.toFixed(1)} ms | ${r.firstVerifyMs.toFixed(1)} ms | ${r.totalMs.toFixed(1)} ms | ±${(r.spread * 100).toFixed(1)}% |`);
  }
}
