// `jwt-edge/verify` in browsers verifies tokens in their own buffer with the
// strict checker, without the JSON parser (src/verify/in_place.rs); Node's
// build verifies with the parser. For the same corpus (tokens signed and
// forged, valid and broken, under every claim option) both give the same
// payload or the same error, in real Chromium.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import * as nodeVerify from "../../pkg/verify-node.js";
import { serveStatic } from "../../scripts/static-server.mjs";
import { launchChromium, runPage } from "./support/browser.mjs";
import { outcomes } from "./fixtures/verify-in-place/outcomes.js";

const SECRET = "a-string-secret-of-at-least-512-bits-for-hs256-hs384-and-hs512-tokens!";
const NOW = 1_700_000_000;
const base64url = (text) => Buffer.from(text).toString("base64url");

/** A token of the header's and payload's exact JSON texts, signed with `SECRET` by `hash`. */
function signed(header, payload, hash = "sha256") {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${createHmac(hash, SECRET).update(input).digest("base64url")}`;
}

const HEADERS = [
  ['{"alg":"HS256","typ":"JWT"}', "sha256"],
  ['{"\\u0061lg":"HS\\u0032\\u0035\\u0036","typ":"at\\u002bjwt"}', "sha256"],
  ['{"alg":"HS384","typ":"application/AT+JWT","kid":"k\\u00e9"}', "sha384"],
  ['{"alg":"HS256","crit":["exp"]}', "sha256"],
  ['{"alg":"HS256","alg":"HS256"}', "sha256"],
  ['{"alg":"none"}', "sha256"],
];

const PAYLOADS = [
  `{"iss":"https://issuer","sub":"user-1","aud":"api","exp":${NOW + 900},"iat":${NOW - 1000}}`,
  `{"iss":"https:\\/\\/issuer","sub":"user\\u002d1","aud":["web","a\\u0070i"],"exp":${NOW + 900}}`,
  `{"aud":[ "x" , "api\\"" ,"api"],"exp":1.7000009e9,"nbf":${NOW + 30},"role":"admin"}`,
  `{"exp":${NOW - 0.5}}`,
  `{"iat":${NOW + 100},"exp":${NOW + 900}}`,
  `{"\\u0072ole":"admin","sub":"user-1","exp":${NOW + 60}}`,
  `{"aud":["api",1],"exp":${NOW + 900}}`,
  `{"exp":${NOW + 900},"exp":${NOW + 900}}`,
  `{"exp":${NOW + 900},"x":{"y":[{"z":"\\ud83d\\ude00"}]},"pad":"${"p".repeat(20_000)}"}`,
  "[1]",
];

const OPTIONS = [
  {},
  { algorithms: ["HS256", "HS384"] },
  { issuer: ["https://issuer", "other"] },
  { audience: "api" },
  { audience: ["nobody", "web"] },
  { subject: "user-1" },
  { typ: "at+jwt" },
  { requiredClaims: ["role", "sub"] },
  { requiredClaims: [] },
  { maxAge: "10m" },
  { leeway: 60 },
  { maxTokenLength: 64 * 1024, algorithms: ["HS256", "HS384"] },
];

function corpus() {
  const cases = [];
  for (const [header, hash] of HEADERS) {
    for (const payload of PAYLOADS) {
      const token = signed(header, payload, hash);
      const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BA" : "AA"}`;
      for (const [index, options] of OPTIONS.entries()) {
        cases.push({ token, key: SECRET, options: { now: NOW, ...options }, keyed: index % 2 === 1 });
      }
      cases.push({ token: forged, key: SECRET, options: { now: NOW, maxTokenLength: 64 * 1024 } });
    }
  }
  for (const token of ["a.b", "a.b.c.d", ".e30.c2ln", "eyJhbGciOiJIUzI1NiJ9.!!!.c2ln", "eyJhbGciOiJIUzI1NiJ9.e30.!!!"]) {
    cases.push({ token, key: SECRET, options: { now: NOW } });
  }
  return cases;
}

test("jwt-edge/verify in Chromium judges every token of the corpus as Node's build does", async () => {
  const cases = corpus();
  const expected = outcomes(nodeVerify, cases);
  // The corpus reaches every kind of result: payloads and each rule's error.
  const kinds = new Set(expected.map((outcome) => outcome.code ?? "payload"));
  for (const kind of ["payload", "ERR_JWS_INVALID", "ERR_JWT_INVALID", "ERR_JOSE_ALG_NOT_ALLOWED", "ERR_JOSE_NOT_SUPPORTED", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "ERR_JWT_EXPIRED", "ERR_JWT_CLAIM_VALIDATION_FAILED"]) {
    assert.ok(kinds.has(kind), `the corpus has no case giving ${kind}`);
  }
  const claims = new Set(expected.map((outcome) => outcome.claim).filter(Boolean));
  for (const claim of ["iss", "aud", "sub", "typ", "role", "nbf", "iat", "exp"]) {
    assert.ok(claims.has(claim), `the corpus has no case failing "${claim}"`);
  }
  // The page fetches the corpus from a folder of its own.
  const data = mkdtempSync(join(tmpdir(), "jwt-edge-corpus-"));
  writeFileSync(join(data, "corpus.json"), JSON.stringify(cases));
  const server = await serveStatic({
    "/pkg/": new URL("../../pkg/", import.meta.url).pathname,
    "/data/": data,
    "/": new URL("./fixtures/verify-in-place/", import.meta.url).pathname,
  });
  const browser = await launchChromium();
  try {
    const { result, errors, requested } = await runPage(browser, `${server.url}/index.html`);
    assert.deepEqual(errors, []);
    assert.ok(requested.includes("/pkg/jwt_edge_verify_bg.wasm"), "the page loads the browsers' verify module");
    assert.equal(result.length, expected.length, JSON.stringify(result).slice(0, 200));
    for (const [index, outcome] of expected.entries()) {
      assert.deepEqual(result[index], outcome, `case ${index}: ${JSON.stringify(cases[index]).slice(0, 300)}`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(data, { recursive: true, force: true });
  }
});
