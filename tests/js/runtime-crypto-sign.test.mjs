// The package's Node entry hands the signature of ES256, ES384, ES512 and
// EdDSA (Ed25519) tokens signed with a private JWK to node:crypto, after every
// other step in WebAssembly (pkg-template/runtime-crypto/node-crypto.js); the
// glue's own `sign` and `Signer` are the pure-Rust path. Both must make
// tokens that verify (with the pure path and with jose), with the same header
// and claims, and refuse every bad input with the same error.
// node:crypto's `sign` and `createPrivateKey` are counted (they still run), to
// show which path ran and how often a key object was made.
import assert from "node:assert/strict";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { test } from "node:test";
import { importJWK, jwtVerify } from "jose";

const require = createRequire(import.meta.url);
const nodeCrypto = require("node:crypto");
const realSign = nodeCrypto.sign;
const realCreatePrivateKey = nodeCrypto.createPrivateKey;
let runtimeSignatures = 0;
let keyObjectsMade = 0;
nodeCrypto.sign = (...args) => {
  runtimeSignatures += 1;
  return realSign(...args);
};
nodeCrypto.createPrivateKey = (...args) => {
  keyObjectsMade += 1;
  return realCreatePrivateKey(...args);
};
syncBuiltinESMExports();

const jwt = await import("../../pkg/node.js");
// The same instance of the glue, which the entry wraps: the pure-Rust path.
const pure = await import("../../pkg/jwt_edge_speed.js");

const now = 1_700_000_000;
// Tokens that verify need an `exp`.
const at = { now, expiresIn: 600 };
const algorithms = ["ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
// ECDSA signatures from node:crypto are randomized (the pure path's follow
// RFC 6979): only Ed25519's tokens are the same on both paths.
const deterministic = (alg) => alg === "EdDSA" || alg === "Ed25519";

/** What a call gave: its value, or its error's class name, code, message, claim and reason. */
function outcome(call) {
  try {
    return { value: call() };
  } catch (error) {
    const { name, code, message, claim, reason } = error;
    return { name, code, message, claim, reason, thrown: true };
  }
}

/** Counts node:crypto's signatures while `call` runs. */
function counted(call) {
  const before = runtimeSignatures;
  const result = outcome(call);
  return { ...result, runtimeSignatures: runtimeSignatures - before };
}

const oneShot = (module, payload, key, options) => module.sign(payload, key, options);
const keyed = (module, payload, key, options) => new module.Signer(key, options).sign(payload);

/** The token's header and payload (its signing input). */
const signingInput = (token) => token.slice(0, token.lastIndexOf("."));

for (const alg of algorithms) {
  test(`${alg}: sign and Signer make tokens that verify with the pure path and jose, signed by node:crypto`, async () => {
    const { privateJwk, publicJwk } = pure.generateKeyPair(alg);
    const joseKey = await importJWK(publicJwk, alg);
    const options = { now, expiresIn: 600, issuer: "me" };
    for (const call of [oneShot, keyed]) {
      const expected = call(pure, { sub: "user-1" }, privateJwk, options);
      const got = counted(() => call(jwt, { sub: "user-1" }, privateJwk, options));
      assert.equal(got.runtimeSignatures, 1, `${call.name}: node:crypto signed`);
      const token = got.value;
      assert.equal(signingInput(token), signingInput(expected), `${call.name}: the same header and claims`);
      if (deterministic(alg)) assert.equal(token, expected, `${call.name}: Ed25519 signatures are deterministic`);
      const verifyOptions = { now: now + 1, algorithms: [alg] };
      assert.deepEqual(pure.verify(token, publicJwk, verifyOptions), { sub: "user-1", iat: now, exp: now + 600, iss: "me" });
      const { payload, protectedHeader } = await jwtVerify(token, joseKey, { currentDate: new Date((now + 1) * 1000) });
      assert.equal(payload.sub, "user-1");
      assert.deepEqual(protectedHeader, { alg, typ: "JWT", kid: publicJwk.kid });
      // And the pure path's token verifies where the fast path's does.
      assert.equal(pure.verify(expected, publicJwk, verifyOptions).sub, "user-1");
    }
  });
}

test("the glue's own sign and Signer stay the pure-Rust path: node:crypto signs nothing for them", () => {
  const { privateJwk } = pure.generateKeyPair("ES256");
  assert.equal(counted(() => pure.sign({ sub: "x" }, privateJwk)).runtimeSignatures, 0);
  assert.equal(counted(() => new pure.Signer(privateJwk).sign({ sub: "x" })).runtimeSignatures, 0);
});

test("HMAC secrets stay on the pure path, with its tokens", () => {
  const secret = "a-secret-that-is-long-enough-for-hs256-keys!";
  for (const key of [secret, new TextEncoder().encode(secret)]) {
    for (const call of [oneShot, keyed]) {
      const got = counted(() => call(jwt, { sub: "x" }, key, { now }));
      assert.equal(got.runtimeSignatures, 0);
      assert.equal(got.value, call(pure, { sub: "x" }, key, { now }));
    }
  }
});

test("a private JWK's key object is made once: for every one-shot call with the same JWK, and once per Signer", () => {
  const { privateJwk, publicJwk } = pure.generateKeyPair("ES256");
  const before = keyObjectsMade;
  for (let round = 0; round < 5; round += 1) jwt.sign({ sub: "x" }, privateJwk, at);
  // The same key written as another object with the same text is the same key.
  jwt.sign({ sub: "x" }, { ...privateJwk }, at);
  assert.equal(keyObjectsMade - before, 1);
  const signer = new jwt.Signer(privateJwk, at);
  for (let round = 0; round < 5; round += 1) assert.equal(pure.verify(signer.sign({ sub: "x" }), publicJwk, { now }).sub, "x");
  assert.equal(keyObjectsMade - before, 2);
});

test("a JWK object edited between calls signs with its new key, not the one read before", () => {
  const first = pure.generateKeyPair("EdDSA");
  const second = pure.generateKeyPair("EdDSA");
  const jwk = { ...first.privateJwk };
  const firstToken = jwt.sign({ sub: "x" }, jwk, at);
  Object.assign(jwk, { d: second.privateJwk.d, x: second.privateJwk.x, kid: second.privateJwk.kid });
  const secondToken = jwt.sign({ sub: "x" }, jwk, at);
  assert.equal(pure.verify(firstToken, first.publicJwk, { now }).sub, "x");
  assert.equal(pure.verify(secondToken, second.publicJwk, { now }).sub, "x");
  assert.equal(outcome(() => pure.verify(secondToken, first.publicJwk, { now })).code, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
});

/** Counts the texts `JSON.stringify` makes of `key` while `call` runs. */
function keyTexts(key, call) {
  const realStringify = JSON.stringify;
  let texts = 0;
  JSON.stringify = function (value, ...rest) {
    if (value === key) texts += 1;
    return realStringify.call(this, value, ...rest);
  };
  try {
    call();
  } finally {
    JSON.stringify = realStringify;
  }
  return texts;
}

test("a frozen key from importJwk is read once for every one-shot call with that very object, two such keys each with its own", () => {
  const pairs = [pure.generateKeyPair("ES256"), pure.generateKeyPair("EdDSA")];
  const keys = pairs.map(({ privateJwk }) => jwt.importJwk(privateJwk));
  assert.ok(keys.every((key) => Object.isFrozen(key)));
  const tokens = [];
  // One key, again and again: one text of it.
  assert.equal(keyTexts(keys[0], () => {
    for (let round = 0; round < 5; round += 1) tokens.push([0, jwt.sign({ sub: "x" }, keys[0], at)]);
  }), 1);
  // Two keys in turn: each read when it follows the other.
  const texts = keyTexts(keys[1], () => {
    for (let round = 0; round < 3; round += 1) {
      for (const index of [0, 1]) tokens.push([index, jwt.sign({ sub: "x" }, keys[index], at)]);
    }
  });
  assert.equal(texts, 3);
  for (const [index, token] of tokens) {
    assert.equal(pure.verify(token, pairs[index].publicJwk, { now }).sub, "x");
    assert.notEqual(outcome(() => pure.verify(token, pairs[1 - index].publicJwk, { now })).code, undefined);
  }
});

test("a frozen key whose member is a getter is read again every call, its getter's value taken each time", () => {
  const { privateJwk, publicJwk } = pure.generateKeyPair("EdDSA");
  let kid = "first";
  const { kid: _, ...members } = privateJwk;
  const key = Object.freeze(Object.defineProperty({ ...members }, "kid", { get: () => kid, enumerable: true }));
  const header = (token) => JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString());
  assert.equal(header(jwt.sign({ sub: "x" }, key, at)).kid, "first");
  kid = "second";
  const token = jwt.sign({ sub: "x" }, key, at);
  assert.equal(header(token).kid, "second");
  assert.equal(pure.verify(token, publicJwk, { now }).sub, "x");
});

test("more private JWKs than key objects are kept for still sign, each with its own key", () => {
  const pairs = Array.from({ length: 20 }, () => pure.generateKeyPair("EdDSA"));
  for (let round = 0; round < 2; round += 1) {
    for (const { privateJwk, publicJwk } of pairs) {
      const got = counted(() => jwt.sign({ sub: "x" }, privateJwk, at));
      assert.equal(got.runtimeSignatures, 1);
      assert.equal(got.value, pure.sign({ sub: "x" }, privateJwk, at));
      assert.equal(pure.verify(got.value, publicJwk, { now }).sub, "x");
    }
  }
});

// Every refusal of sign and Signer with a private JWK (tests/js_api): the
// same error, field for field, on both paths, for the one-shot call and for
// a Signer (made, then signing).
test("every bad input gives the same error on both paths", () => {
  const es256 = pure.generateKeyPair("ES256");
  const other = pure.generateKeyPair("ES256");
  const ed25519 = pure.generateKeyPair("EdDSA");
  const rsa = nodeCrypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const good = es256.privateJwk;
  const badKeys = {
    "a public JWK": es256.publicJwk,
    "a JWK Set": { keys: [good] },
    "an object without kty": { d: good.d },
    "d of another key": { ...good, d: other.privateJwk.d },
    "d too short": { ...good, d: good.d.slice(4) },
    "d not base64url": { ...good, d: `${good.d.slice(1)}=` },
    "d not a string": { ...good, d: 7 },
    "x missing": { ...good, x: undefined },
    "an Ed25519 JWK with y": { ...ed25519.privateJwk, y: ed25519.privateJwk.x },
    "key_ops without sign": { ...good, key_ops: ["verify"] },
    "use enc": { ...good, use: "enc" },
    "alg of another curve": { ...good, alg: "ES384" },
    "an RSA private JWK": rsa,
    "an array": [good],
    "a number": 7,
    null: null,
    undefined,
  };
  const badOptions = {
    "alg of another family": { alg: "ES384" },
    "alg HS256": { alg: "HS256" },
    "alg RS256": { alg: "RS256" },
    "alg EdDSA": { alg: "EdDSA" },
    "an unknown option": { algorithm: "ES256" },
    "expiresIn not a duration": { expiresIn: "soon" },
    "now past 2^53 s": { now: 2 ** 53, expiresIn: 10 },
    "keyId not a string": { keyId: 7 },
    "options not an object": "ES256",
  };
  const badPayloads = {
    "an array": [1],
    "a string": "{}",
    null: null,
    "exp not a number": { exp: "tomorrow" },
    "aud not a string or strings": { aud: [1] },
    "a BigInt": { n: 1n },
    "a throwing toJSON": { toJSON() { throw new Error("no"); } },
  };
  const cases = [
    ...Object.entries(badKeys).map(([what, key]) => [`key: ${what}`, { sub: "x" }, key, { now }]),
    ...Object.entries(badOptions).map(([what, options]) => [`options: ${what}`, { sub: "x" }, good, options]),
    ...Object.entries(badPayloads).map(([what, payload]) => [`payload: ${what}`, payload, good, { now }]),
    ["options and key both bad", { sub: "x" }, es256.publicJwk, { algorithm: "ES256" }],
    ["key and payload both bad", [1], es256.publicJwk, { now }],
  ];
  const codes = new Set();
  for (const [what, payload, key, options] of cases) {
    for (const call of [oneShot, keyed]) {
      const expected = outcome(() => call(pure, payload, key, options));
      const got = counted(() => call(jwt, payload, key, options));
      assert.equal(expected.thrown, true, `${what} (${call.name}): refused`);
      assert.deepEqual({ ...got, runtimeSignatures: undefined }, { ...expected, runtimeSignatures: undefined }, `${what} (${call.name})`);
      assert.equal(got.runtimeSignatures, 0, `${what} (${call.name})`);
      codes.add(got.code);
    }
  }
  for (const code of ["ERR_JWK_INVALID", "ERR_KEY_INVALID", "ERR_INVALID_OPTIONS", "ERR_JWT_INVALID"]) assert.ok(codes.has(code), [...codes].join(", "));
  // A good call after the refusals still signs through node:crypto.
  assert.equal(counted(() => jwt.sign({ sub: "x" }, good, { now })).runtimeSignatures, 1);
});

test("the CommonJS entry (require) hands signatures to node:crypto too", async () => {
  const cjs = require("../../pkg/node.cjs");
  for (const alg of ["ES256", "EdDSA"]) {
    const { privateJwk, publicJwk } = cjs.generateKeyPair(alg);
    for (const call of [oneShot, keyed]) {
      const got = counted(() => call(cjs, { sub: "x" }, privateJwk, at));
      assert.equal(got.runtimeSignatures, 1, alg);
      assert.equal(pure.verify(got.value, publicJwk, { now }).sub, "x");
      const { payload } = await jwtVerify(got.value, await importJWK(publicJwk, alg), { currentDate: new Date(now * 1000) });
      assert.equal(payload.sub, "x");
      assert.equal(outcome(() => call(cjs, { sub: "x" }, publicJwk, { now })).code, "ERR_JWK_INVALID");
    }
  }
});
