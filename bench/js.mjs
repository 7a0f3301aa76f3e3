// HS256 verify, sign and decode in Node (the V8 of Chrome and workerd): jwt-edge
// beside the libraries users would pick instead, in one process, on one token;
// and the same token signed with RS256, PS256, ES256 and EdDSA, verified (and
// signed with ES256 and EdDSA) by jwt-edge's pure-Rust path, its fastest path
// and the peers that have the algorithm (bench/js-asymmetric.mjs).
//
//   node bench/js.mjs [--quick] [--json target/bench/js.json] [--pkg DIR]
//
// (--pkg: another build of the package to measure, default pkg/.)
//
// Every case is first checked to do the real work (verify returns the payload,
// sign returns a token jwt-edge verifies, decode returns the claims). Then the
// cases are timed in interleaved rounds: each round runs every case once for
// about SAMPLE_MS, in an order shuffled each round, so slow drift of the
// machine (heat, other load) and what a case leaves the next hit all alike. A case's result is the median of its rounds' ops/s, with the
// interquartile range as the spread; ratios are between medians of this run.
//
// Beside them runs the WebAssembly floor (bench/wasm-floor, `make bench` builds
// it into target/wasm-floor): HMAC and base64url only, nothing checked, which
// shows how much time each target leaves for the checks.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as jose from "jose";
import { createDecoder, createSigner, createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import * as tsndr from "@tsndr/cloudflare-worker-jwt";
import * as honoJwt from "hono/jwt";
import { jwtDecode } from "jwt-decode";
import { answer, startJwksServer } from "../tests/js/support/jwks-server.mjs";
import { asymmetricKeys } from "./asymmetric-keys.mjs";
import { asymmetricComparisons, remoteJwksOverheads } from "./asymmetric-ratios.mjs";
import { asymmetricCases } from "./js-asymmetric.mjs";
import { speedBuildFiles } from "./speed-build.mjs";
import { median, spread } from "./stats.mjs";
import { accessClaims, secret, withBadSignature } from "./token.mjs";

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes("--quick");
const jsonOut = option("--json");
const pkgDir = pathToFileURL(`${resolve(option("--pkg") ?? new URL("../pkg", import.meta.url).pathname)}/`);
const edge = await import(new URL("node.js", pkgDir));
const remote = await import(new URL("remote-jwks.js", pkgDir));
// The pure-Rust path: the glue of the build the Node entry loads, called directly.
const speedBuild = speedBuildFiles("node-import");
const rust = await import(new URL(speedBuild.glue, pkgDir));
rust.initSync({ module: readFileSync(new URL(speedBuild.wasm, pkgDir)) });
// The floor (bench/wasm-floor, built by `make bench`): HMAC-SHA256 and base64url
// in WebAssembly, nothing checked.
const floor = await import(new URL("../target/wasm-floor/floor.js", import.meta.url));
floor.initSync({ module: readFileSync(new URL("../target/wasm-floor/floor_bg.wasm", import.meta.url)) });

const ROUNDS = quick ? 5 : 21;
const SAMPLE_MS = quick ? 20 : 40;
const WARMUP_MS = quick ? 100 : 400;

// The token: a realistic access token, the same bytes for every library.
const secretBytes = new TextEncoder().encode(secret);
const claims = accessClaims();
const token = edge.sign(claims, secret);
const cryptoKey = await crypto.subtle.importKey("raw", secretBytes, { name: "HMAC", hash: "SHA-256" }, false, [
  "sign",
  "verify",
]);
// The same claims signed with each asymmetric key; the public keys as a JWK
// Set served on 127.0.0.1, fetched once here and then from the remote set's cache.
const keys = await asymmetricKeys(claims);
const jwksServer = await startJwksServer({ "/jwks.json": answer({ keys: Object.values(keys).map((key) => key.publicJwk) }) });
const remoteJwks = remote.createRemoteJwks(jwksServer.url("/jwks.json"), { cacheMaxAge: "1h" });

// ------------------------------------------------------------------ cases
// kind: "verify" | "sign" | "decode"; fn returns what the library returns.

const edgeVerifier = new edge.Verifier(secret, { algorithms: ["HS256"] });
const edgeSigner = new edge.Signer(secret);
const fastVerify = createVerifier({ key: secret, algorithms: ["HS256"], cache: false });
const fastSign = createSigner({ key: secret, algorithm: "HS256" });
const fastDecode = createDecoder({ complete: false });
const joseVerifyOptions = { algorithms: ["HS256"] };
const floorKey = floor.FloorKey.prepare(secret, "HS256");

const cases = [
  // verify
  { kind: "verify", lib: "jwt-edge", api: "`verify` (one-shot)", fn: () => edge.verify(token, secret, { algorithms: ["HS256"] }) },
  { kind: "verify", lib: "jwt-edge", api: "`Verifier.verify` (keyed)", fn: () => edgeVerifier.verify(token) },
  { kind: "verify", lib: "jose", api: "`jwtVerify`, raw key", async: true, fn: async () => (await jose.jwtVerify(token, secretBytes, joseVerifyOptions)).payload },
  { kind: "verify", lib: "jose", api: "`jwtVerify`, `CryptoKey`", async: true, fn: async () => (await jose.jwtVerify(token, cryptoKey, joseVerifyOptions)).payload },
  { kind: "verify", lib: "fast-jwt", api: "`createVerifier`, cache off", fn: () => fastVerify(token) },
  { kind: "verify", lib: "jsonwebtoken", api: "`verify`", fn: () => jsonwebtoken.verify(token, secret, { algorithms: ["HS256"] }) },
  { kind: "verify", lib: "@tsndr/cloudflare-worker-jwt", api: "`verify`", async: true, fn: async () => (await tsndr.verify(token, secret, { algorithm: "HS256", throwError: true })).payload },
  { kind: "verify", lib: "hono", api: "`hono/jwt` `verify`", async: true, fn: () => honoJwt.verify(token, secret, "HS256") },
  // sign
  { kind: "sign", lib: "jwt-edge", api: "`sign` (one-shot)", fn: () => edge.sign(claims, secret) },
  { kind: "sign", lib: "jwt-edge", api: "`Signer.sign` (keyed)", fn: () => edgeSigner.sign(claims) },
  { kind: "sign", lib: "jose", api: "`SignJWT`, raw key", async: true, fn: () => new jose.SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(secretBytes) },
  { kind: "sign", lib: "jose", api: "`SignJWT`, `CryptoKey`", async: true, fn: () => new jose.SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(cryptoKey) },
  { kind: "sign", lib: "fast-jwt", api: "`createSigner`", fn: () => fastSign(claims) },
  { kind: "sign", lib: "jsonwebtoken", api: "`sign`", fn: () => jsonwebtoken.sign(claims, secret, { algorithm: "HS256" }) },
  { kind: "sign", lib: "@tsndr/cloudflare-worker-jwt", api: "`sign`", async: true, fn: () => tsndr.sign(claims, secret, "HS256") },
  { kind: "sign", lib: "hono", api: "`hono/jwt` `sign`", async: true, fn: () => honoJwt.sign(claims, secret, "HS256") },
  // decode (no verification)
  { kind: "decode", lib: "jwt-edge", api: "`decode` (header and payload)", fn: () => edge.decode(token).payload },
  { kind: "decode", lib: "jose", api: "`decodeJwt`", fn: () => jose.decodeJwt(token) },
  { kind: "decode", lib: "fast-jwt", api: "`createDecoder`", fn: () => fastDecode(token) },
  { kind: "decode", lib: "jsonwebtoken", api: "`decode`", fn: () => jsonwebtoken.decode(token) },
  { kind: "decode", lib: "@tsndr/cloudflare-worker-jwt", api: "`decode`", fn: () => tsndr.decode(token).payload },
  { kind: "decode", lib: "hono", api: "`hono/jwt` `decode`", fn: () => honoJwt.decode(token).payload },
  { kind: "decode", lib: "jwt-decode", api: "`jwtDecode`", fn: () => jwtDecode(token) },
  // The floor: what any WebAssembly verify, sign or decode pays at the least
  // (the token copied in, HMAC-SHA256, base64url, the payload's text out and
  // JSON.parse), with no check at all: not a verifier, a reference.
  { kind: "verify", lib: "WebAssembly floor", api: "keyed: HMAC-SHA256 and base64url, nothing checked", fn: () => JSON.parse(floorKey.verify(token)) },
  { kind: "verify", lib: "WebAssembly floor", api: "one-shot: the key prepared per call, nothing checked", fn: () => JSON.parse(floor.floorVerify(token, secret, "HS256")) },
  { kind: "sign", lib: "WebAssembly floor", api: "keyed: `JSON.stringify`, base64url and HMAC, nothing checked", fn: () => floorKey.sign(JSON.stringify(claims)) },
  { kind: "decode", lib: "WebAssembly floor", api: "the payload's base64url, nothing checked", fn: () => JSON.parse(floor.floorDecode(token)) },
].map((c) => ({ alg: "HS256", ...c }));
cases.push(...(await asymmetricCases({ edge, rust, remote, keys, remoteJwks, claims })));

// ------------------------------------------------------------------ checks

// Member order may differ (jwt-edge writes the registered claims first).
const canonical = (object) => JSON.stringify(Object.fromEntries(Object.entries(object).sort()));
function sameClaims(payload) {
  return canonical(payload) === canonical(claims);
}

// A signed token must verify with the algorithm's key (HS256: the secret).
const verifyingKey = (alg) => (alg === "HS256" ? secret : keys[alg].publicJwk);
for (const c of cases) {
  const result = await c.fn();
  const ok =
    c.kind === "sign"
      ? typeof result === "string" && sameClaims(edge.verify(result, verifyingKey(c.alg), { algorithms: [c.alg] }))
      : sameClaims(result);
  if (!ok) throw new Error(`${c.alg} ${c.lib} ${c.api} does not do the work: ${JSON.stringify(result)}`);
}

// The floor must pay for the HMAC it stands for: a token with another
// signature gets no payload.
const forged = withBadSignature(token);
if (floorKey.verify(forged) !== undefined || floor.floorVerify(forged, secret, "HS256") !== undefined) {
  throw new Error("the WebAssembly floor accepts a token with a wrong signature");
}

// ------------------------------------------------------------------ timing

// Each case gets its own loop function, so V8's feedback for the call in the
// loop is that case's alone (one shared loop would go megamorphic).
function makeLoop(c) {
  const body = c.async
    ? "let r; for (let i = 0; i < n; i++) r = await fn(); return r;"
    : "let r; for (let i = 0; i < n; i++) r = fn(); return r;";
  const AsyncFunction = (async () => {}).constructor;
  return c.async ? new AsyncFunction("fn", "n", body) : new Function("fn", "n", body);
}

let sink;
async function timed(c, n) {
  const start = process.hrtime.bigint();
  sink = await c.loop(c.fn, n);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

for (const c of cases) {
  c.loop = makeLoop(c);
  // Warm up (the JIT tiers up) and size a round to about SAMPLE_MS.
  let n = 16;
  let spent = 0;
  let done = 0;
  while (spent * 1000 < WARMUP_MS) {
    spent += await timed(c, n);
    done += n;
    n *= 2;
  }
  c.n = Math.max(1, Math.round((done / spent) * (SAMPLE_MS / 1000)));
  c.samples = [];
}

// Each round takes the cases in a new order (seeded, so that runs are alike):
// no case always follows the same one, whose garbage or compilation it could
// otherwise inherit in every round.
let seed = 0x9e3779b9;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
for (let round = 0; round < ROUNDS; round++) {
  const order = [...cases];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const c of order) c.samples.push(c.n / (await timed(c, c.n)));
  if (!quick) process.stderr.write(`\rround ${round + 1}/${ROUNDS}`);
}
if (!quick) process.stderr.write("\n");
if (sink === undefined) throw new Error("unreachable: keeps results alive");
// Every remote verify was served from the cache: one fetch, before the timing.
const jwksFetches = jwksServer.requests("/jwks.json");
await jwksServer.close();
if (jwksFetches !== 1) throw new Error(`the remote JWK Set was fetched ${jwksFetches} times, not once`);

const results = cases.map((c) => ({
  alg: c.alg,
  kind: c.kind,
  ...(c.path && { path: c.path }),
  lib: c.lib,
  api: c.api.replaceAll("`", ""),
  apiMarkdown: c.api,
  async: Boolean(c.async),
  median: median(c.samples),
  spread: spread(c.samples),
  min: Math.min(...c.samples),
  max: Math.max(...c.samples),
  rounds: c.samples.length,
}));

// ------------------------------------------------------------------ report

const find = (kind, lib, api) => results.find((r) => r.alg === "HS256" && r.kind === kind && r.lib === lib && r.api.startsWith(api));
const ratio = (a, b) => a.median / b.median;
// The targets. (Keyed verify and sign at 2× fast-jwt are retired: below, as
// regression guards.) One-shot against keyed is a time ratio: the one-shot
// call's time over the keyed call's, at most the goal (`atMost`).
const ratios = [
  { target: "HS256 verify, keyed: at least 20× jose (raw key)", value: ratio(find("verify", "jwt-edge", "Verifier"), find("verify", "jose", "jwtVerify, raw")), goal: 20 },
  { target: "HS256 verify, keyed, vs jose with a pre-imported `CryptoKey`", value: ratio(find("verify", "jwt-edge", "Verifier"), find("verify", "jose", "jwtVerify, CryptoKey")) },
  { target: "HS256 verify, keyed, vs fast-jwt (the retired 2× target; guarded at 1.4×)", value: ratio(find("verify", "jwt-edge", "Verifier"), find("verify", "fast-jwt", "")) },
  { target: "HS256 verify, one-shot with options: at most 1.15× the keyed call's time", value: ratio(find("verify", "jwt-edge", "Verifier"), find("verify", "jwt-edge", "verify")), goal: 1.15, atMost: true },
  { target: "HS256 sign, one-shot: at most 1.15× the keyed call's time", value: ratio(find("sign", "jwt-edge", "Signer"), find("sign", "jwt-edge", "sign")), goal: 1.15, atMost: true },
  { target: "decode: at least as fast as jose's decodeJwt", value: ratio(find("decode", "jwt-edge", "decode"), find("decode", "jose", "decodeJwt")), goal: 1 },
];

// Regression guards: below the targets, the ratios a change must not lose.
const guards = [
  { guard: "HS256 verify, keyed: at least 1.4× fast-jwt", value: ratio(find("verify", "jwt-edge", "Verifier"), find("verify", "fast-jwt", "")), floor: 1.4 },
  { guard: "HS256 sign, keyed: at least 1.3× fast-jwt", value: ratio(find("sign", "jwt-edge", "Signer"), find("sign", "fast-jwt", "")), floor: 1.3 },
].map((g) => ({ ...g, pass: g.value >= g.floor }));

// The asymmetric algorithms: jwt-edge's two paths beside the fastest peer,
// and what a remote JWK Set served from its cache adds to a verify.
const asymmetric = { comparisons: asymmetricComparisons(results), remoteJwks: { overheads: remoteJwksOverheads(results), fetches: jwksFetches } };

// What each target leaves for jwt-edge's checks: the time per call the target
// allows (1 / (goal × the peer's ops/s)) less the floor's, beside the time
// jwt-edge spends above the floor. A negative allowance means the target cannot
// be met by a WebAssembly library that checks nothing at all.
const ns = (r) => 1e9 / r.median;
const allowances = [
  { target: "HS256 verify, keyed: 1.4× fast-jwt (guard)", edge: find("verify", "jwt-edge", "Verifier"), peer: find("verify", "fast-jwt", ""), floor: find("verify", "WebAssembly floor", "keyed"), goal: 1.4 },
  { target: "HS256 sign, keyed: 1.3× fast-jwt (guard)", edge: find("sign", "jwt-edge", "Signer"), peer: find("sign", "fast-jwt", ""), floor: find("sign", "WebAssembly floor", "keyed"), goal: 1.3 },
  { target: "decode: at least as fast as jose's decodeJwt", edge: find("decode", "jwt-edge", "decode"), peer: find("decode", "jose", "decodeJwt"), floor: find("decode", "WebAssembly floor", "the payload"), goal: 1 },
].map(({ target, edge: e, peer, floor: f, goal }) => ({
  target,
  floorRatio: ratio(f, peer),
  floorNs: ns(f),
  allowedNs: ns(peer) / goal - ns(f),
  spentNs: ns(e) - ns(f),
}));

// Versions as installed (read from disk: not every package exports its package.json).
const versions = {};
for (const name of ["jose", "fast-jwt", "jsonwebtoken", "@tsndr/cloudflare-worker-jwt", "hono", "jwt-decode"]) {
  versions[name] = JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
}
versions["jwt-edge"] = JSON.parse(readFileSync(new URL("package.json", pkgDir), "utf8")).version;

const output = {
  node: process.version,
  v8: process.versions.v8,
  rounds: ROUNDS,
  sampleMs: SAMPLE_MS,
  token: { bytes: token.length, sha256: createHash("sha256").update(token).digest("hex").slice(0, 16), text: token },
  claims,
  versions,
  results,
  ratios,
  guards,
  allowances,
  asymmetric,
};

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(output, null, 2)}\n`);
}

const fmt = (x) => Math.round(x).toLocaleString("en-US");
const tableKinds = asymmetric.comparisons.map((c) => [c.alg, c.kind]);
const lines = [];
for (const [alg, kind] of [["HS256", "verify"], ["HS256", "sign"], ["HS256", "decode"], ...tableKinds]) {
  lines.push("", `| ${alg} ${kind} | ops/s (median) | spread (IQR) |`, "| --- | ---: | ---: |");
  for (const r of results.filter((x) => x.alg === alg && x.kind === kind).sort((a, b) => b.median - a.median)) {
    lines.push(`| ${r.lib} ${r.apiMarkdown}${r.async ? " (async)" : ""} | ${fmt(r.median)} | ±${(r.spread * 100).toFixed(1)}% |`);
  }
}
lines.push("", "| Target | Ratio | Met |", "| --- | ---: | :---: |");
for (const r of ratios) lines.push(`| ${r.target} | ${r.value.toFixed(2)}× | ${r.goal === undefined ? "–" : (r.atMost ? r.value <= r.goal : r.value >= r.goal) ? "yes" : "**no**"} |`);
lines.push("", "| Target | the floor | allowed above the floor | jwt-edge above the floor |", "| --- | ---: | ---: | ---: |");
for (const a of allowances) lines.push(`| ${a.target} | ${a.floorRatio.toFixed(2)}× | ${fmt(a.allowedNs)} ns | ${fmt(a.spentNs)} ns |`);
lines.push("", ...guards.map((g) => `Guard ${g.pass ? "PASS" : "FAIL"}: ${g.guard}: ${g.value.toFixed(2)}×`));
lines.push("", "| Asymmetric | jwt-edge pure Rust | jwt-edge fastest | fastest peer | fastest / peer | pure Rust / peer |", "| --- | ---: | ---: | ---: | ---: | ---: |");
for (const c of asymmetric.comparisons) {
  lines.push(`| ${c.alg} ${c.kind} | ${fmt(c.rust.median)} | ${fmt(c.fastest.median)} (${c.fastest.api}) | ${fmt(c.peer.median)} (${c.peer.lib} ${c.peer.api}) | ${c.fastestVsPeer.toFixed(2)}× | ${c.rustVsPeer.toFixed(2)}× |`);
}
lines.push("", "| Remote JWK Set from the cache | verifyAsync, JWK | verifyAsync, remote set | overhead |", "| --- | ---: | ---: | ---: |");
for (const o of asymmetric.remoteJwks.overheads) lines.push(`| ${o.alg} | ${fmt(o.direct)} | ${fmt(o.remote)} | ${o.overheadPercent.toFixed(1)}% |`);
console.log(`Token: ${token.length} bytes. Node ${process.version}.`);
console.log(lines.join("\n"));
