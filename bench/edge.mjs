// The edge part of `make bench`, under `wrangler dev` (local workerd):
// - HS256 verify inside a Worker for jwt-edge and the Workers-native peers.
//   Time does not advance inside a Workers request, so each library's cost is
//   (time of a request doing n verifications - time of one doing none) / n,
//   with n sized per library so that the first request takes about 100 ms;
// - the same for RS256, PS256, ES256 and EdDSA verify and ES256/EdDSA sign
//   (bench/edge/verify/asymmetric.js): jwt-edge's pure-Rust path (the glue of
//   the build the workerd entry loads, called directly) and its entries
//   (`verify`, `sign`, `verifyAsync` with the JWK, and with a remote JWK Set
//   from its cache, fetched from a local server), beside jose and hono;
// - GET /api/profile of the Rust worker against the same endpoint written in
//   JavaScript with jose, both running at once on copies of one seeded local
//   D1 database, loaded in turns by wrk (50 connections, 5 s, 3 rounds) on
//   loopback: the medians over the rounds of requests/s, p50 and p99;
//   then the same request with a well-formed access token whose signature is
//   wrong, which both workers verify and refuse (401) without touching D1, so
//   the difference between the two is the D1 query's share of a request;
//   and, loaded in the same turns, the jose worker's code with the token read
//   without verifying it (VERIFY=none): the ceiling, what the endpoint costs
//   under wrangler dev when verifying costs nothing;
// - the Rust worker's upload size (what `wrangler deploy` sends, gzipped).
// Writes target/bench/edge.json for bench/report.mjs.
//
// Options: --json <path> (write the result there), --quick (shorter runs, for
// iteration), --only verify|asymmetric|profile (one part: `verify` the loops
// inside a Worker, HS256 and asymmetric, `asymmetric` the latter alone,
// `profile` the load; the JSON is then incomplete and bench/report.mjs cannot
// read it).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import * as jwt from "../pkg/node.js";
import { demoAccounts } from "../scripts/local-d1.mjs";
import { answer, startJwksServer } from "../tests/js/support/jwks-server.mjs";
import { startWrangler } from "../tests/js/support/worker.mjs";
import { asymmetricKeys, portableKeys, signAlgorithms, verifyAlgorithms } from "./asymmetric-keys.mjs";
import { asymmetricComparisons, remoteJwksOverheads } from "./asymmetric-ratios.mjs";
import { joseWorker, rustWorker, startProfileWorkers } from "./edge/profile-workers.mjs";
import { median, spread } from "./stats.mjs";
import { speedBuildFiles } from "./speed-build.mjs";
import { accessClaims, withBadSignature } from "./token.mjs";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const jsonPath = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const quick = args.includes("--quick");
const execFileAsync = promisify(execFile);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
// Under load, wrangler's inspector proxy logs a few debug lines per D1 query and
// wrangler appends each to its log file: hundreds of megabytes per run. They go
// to a directory removed at the end.
const wranglerLogs = mkdtempSync(join(tmpdir(), "jwt-edge-bench-wrangler-logs-"));
process.env.WRANGLER_LOG_PATH = wranglerLogs;
process.on("exit", () => rmSync(wranglerLogs, { recursive: true, force: true }));

// ------------------------------------------------------------------ verify loop

const secret = "a-benchmark-secret-of-at-least-32-bytes!";
const now = Math.floor(Date.now() / 1000);
const token = jwt.sign(
  { roles: ["user", "admin"] },
  secret,
  { subject: "8f3c2a1e-4b7d-4e9a-a2c5-6d1f0e9b7c3a", issuer: "https://auth.example.com", audience: "https://api.example.com", expiresIn: 3600, jwtId: true, now },
);
const libs = [
  "jwt-edge Verifier",
  "jwt-edge verify",
  "jose jwtVerify (CryptoKey)",
  "jose jwtVerify (raw key)",
  "@tsndr/cloudflare-worker-jwt verify",
  "hono/jwt verify",
];

async function timeRequest(url) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

/**
 * The ops/s of each of the worker's cases in `group` (`{ params, check }`:
 * its `lib` and what it needs, and whether the last result of a request is
 * right): the median over rounds of n runs in one request less a request with
 * none. n is sized per case from an estimate of `estimateN` runs so that a
 * request runs for about 100 ms (at least `minN` runs; with --quick, about
 * 50 ms and at most 500 runs). Each round runs every case of the group once,
 * so that a drift of the machine hits them alike.
 */
async function measureGroup(worker, group, { estimateN, minN }) {
  const sized = [];
  for (const { params, check } of group) {
    const url = (n) => `${worker.url}/?${new URLSearchParams({ ...params, n: String(n) })}`;
    await timeRequest(url(estimateN / 10));
    const estimate = estimateN / Math.max((await timeRequest(url(estimateN))).ms - (await timeRequest(url(0))).ms, 1);
    const n = quick ? Math.min(500, Math.max(Math.round(estimate * 50), 10)) : Math.min(Math.max(Math.round(estimate * 100), minN), 100000);
    sized.push({ lib: params.lib, url, check, n, rounds: [] });
  }
  for (let round = 0; round < (quick ? 3 : 9); round += 1) {
    for (const c of sized) {
      const empty = (await timeRequest(c.url(0))).ms;
      const { ms, body } = await timeRequest(c.url(c.n));
      if (body.checked !== c.n) throw new Error(`${c.lib}: ${body.checked} of ${c.n} runs gave a result`);
      if (!c.check(body.last)) throw new Error(`${c.lib}: a wrong result: ${JSON.stringify(body.last)}`);
      c.rounds.push((c.n / Math.max(ms - empty, 0.001)) * 1000);
    }
  }
  return sized.map((c) => ({ median: median(c.rounds), spread: spread(c.rounds), n: c.n }));
}

async function verifyLoop(worker) {
  // jose and @tsndr/cloudflare-worker-jwt answer the payload with the header.
  const check = (last) => (last?.payload ?? last)?.sub === "8f3c2a1e-4b7d-4e9a-a2c5-6d1f0e9b7c3a";
  const measured = await measureGroup(worker, libs.map((lib) => ({ params: { lib, token, secret }, check })), { estimateN: 2000, minN: 2000 });
  const results = libs.map((lib, i) => ({ lib, opsPerSec: measured[i].median, spread: measured[i].spread }));
  for (const r of results) console.error(`edge verify: ${r.lib}: ${Math.round(r.opsPerSec)} ops/s`);
  // Regression guard: the keyed verify against jose with a CryptoKey.
  const ops = (lib) => results.find((r) => r.lib === lib).opsPerSec;
  const value = ops("jwt-edge Verifier") / ops("jose jwtVerify (CryptoKey)");
  const guards = [{ guard: "workerd HS256 verify, keyed: at least 1.8× jose (`CryptoKey`)", value, floor: 1.8, pass: value >= 1.8 }];
  return { token: token.length, results, guards };
}

// ------------------------------------------------------------------ asymmetric verify and sign loop

// Each case: the library, its call (together the worker's `lib`), and for
// jwt-edge its path (bench/asymmetric-ratios.mjs).
const asymmetricVerifyCases = [
  { lib: "jwt-edge", api: "glue verify, JWK (pure Rust)", path: "rust" },
  { lib: "jwt-edge", api: "verify, JWK", path: "entry" },
  { lib: "jwt-edge", api: "verifyAsync, JWK", path: "entry" },
  // Keyed, as the peers' `CryptoKey` is: the key read once.
  { lib: "jwt-edge", api: "verifyAsync, importJwk key", path: "entry" },
  { lib: "jwt-edge", api: "verifyAsync, remote JWK Set (cached)", path: "remote" },
  { lib: "jose", api: "jwtVerify, CryptoKey" },
  { lib: "jose", api: "jwtVerify, JWK" },
  { lib: "hono", api: "hono/jwt verify, CryptoKey" },
  { lib: "hono", api: "hono/jwt verify, JWK" },
];
const asymmetricSignCases = [
  { lib: "jwt-edge", api: "glue sign, private JWK (pure Rust)", path: "rust" },
  { lib: "jwt-edge", api: "sign, private JWK", path: "entry" },
  { lib: "jwt-edge", api: "signAsync, private JWK", path: "entry" },
  // Keyed, as the peers' `CryptoKey` is: the frozen key from importJwk read once.
  { lib: "jwt-edge", api: "signAsync, importJwk key", path: "entry" },
  { lib: "jose", api: "SignJWT, CryptoKey" },
  { lib: "jose", api: "SignJWT, JWK" },
  { lib: "hono", api: "hono/jwt sign, CryptoKey" },
  { lib: "hono", api: "hono/jwt sign, JWK" },
];

/**
 * The module the worker imports as `jwt-edge-speed-build` (its wrangler.toml):
 * the glue and the .wasm of the build the package's workerd entry loads.
 */
function writeSpeedBuildModule() {
  const { glue, wasm } = speedBuildFiles("workerd");
  mkdirSync(join(root, "target/bench"), { recursive: true });
  writeFileSync(
    join(root, "target/bench/edge-speed-build.js"),
    [
      "// Written by bench/edge.mjs: the glue and the .wasm of the build the workerd entry loads (bench/speed-build.mjs).",
      `import speedModule from ${JSON.stringify(join(root, "pkg", wasm))};`,
      `export { initSync, sign, verify } from ${JSON.stringify(join(root, "pkg", glue))};`,
      "export { speedModule };",
      "",
    ].join("\n"),
  );
}

async function asymmetricLoop(worker) {
  const claims = accessClaims();
  const keys = portableKeys(await asymmetricKeys(claims));
  const jwksServer = await startJwksServer({ "/jwks.json": answer({ keys: Object.values(keys).map((key) => key.publicJwk) }) });
  try {
    const results = [];
    // One group per algorithm and kind: its cases run in interleaved rounds.
    const runGroup = async (alg, kind, cases) => {
      const { token: algToken, publicJwk, privateJwk } = keys[alg];
      const params = { alg, token: algToken, publicJwk: JSON.stringify(publicJwk), jwks: jwksServer.url("/jwks.json") };
      if (kind === "sign") Object.assign(params, { privateJwk: JSON.stringify(privateJwk), claims: JSON.stringify(claims) });
      const check =
        kind === "sign"
          ? (signed) => jwt.verify(signed, publicJwk, { algorithms: [alg] }).sub === claims.sub
          : (payload) => payload?.sub === claims.sub;
      const group = cases.map((c) => ({ params: { ...params, lib: `${c.lib} ${c.api}` }, check }));
      const measured = await measureGroup(worker, group, { estimateN: 200, minN: 20 });
      cases.forEach((c, i) => {
        results.push({ alg, kind, ...c, ...measured[i] });
        console.error(`edge ${alg} ${kind}: ${c.lib} ${c.api}: ${Math.round(measured[i].median)} ops/s`);
      });
    };
    for (const alg of verifyAlgorithms) await runGroup(alg, "verify", asymmetricVerifyCases);
    for (const alg of signAlgorithms) await runGroup(alg, "sign", asymmetricSignCases);
    return {
      results,
      comparisons: asymmetricComparisons(results),
      // The isolate fetched the set once, then served it from its cache.
      remoteJwks: { overheads: remoteJwksOverheads(results), fetches: jwksServer.requests("/jwks.json") },
    };
  } finally {
    await jwksServer.close();
  }
}

/** The HS256 and the asymmetric loops, as `only` asks, on one worker. */
async function verifyLoops() {
  writeSpeedBuildModule();
  const worker = await startWrangler(join(root, "bench/edge/verify"));
  try {
    return {
      ...(only !== "asymmetric" && { verify: await verifyLoop(worker) }),
      asymmetric: await asymmetricLoop(worker),
    };
  } finally {
    await worker.stop();
  }
}

// ------------------------------------------------------------------ /api/profile under load

/**
 * wrk (one thread, `concurrency` connections) sending GET `url` with `token`
 * for `seconds`; a response counts as an error unless its status is
 * `expected.status` and its body contains `expected.text`
 * (bench/edge/wrk-check.lua). wrk runs as its own process, in C: the load costs
 * the two cores far less than a JavaScript client would.
 */
async function load(url, token, expected, { seconds, concurrency }) {
  const { stdout } = await execFileAsync(
    "wrk",
    [
      "-t1", `-c${concurrency}`, `-d${seconds}s`, "--timeout", "10s",
      "-H", `authorization: Bearer ${token}`,
      "-s", join(root, "bench/edge/wrk-check.lua"),
      url, "--", String(expected.status), expected.text,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const line = stdout.split("\n").find((text) => text.startsWith("RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const run = JSON.parse(line.slice("RESULT ".length));
  return {
    requests: run.requests,
    errors: run.wrong + run.socket_errors,
    rps: run.requests / (run.duration_us / 1e6),
    p50: run.p50_us / 1000,
    p99: run.p99_us / 1000,
  };
}

// Both workers write compact JSON.
const profileOk = { status: 200, text: `"username":${JSON.stringify(demoAccounts[1].username)}` };
const badSignatureRefused = { status: 401, text: '"code":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"' };

/** Both measurements on one running worker (only the first when it does not
 * verify: the ceiling), each after a one-second warm-up. */
async function measure(worker, verifies, accessToken, options) {
  const url = `${worker.url}/api/profile`;
  await load(url, accessToken, profileOk, { ...options, seconds: 1 });
  const profile = await load(url, accessToken, profileOk, options);
  if (!verifies) return { profile };
  const badToken = withBadSignature(accessToken);
  await load(url, badToken, badSignatureRefused, { ...options, seconds: 1 });
  const badSignature = await load(url, badToken, badSignatureRefused, options);
  return { profile, badSignature };
}

/** Over the rounds: requests/s, p50 and p99 each the median of the rounds'; requests and errors summed. */
function acrossRounds(runs) {
  return {
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    rounds: runs.map(({ rps, p99 }) => ({ rps, p99 })),
  };
}

/**
 * The workers run at once, each on its own copy of one seeded local D1
 * database, and are loaded in turns (which goes first rotating from round to
 * round), so that a drift of the machine hits all alike.
 */
async function profileLoad() {
  const verifies = (name) => name !== "ceiling";
  const rounds = quick ? 1 : 3;
  const options = { seconds: quick ? 3 : 5, concurrency: 50 };
  const { workers, accessToken, stop } = await startProfileWorkers(
    // HS256 on both, as the jose endpoint verifies (the worker's default is
    // EdDSA with a key of its own).
    { rust: rustWorker("JWT_ALG:HS256"), jose: joseWorker(), ceiling: joseWorker("VERIFY:none") },
    secret,
  );
  const names = Object.keys(workers);
  try {
    const runs = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
      for (const name of order) runs[name].push(await measure(workers[name], verifies(name), accessToken, options));
    }
    const summary = Object.fromEntries(
      Object.entries(runs).map(([name, list]) => [
        name,
        {
          profile: acrossRounds(list.map((run) => run.profile)),
          badSignature: verifies(name) ? acrossRounds(list.map((run) => run.badSignature)) : null,
        },
      ]),
    );
    const ms = (x) => x.toFixed(1);
    const line = (label, r) => `${label} ${Math.round(r.rps)} req/s (p50 ${ms(r.p50)}, p99 ${ms(r.p99)} ms, ${r.errors} errors)`;
    for (const [name, { profile, badSignature }] of Object.entries(summary)) {
      console.error(`edge profile: ${line(name, profile)}${badSignature ? `; ${line("bad signature", badSignature)}` : ""}`);
    }
    return {
      ...options,
      rounds,
      rust: summary.rust.profile,
      jose: summary.jose.profile,
      ceiling: summary.ceiling.profile,
      badSignature: { rust: summary.rust.badSignature, jose: summary.jose.badSignature },
    };
  } finally {
    await stop();
  }
}

// ------------------------------------------------------------------ upload size

function uploadSize() {
  const files = ["index.js", "index_bg.wasm"].map((name) => {
    const bytes = readFileSync(join(root, "worker/build", name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, file) => ({ bytes: sum.bytes + file.bytes, gzip: sum.gzip + file.gzip }), { bytes: 0, gzip: 0 });
  return { files, total };
}

const result = {
  ...(only !== "profile" && (await verifyLoops())),
  ...(only !== "verify" && only !== "asymmetric" && { profile: await profileLoad() }),
  ...(only !== "verify" && only !== "asymmetric" && { upload: uploadSize() }),
};
if (jsonPath) {
  mkdirSync(join(jsonPath, ".."), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify(result, null, 2));
}
console.log(JSON.stringify(result, null, 2));
