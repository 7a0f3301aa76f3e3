// verifyAsync inside workerd (wrangler dev), from the package as users
// install it: the signatures of RS*, PS*, ES* and EdDSA tokens are checked by
// WebCrypto after every other check in WebAssembly
// (pkg-template/remote-jwks/web-crypto.js), and every outcome is the one
// `verify` (the pure-Rust path there) gives, for tokens jose signs,
// Wycheproof's JWS cases and forged signatures. The worker counts WebCrypto's
// `verify` calls (they still run) to show which path ran.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { CompactSign, exportJWK, generateKeyPair, SignJWT } from "jose";
import { ed25519Forgeries } from "./support/ed25519-forgery.mjs";
import { outcomeSource, startCheckWorker } from "./support/check-worker.mjs";

let worker;

before(async () => {
  worker = await startCheckWorker("jwt-edge-verify-async-check", `import { verify } from "jwt-edge/jwk";
import { verifyAsync } from "jwt-edge/remote-jwks";

let webCryptoChecks = 0;
const subtleVerify = crypto.subtle.verify.bind(crypto.subtle);
crypto.subtle.verify = (...args) => {
  webCryptoChecks += 1;
  return subtleVerify(...args);
};

${outcomeSource}

// POST [{ token, key, options }] → per case the outcome of verify, of
// verifyAsync, and the WebCrypto checks verifyAsync made; POST { together }
// → the outcomes of verifyAsync for all those cases started at once.
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const body = await request.json();
    if (body.together) {
      return Response.json(await Promise.all(body.together.map(({ token, key }) => outcome(() => verifyAsync(token, key)))));
    }
    const results = [];
    for (const { token, key, options } of body) {
      const pure = await outcome(() => verify(token, key, options));
      const before = webCryptoChecks;
      const fast = await outcome(() => verifyAsync(token, key, options));
      results.push({ pure, fast, webCryptoChecks: webCryptoChecks - before });
    }
    return Response.json(results);
  },
};
`);
});
after(() => worker?.stop());

/** The worker's outcomes for `cases`. */
const inWorkerd = (cases) => worker.run(cases);

const now = Math.floor(Date.now() / 1000);
const SIGNATURE_FAILED = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
const handedOver = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

test("in workerd, verifyAsync gives what verify gives for every algorithm, with WebCrypto checking every signature", async () => {
  const cases = [];
  const expected = [];
  for (const alg of handedOver) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const key = { ...(await exportJWK(publicKey)), kid: "k1", alg };
    const signed = (payload) => new SignJWT(payload).setProtectedHeader({ alg, kid: "k1" }).sign(privateKey);
    const good = await signed({ sub: "user-1", exp: now + 60 });
    const expired = await signed({ sub: "user-1", exp: now - 600 });
    const [header, , signature] = good.split(".");
    const edited = `${header}.${Buffer.from(JSON.stringify({ sub: "admin", exp: now + 60 })).toString("base64url")}.${signature}`;
    const editedExpired = `${expired.split(".")[0]}.${Buffer.from(JSON.stringify({ sub: "admin", exp: now - 600 })).toString("base64url")}.${expired.split(".")[2]}`;
    const notJson = await new CompactSign(new TextEncoder().encode("not json")).setProtectedHeader({ alg }).sign(privateKey);
    const checked = 1;
    for (const [token, code] of [[good, undefined], [expired, "ERR_JWT_EXPIRED"], [edited, SIGNATURE_FAILED], [editedExpired, SIGNATURE_FAILED], [notJson, "ERR_JWT_INVALID"]]) {
      for (const form of [key, { keys: [key] }]) {
        cases.push({ token, key: form });
        expected.push({ alg, code, checked });
      }
    }
  }
  const results = await inWorkerd(cases);
  results.forEach(({ pure, fast, webCryptoChecks }, index) => {
    const { alg, code, checked } = expected[index];
    assert.deepEqual(fast, pure, `${alg} case ${index}`);
    assert.equal(fast.code, code, `${alg} case ${index}`);
    assert.equal(webCryptoChecks, checked, `${alg} case ${index}`);
  });
});

test("in workerd, verifyAsync refuses ECDSA r or s out of range, RSA signatures of the wrong length and Ed25519's small-order or non-canonical R and S before WebCrypto sees them, and PSS salts other than the hash's", async () => {
  const cases = [];
  const n = Buffer.from("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", "hex");
  const one = Buffer.alloc(32);
  one[31] = 1;
  const es = { ...(await exportJWK((await generateKeyPair("ES256", { extractable: true })).publicKey)), alg: "ES256" };
  const input = (alg) => `${Buffer.from(JSON.stringify({ alg })).toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", exp: now + 60 })).toString("base64url")}`;
  for (const signature of [Buffer.alloc(64), Buffer.concat([Buffer.alloc(32), one]), Buffer.concat([n, one]), Buffer.concat([one, n]), Buffer.alloc(63, 1)]) {
    cases.push({ token: `${input("ES256")}.${signature.toString("base64url")}`, key: es, checked: 0 });
  }
  const rsa = await generateKeyPair("RS256", { extractable: true });
  const rs = { ...(await exportJWK(rsa.publicKey)), alg: "RS256" };
  const token = await new SignJWT({ sub: "x", exp: now + 60 }).setProtectedHeader({ alg: "RS256" }).sign(rsa.privateKey);
  const [header, payload, signature] = token.split(".");
  const bytes = Buffer.from(signature, "base64url");
  for (const forged of [Buffer.concat([Buffer.alloc(1), bytes]), bytes.subarray(1), Buffer.from(rs.n, "base64url")]) {
    cases.push({ token: `${header}.${payload}.${forged.toString("base64url")}`, key: rs, checked: 0 });
  }
  const pss = await generateKeyPair("PS256", { extractable: true });
  const { createPrivateKey, sign, constants } = await import("node:crypto");
  const privateKey = createPrivateKey({ key: await exportJWK(pss.privateKey), format: "jwk" });
  const ps = { ...(await exportJWK(pss.publicKey)), alg: "PS256" };
  for (const saltLength of [0, 31, 64]) {
    const signed = sign("sha256", Buffer.from(input("PS256")), { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
    cases.push({ token: `${input("PS256")}.${signed.toString("base64url")}`, key: ps, checked: 1 });
  }
  const ed = await generateKeyPair("EdDSA", { extractable: true });
  const edJwk = await exportJWK(ed.privateKey);
  const { d, x } = edJwk;
  const edInput = Buffer.from(input("EdDSA"));
  const good = sign(null, edInput, createPrivateKey({ key: edJwk, format: "jwk" }));
  for (const forged of Object.values(ed25519Forgeries({ d, x }, edInput, good))) {
    cases.push({ token: `${input("EdDSA")}.${forged.toString("base64url")}`, key: { kty: "OKP", crv: "Ed25519", x, alg: "EdDSA" }, checked: 0 });
  }
  const results = await inWorkerd(cases.map(({ token, key }) => ({ token, key })));
  results.forEach(({ pure, fast, webCryptoChecks }, index) => {
    assert.deepEqual(fast, pure, `case ${index}`);
    assert.equal(fast.code, SIGNATURE_FAILED, `case ${index}`);
    assert.equal(webCryptoChecks, cases[index].checked, `case ${index}`);
  });
});

test("in workerd, Wycheproof's JWS cases give the same outcome through verifyAsync as through verify", async () => {
  const vectors = JSON.parse(readFileSync(new URL("../vectors/json_web_signature_test.json", import.meta.url), "utf8"));
  const cases = [];
  for (const group of vectors.testGroups) {
    if (!group.public) continue;
    for (const { jws } of group.tests) {
      if (typeof jws === "string") cases.push({ token: jws, key: group.public, options: { algorithms: handedOver } });
    }
  }
  const results = await inWorkerd(cases);
  let checked = 0;
  results.forEach(({ pure, fast, webCryptoChecks }, index) => {
    assert.deepEqual(fast, pure, `case ${index}: ${cases[index].token.slice(0, 40)}`);
    checked += webCryptoChecks;
  });
  assert.ok(cases.length > 300 && checked > 150, `${checked} of ${cases.length} checked by WebCrypto`);
});

test("in workerd, verifications started together each check their own signature, though each awaits its key's import", async () => {
  // Each verification hands its bytes over in the WebAssembly memory, where
  // the next one hands over its own: one awaiting a new key's import must
  // have taken its own bytes first, or the good token would be checked
  // against the forged one's bytes and refused, and the forged one accepted.
  for (const alg of ["ES256", "RS256", "EdDSA"]) {
    for (const goodFirst of [true, false]) {
      // A new key each time: one not imported yet.
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const key = { ...(await exportJWK(publicKey)), alg };
      const good = await new SignJWT({ sub: "user-1", exp: now + 60 }).setProtectedHeader({ alg }).sign(privateKey);
      const [header, , signature] = good.split(".");
      const forged = `${header}.${Buffer.from(JSON.stringify({ sub: "admin", exp: now + 60 })).toString("base64url")}.${signature}`;
      const tokens = goodFirst ? [good, forged] : [forged, good];
      const outcomes = await worker.run({ together: tokens.map((token) => ({ token, key })) });
      assert.deepEqual(
        outcomes.map((outcome) => outcome.code ?? outcome.value.sub),
        tokens.map((token) => (token === good ? "user-1" : SIGNATURE_FAILED)),
        alg,
      );
    }
  }
});
