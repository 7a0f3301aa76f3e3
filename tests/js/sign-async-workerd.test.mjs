// signAsync inside workerd (wrangler dev), from the package as users install
// it: ECDSA and Ed25519 signatures of private JWKs are made by WebCrypto
// after every other step in WebAssembly (pkg-template/remote-jwks/
// web-crypto-sign.js), and every token verifies as `sign`'s does, every
// error is `sign`'s. The worker counts WebCrypto's `sign` calls (they still
// run) to show which path ran; jose verifies the tokens in Node.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from "jose";
import { outcomeSource, startCheckWorker } from "./support/check-worker.mjs";

let worker;

before(async () => {
  worker = await startCheckWorker("jwt-edge-sign-async-check", `import { sign } from "jwt-edge";
import { signAsync } from "jwt-edge/remote-jwks";

let webCryptoSignatures = 0;
const subtleSign = crypto.subtle.sign.bind(crypto.subtle);
crypto.subtle.sign = (...args) => {
  webCryptoSignatures += 1;
  return subtleSign(...args);
};

${outcomeSource}

// POST [{ payload, key, options }] → per case the outcome of sign, of
// signAsync (twice: the second finds its key kept), and the WebCrypto
// signatures signAsync made.
export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const results = [];
    for (const { payload, key, options } of await request.json()) {
      const pure = await outcome(() => sign(payload, key, options));
      const before = webCryptoSignatures;
      const fast = await outcome(() => signAsync(payload, key, options));
      const again = await outcome(() => signAsync(payload, key, options));
      results.push({ pure, fast, again, webCryptoSignatures: webCryptoSignatures - before });
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
const claims = { sub: "user-1", iat: now, exp: now + 600 };

test("in workerd, signAsync signs ECDSA and Ed25519 private JWKs with WebCrypto, and the tokens verify as sign's do", async () => {
  const cases = [];
  const publicJwks = [];
  for (const alg of ["ES256", "ES384", "ES512", "EdDSA", "Ed25519"]) {
    const { publicKey, privateKey } = await generateKeyPair(alg === "Ed25519" ? "EdDSA" : alg, { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), alg, kid: `k-${alg}` };
    cases.push({ payload: claims, key: privateJwk, options: { alg } });
    publicJwks.push({ alg, publicJwk: { ...(await exportJWK(publicKey)), kid: `k-${alg}` } });
  }
  const results = await inWorkerd(cases);
  for (const [index, { pure, fast, again, webCryptoSignatures }] of results.entries()) {
    const { alg, publicJwk } = publicJwks[index];
    assert.equal(webCryptoSignatures, 2, `${alg}: ${JSON.stringify(fast)}`);
    assert.equal(typeof fast.value, "string", `${alg}: ${JSON.stringify(fast)}`);
    for (const token of [pure.value, fast.value, again.value]) {
      const verified = await jwtVerify(token, { ...publicJwk, alg: undefined }, { algorithms: [alg] });
      assert.deepEqual(verified.payload, claims, alg);
      assert.deepEqual(decodeProtectedHeader(token), decodeProtectedHeader(pure.value), alg);
    }
    // Header and payload alike; Ed25519's signatures are deterministic too.
    assert.equal(fast.value.split(".").slice(0, 2).join("."), pure.value.split(".").slice(0, 2).join("."), alg);
    if (alg === "EdDSA" || alg === "Ed25519") assert.equal(fast.value, pure.value, alg);
  }
});

test("in workerd, signAsync refuses what sign refuses with the same error, and signs secrets as sign does", async () => {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = await exportJWK(publicKey);
  const secret = "a-secret-that-is-long-enough-for-hs256-keys!";
  const cases = [
    { payload: claims, key: privateJwk, options: { alg: "EdDSA" }, refused: true },
    { payload: claims, key: privateJwk, options: { algorithm: "ES256" }, refused: true },
    { payload: claims, key: publicJwk, options: { alg: "ES256" }, refused: true },
    { payload: { exp: "soon" }, key: privateJwk, options: { alg: "ES256" }, refused: true },
    { payload: claims, key: { ...privateJwk, d: privateJwk.x }, options: { alg: "ES256" }, refused: true },
    { payload: claims, key: secret, options: { alg: "HS256" }, refused: false },
  ];
  const results = await inWorkerd(cases.map(({ payload, key, options }) => ({ payload, key, options })));
  for (const [index, { pure, fast, again, webCryptoSignatures }] of results.entries()) {
    assert.deepEqual(fast, pure, `case ${index}`);
    assert.deepEqual(again, pure, `case ${index}`);
    assert.equal(webCryptoSignatures, 0, `case ${index}`);
    assert.equal(pure.code !== undefined, cases[index].refused, `case ${index}: ${JSON.stringify(pure)}`);
  }
});
