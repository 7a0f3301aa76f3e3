// The package's Node entry hands the signature check of RS*, PS*, ES* and EdDSA to
// node:crypto after every other check in WebAssembly
// (pkg-template/runtime-crypto/node-crypto.js); the glue's own exports are
// the pure-Rust path. Both must give the same result and the same error for
// every algorithm and every refusal: tokens jose signs, Wycheproof's JWS
// cases, and forged signatures. node:crypto's `verify` and `publicEncrypt`
// (RS*'s check) are counted (they still run), to show which path ran: the strict checks refuse their forgeries
// before the runtime ever sees them.
import assert from "node:assert/strict";
import { createPrivateKey, createPublicKey, constants, sign as cryptoSign } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { test } from "node:test";
import { CompactSign, exportJWK, generateKeyPair, SignJWT } from "jose";
import { ed25519Forgeries } from "./support/ed25519-forgery.mjs";

const require = createRequire(import.meta.url);
const nodeCrypto = require("node:crypto");
const realVerify = nodeCrypto.verify;
const realPublicEncrypt = nodeCrypto.publicEncrypt;
let runtimeChecks = 0;
nodeCrypto.verify = (...args) => {
  runtimeChecks += 1;
  return realVerify(...args);
};
// RS*'s check: the public operation alone (then compared with the encoded message).
nodeCrypto.publicEncrypt = (...args) => {
  runtimeChecks += 1;
  return realPublicEncrypt(...args);
};
syncBuiltinESMExports();

const jwt = await import("../../pkg/node.js");
// The same instance of the glue, which the entry wraps: the pure-Rust path.
const pure = await import("../../pkg/jwt_edge_speed.js");

const now = Math.floor(Date.now() / 1000);
const handedOver = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
const SIGNATURE_FAILED = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";

/** What a call gave: its value, or its error's class name, code, message, claim and reason. */
function outcome(call) {
  try {
    return { value: call() };
  } catch (error) {
    const { name, code, message, claim, reason } = error;
    return { name, code, message, claim, reason };
  }
}

/** Runs `call` on both paths; asserts the same outcome and returns it with the runtime checks the fast one made. */
function bothPaths(what, call) {
  const expected = outcome(() => call(pure));
  const before = runtimeChecks;
  const got = outcome(() => call(jwt));
  assert.deepEqual(got, expected, what);
  return { ...got, runtimeChecks: runtimeChecks - before };
}

const edit = (token, payload) => {
  const [header, , signature] = token.split(".");
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
};

for (const alg of handedOver) {
  test(`${alg}: verify, verifyWithHeader and Verifier give what the pure-Rust path gives, with node:crypto checking the signature`, async () => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: "k1", alg };
    const other = { ...(await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey)), kid: "k1", alg };
    const signed = (payload) => new SignJWT(payload).setProtectedHeader({ alg, kid: "k1" }).sign(privateKey);
    const good = await signed({ sub: "user-1", exp: now + 60 });
    const expired = await signed({ sub: "user-1", exp: now - 600 });
    const tokens = {
      good,
      expired,
      notJson: await new CompactSign(new TextEncoder().encode("not json")).setProtectedHeader({ alg, kid: "k1" }).sign(privateKey),
      edited: edit(good, { sub: "admin", exp: now + 60 }),
      editedAndExpired: edit(expired, { sub: "admin", exp: now - 600 }),
    };
    const keys = { jwk: publicJwk, set: { keys: [publicJwk] }, wrongKey: other, imported: pure.importJwk(publicJwk) };
    const expectedCodes = { good: undefined, expired: "ERR_JWT_EXPIRED", notJson: "ERR_JWT_INVALID", edited: SIGNATURE_FAILED, editedAndExpired: SIGNATURE_FAILED };
    for (const [tokenName, token] of Object.entries(tokens)) {
      for (const [keyName, key] of Object.entries(keys)) {
        const what = `${tokenName} with ${keyName}`;
        const code = keyName === "wrongKey" ? SIGNATURE_FAILED : expectedCodes[tokenName];
        const calls = [
          (module) => module.verify(token, key),
          (module) => module.verifyWithHeader(token, key),
          (module) => new module.Verifier(key).verify(token),
          (module) => new module.Verifier(key).verifyWithHeader(token),
        ];
        for (const call of calls) {
          const result = bothPaths(what, call);
          assert.equal(result.code, code, what);
          // Each call checks one signature, in node:crypto.
          // (Another RSA key's modulus may be below the signature: refused in WebAssembly.)
          if (keyName !== "wrongKey") assert.equal(result.runtimeChecks, 1, what);
        }
      }
    }
    assert.deepEqual(jwt.verify(good, publicJwk), { sub: "user-1", exp: now + 60 });
  });
}

test("HMAC secrets and oct JWKs stay on the pure path, with its results", async () => {
  const secret = "a-secret-that-is-long-enough-for-hs256-keys!";
  const token = await new SignJWT({ sub: "user-1" }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
  const oct = { kty: "oct", alg: "HS256", k: Buffer.from(secret).toString("base64url") };
  for (const key of [secret, new TextEncoder().encode(secret), oct, { keys: [oct] }]) {
    for (const call of [(m) => m.verify(token, key), (m) => new m.Verifier(key).verify(token), (m) => m.verify(edit(token, { sub: "x" }), key)]) {
      assert.equal(bothPaths("HS256", call).runtimeChecks, 0);
    }
  }
});

// Wycheproof's JWS cases (tests/vectors/json_web_signature_test.json) with
// an asymmetric key, each verified with its group's public JWK: their
// payloads are seldom JWT claims, so a good signature often ends in a claim
// error, which must come only after the signature, as in the pure path.
test("Wycheproof's JWS cases give the same result and code on both paths", () => {
  const vectors = JSON.parse(readFileSync(new URL("../vectors/json_web_signature_test.json", import.meta.url), "utf8"));
  let cases = 0;
  let runtime = 0;
  const codes = new Set();
  for (const group of vectors.testGroups) {
    if (!group.public) continue;
    for (const { tcId, jws } of group.tests) {
      if (typeof jws !== "string") continue;
      const allowed = { algorithms: handedOver };
      for (const [what, call] of [
        ["verify", (m) => m.verify(jws, group.public, allowed)],
        ["Verifier", (m) => new m.Verifier(group.public, allowed).verifyWithHeader(jws)],
        ["a JWK Set", (m) => m.verify(jws, { keys: [group.public] }, allowed)],
      ]) {
        const result = bothPaths(`tc ${tcId} through ${what}`, call);
        runtime += result.runtimeChecks;
        codes.add(result.code);
        cases += 1;
      }
    }
  }
  assert.ok(cases > 1000, `${cases} cases`);
  // node:crypto checked many of them, and both good and bad signatures were among them.
  assert.ok(runtime > 500, `${runtime} checked by node:crypto`);
  for (const code of [SIGNATURE_FAILED, "ERR_JWT_INVALID", "ERR_JWS_INVALID", "ERR_JWK_INVALID"]) assert.ok(codes.has(code), [...codes].join(", "));
});

/** A token of `alg` whose signature is `signature` (bytes), over a payload a Rust-side verdict would accept. */
const withSignature = (alg, signature) =>
  `${Buffer.from(JSON.stringify({ alg })).toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", exp: now + 60 })).toString("base64url")}.${Buffer.from(signature).toString("base64url")}`;

const curves = {
  ES256: { len: 32, order: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551" },
  ES384: { len: 48, order: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973" },
  ES512: { len: 66, order: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409" },
};

for (const [alg, { len, order }] of Object.entries(curves)) {
  test(`${alg}: r or s zero or not below the order, or a signature of another length, is refused before node:crypto sees it (CVE-2022-21449)`, async () => {
    const { publicKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), alg };
    const n = Buffer.from(order, "hex");
    const one = Buffer.alloc(len);
    one[len - 1] = 1;
    const forged = {
      "r = s = 0": Buffer.alloc(2 * len),
      "r = 0": Buffer.concat([Buffer.alloc(len), one]),
      "s = 0": Buffer.concat([one, Buffer.alloc(len)]),
      "r = n": Buffer.concat([n, one]),
      "s = n": Buffer.concat([one, n]),
      "one byte short": Buffer.alloc(2 * len - 1, 1),
      "one byte long": Buffer.alloc(2 * len + 1, 1),
    };
    for (const [what, signature] of Object.entries(forged)) {
      const result = bothPaths(what, (m) => m.verify(withSignature(alg, signature), jwk));
      assert.equal(result.code, SIGNATURE_FAILED, what);
      assert.equal(result.runtimeChecks, 0, `${what}: handed to node:crypto`);
    }
    // A well-formed wrong signature does reach it, and fails there.
    const result = bothPaths("r = s = 1", (m) => m.verify(withSignature(alg, Buffer.concat([one, one])), jwk));
    assert.deepEqual([result.code, result.runtimeChecks], [SIGNATURE_FAILED, 1]);
  });
}

test("RSA: a signature not exactly as long as the modulus, or not below it, is refused before node:crypto sees it", async () => {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), alg: "RS256" };
  const token = await new SignJWT({ sub: "x", exp: now + 60 }).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
  const signature = Buffer.from(token.split(".")[2], "base64url");
  const modulus = Buffer.from(jwk.n, "base64url");
  const forged = {
    "left-padded with a zero byte": Buffer.concat([Buffer.alloc(1), signature]),
    "without its first byte": signature.subarray(1),
    "the modulus itself": modulus,
    "all ones": Buffer.alloc(modulus.length, 0xff),
  };
  for (const [what, bytes] of Object.entries(forged)) {
    const [header, payload] = token.split(".");
    const result = bothPaths(what, (m) => m.verify(`${header}.${payload}.${bytes.toString("base64url")}`, jwk));
    assert.equal(result.code, SIGNATURE_FAILED, what);
    assert.equal(result.runtimeChecks, 0, `${what}: handed to node:crypto`);
  }
});

for (const [alg, hash, saltLength] of [["PS256", "sha256", 32], ["PS384", "sha384", 48], ["PS512", "sha512", 64]]) {
  test(`${alg}: a PSS salt of any length but the hash's (${saltLength} bytes) is refused on both paths`, async () => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), alg };
    const key = createPrivateKey({ key: await exportJWK(privateKey), format: "jwk" });
    const input = `${Buffer.from(JSON.stringify({ alg })).toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", exp: now + 60 })).toString("base64url")}`;
    for (const salt of [0, saltLength - 1, saltLength, saltLength + 1, 2 * saltLength]) {
      const signature = cryptoSign(hash, Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: salt });
      const result = bothPaths(`salt ${salt}`, (m) => m.verify(`${input}.${signature.toString("base64url")}`, jwk));
      assert.equal(result.code, salt === saltLength ? undefined : SIGNATURE_FAILED, `salt ${salt}`);
      assert.equal(result.runtimeChecks, 1);
    }
  });
}

test("EdDSA: an R of small order, a non-canonical R or S, are refused before node:crypto sees them, though node:crypto would accept the small-order forgery", () => {
  const { publicKey, privateKey } = nodeCrypto.generateKeyPairSync("ed25519");
  const { d, x } = privateKey.export({ format: "jwk" });
  const jwk = { kty: "OKP", crv: "Ed25519", x, alg: "EdDSA" };
  const input = Buffer.from(`${Buffer.from(JSON.stringify({ alg: "EdDSA" })).toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", exp: now + 60 })).toString("base64url")}`);
  const good = nodeCrypto.sign(null, input, privateKey);
  const forged = ed25519Forgeries({ d, x }, input, good);
  assert.equal(realVerify(null, input, publicKey, forged["R the identity, S = k·a"]), true, "node:crypto alone accepts the forgery");
  for (const [what, signature] of Object.entries(forged)) {
    const result = bothPaths(what, (m) => m.verify(`${input}.${signature.toString("base64url")}`, jwk));
    assert.equal(result.code, SIGNATURE_FAILED, what);
    assert.equal(result.runtimeChecks, 0, `${what}: handed to node:crypto`);
  }
  const result = bothPaths("the real signature", (m) => m.verify(`${input}.${good.toString("base64url")}`, jwk));
  assert.deepEqual([result.code, result.runtimeChecks], [undefined, 1]);
});

test("more keys than node:crypto's KeyObjects are kept for still verify, each with its own key", async () => {
  const pairs = await Promise.all(Array.from({ length: 20 }, () => generateKeyPair("ES256", { extractable: true })));
  const jwks = await Promise.all(pairs.map(async ({ publicKey }) => ({ ...(await exportJWK(publicKey)), alg: "ES256" })));
  const tokens = await Promise.all(pairs.map(({ privateKey }) => new SignJWT({ sub: "x", exp: now + 60 }).setProtectedHeader({ alg: "ES256" }).sign(privateKey)));
  for (let round = 0; round < 2; round += 1) {
    for (const [index, token] of tokens.entries()) {
      assert.equal(bothPaths(`key ${index}`, (m) => m.verify(token, jwks[index])).value.sub, "x");
      assert.equal(bothPaths(`key ${index + 1}`, (m) => m.verify(token, jwks[(index + 1) % jwks.length])).code, SIGNATURE_FAILED);
    }
  }
});

test("one RSA key without alg verifies RS256 and PS256 tokens, node:crypto checking each with its own algorithm", async () => {
  // A KeyObject signs with either padding (jose's CryptoKeys are bound to one).
  const { publicKey, privateKey } = nodeCrypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  const options = { algorithms: ["RS256", "PS256"] };
  const tokens = {};
  for (const alg of ["RS256", "PS256"]) {
    tokens[alg] = await new SignJWT({ sub: alg, exp: now + 60 }).setProtectedHeader({ alg }).sign(privateKey);
  }
  // The same signature under the other algorithm's header.
  const swapped = (from, to) => {
    const [, payload, signature] = tokens[from].split(".");
    return `${Buffer.from(JSON.stringify({ alg: to })).toString("base64url")}.${payload}.${signature}`;
  };
  for (let round = 0; round < 2; round += 1) {
    for (const alg of ["RS256", "PS256"]) {
      const result = bothPaths(alg, (m) => m.verify(tokens[alg], jwk, options));
      assert.deepEqual([result.value?.sub, result.runtimeChecks], [alg, 1], alg);
    }
    for (const [from, to] of [["RS256", "PS256"], ["PS256", "RS256"]]) {
      const result = bothPaths(`${from} signature as ${to}`, (m) => m.verify(swapped(from, to), jwk, options));
      assert.deepEqual([result.code, result.runtimeChecks], [SIGNATURE_FAILED, 1], `${from} as ${to}`);
    }
  }
});

test("node:crypto checks a signature in place in the WebAssembly memory even when that memory grew during the verification", async () => {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), alg: "ES256" };
  const signed = (payload) => new SignJWT(payload).setProtectedHeader({ alg: "ES256" }).sign(privateKey);
  const small = await signed({ sub: "small", exp: now + 60 });
  assert.equal(jwt.verify(small, jwk).sub, "small");
  // A token longer than the whole memory now: reading it grows the memory,
  // which detaches every view of it made before.
  const memory = pure.wasmMemory();
  const grownFrom = memory.buffer.byteLength;
  const big = await signed({ sub: "big", pad: "x".repeat(grownFrom), exp: now + 60 });
  const options = { maxTokenLength: big.length + 64 };
  for (const [token, code] of [[big, undefined], [edit(big, { sub: "admin", pad: "x".repeat(grownFrom), exp: now + 60 }), SIGNATURE_FAILED]]) {
    const result = bothPaths("big token", (m) => m.verify(token, jwk, options)?.sub);
    assert.deepEqual([result.value, result.code, result.runtimeChecks], [code ? undefined : "big", code, 1]);
  }
  assert.ok(memory.buffer.byteLength > grownFrom, "the memory grew");
  assert.deepEqual(bothPaths("small token after", (m) => m.verify(small, jwk).sub), { value: "small", runtimeChecks: 1 });
});

test("a verification started inside another (from JSON.parse) cannot take its hand-over: the outer forged signature still fails", async () => {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), alg: "ES256" };
  const good = await new SignJWT({ sub: "user-1", exp: now + 60 }).setProtectedHeader({ alg: "ES256" }).sign(privateKey);
  const forged = edit(good, { sub: "admin", exp: now + 60 });
  const realParse = JSON.parse;
  let nested = 0;
  // The payload is parsed after the signature was handed over: a
  // verification made there ends, and reads what it handed over, before
  // the outer one returns.
  JSON.parse = (...args) => {
    if (nested === 0) {
      nested += 1;
      try {
        assert.equal(jwt.verify(good, jwk).sub, "user-1");
        assert.equal(new jwt.Verifier(jwk).verify(good).sub, "user-1");
      } finally {
        nested -= 1;
      }
    }
    return realParse(...args);
  };
  try {
    for (const call of [() => jwt.verify(forged, jwk), () => new jwt.Verifier(jwk).verify(forged), () => jwt.verifyWithHeader(forged, jwk)]) {
      assert.throws(call, { code: SIGNATURE_FAILED });
    }
  } finally {
    JSON.parse = realParse;
  }
  assert.equal(jwt.verify(good, jwk).sub, "user-1");
});

test("the CommonJS entry (require) hands signatures to node:crypto too, with the same outcomes", async () => {
  const cjs = require("../../pkg/node.cjs");
  for (const alg of ["RS256", "ES256"]) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), alg };
    const token = await new SignJWT({ sub: "x", exp: now + 60 }).setProtectedHeader({ alg }).sign(privateKey);
    for (const [candidate, code] of [[token, undefined], [edit(token, { sub: "y", exp: now + 60 }), SIGNATURE_FAILED]]) {
      const before = runtimeChecks;
      const got = outcome(() => cjs.verify(candidate, jwk));
      assert.equal(runtimeChecks - before, 1, alg);
      assert.deepEqual(got, outcome(() => pure.verify(candidate, jwk)), alg);
      assert.equal(got.code, code, alg);
      assert.equal(outcome(() => new cjs.Verifier(jwk).verify(candidate)).code, code, alg);
    }
  }
});

// Wycheproof's raw signature files (tests/vectors): their messages are not
// tokens, so each signature is judged as the fast path judges one, in its
// two steps: the strict checks in WebAssembly (a token carrying the signature,
// verified with the file's key: handed to node:crypto or refused before it),
// then node:crypto's check as the fast path makes it (`signatureCheck`), over
// the message (for RS*, over its encoded message, written here from RFC 8017;
// ECDSA signatures DER-encoded here, as WebAssembly hands them over). Both together must decide as the pure-Rust path does, which
// tests/wycheproof_signatures.rs holds to the files' labels: `valid`
// verifies; `invalid`, and `acceptable` (PKCS#1 v1.5 without NULL), do not.
const rawFiles = {
  "ecdsa_secp256r1_sha256_p1363_test.json": "ES256",
  "ecdsa_secp384r1_sha384_p1363_test.json": "ES384",
  "ecdsa_secp521r1_sha512_p1363_test.json": "ES512",
  "rsa_signature_2048_sha256_test.json": "RS256",
  "rsa_signature_2048_sha384_test.json": "RS384",
  "rsa_signature_2048_sha512_test.json": "RS512",
  "rsa_signature_3072_sha256_test.json": "RS256",
  "rsa_signature_4096_sha512_test.json": "RS512",
  "rsa_pss_2048_sha256_mgf1_32_test.json": "PS256",
  "rsa_pss_4096_sha512_mgf1_64_test.json": "PS512",
  "ed25519_test.json": "EdDSA",
};

/** The JWK of an EC key that Wycheproof gives only as its uncompressed point (`04 || x || y`). */
// RFC 8017 §9.2, note 1: each hash's DigestInfo before its digest.
const digestInfo = {
  RS256: ["sha256", "3031300d060960864801650304020105000420"],
  RS384: ["sha384", "3041300d060960864801650304020205000430"],
  RS512: ["sha512", "3051300d060960864801650304020305000440"],
};

/** EMSA-PKCS1-v1_5 (RFC 8017 §9.2) of `message` for `alg`, `length` bytes: what an RS* signature must give. */
function pkcs1v15Encoding(alg, message, length) {
  const [hash, prefix] = digestInfo[alg];
  const t = Buffer.concat([Buffer.from(prefix, "hex"), nodeCrypto.createHash(hash).update(message).digest()]);
  return Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(length - t.length - 3, 0xff), Buffer.from([0]), t]);
}

/** `r || s` DER-encoded (RFC 3279 §2.2.3): how WebAssembly hands ECDSA signatures to node:crypto. */
function derSignature(rs) {
  const integer = (bytes) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const value = bytes[start] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes.subarray(start)]) : bytes.subarray(start);
    return Buffer.concat([Buffer.from([2, value.length]), value]);
  };
  const body = Buffer.concat([integer(rs.subarray(0, rs.length / 2)), integer(rs.subarray(rs.length / 2))]);
  return Buffer.concat([Buffer.from(body.length < 0x80 ? [0x30, body.length] : [0x30, 0x81, body.length]), body]);
}

function ecJwk({ curve, uncompressed }) {
  const point = Buffer.from(uncompressed, "hex").subarray(1);
  const half = point.length / 2;
  const crv = { secp256r1: "P-256", secp384r1: "P-384", secp521r1: "P-521" }[curve];
  return { kty: "EC", crv, x: point.subarray(0, half).toString("base64url"), y: point.subarray(half).toString("base64url") };
}

for (const [file, alg] of Object.entries(rawFiles)) {
  test(`Wycheproof's ${file}: the strict checks, then node:crypto as the fast path calls it, decide every case as the pure path does`, async () => {
    const { signatureCheck } = await import("../../pkg/node-crypto.js");
    const vectors = JSON.parse(readFileSync(new URL(`../vectors/${file}`, import.meta.url), "utf8"));
    const header = Buffer.from(JSON.stringify({ alg })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: "x", exp: now + 60 })).toString("base64url");
    let handed = 0;
    let cases = 0;
    for (const group of vectors.testGroups) {
      const jwk = { ...(group.publicKeyJwk ?? group.keyJwk ?? ecJwk(group.publicKey)), alg };
      delete jwk.kid;
      const key = createPublicKey({ key: jwk, format: "jwk" });
      const check = signatureCheck(alg, key);
      const handedOver = (message) => (alg in digestInfo ? pkcs1v15Encoding(alg, message, key.asymmetricKeyDetails.modulusLength / 8) : message);
      for (const { tcId, msg, sig, result } of group.tests) {
        const signature = Buffer.from(sig, "hex");
        const token = `${header}.${payload}.${signature.toString("base64url")}`;
        const strict = bothPaths(`tc ${tcId}`, (m) => m.verify(token, jwk));
        // The token's signing input is not the message: the signature fails, in WebAssembly or in node:crypto.
        assert.equal(strict.code, SIGNATURE_FAILED, `tc ${tcId}`);
        const passesStrictChecks = strict.runtimeChecks === 1;
        const handedSignature = alg.startsWith("ES") ? derSignature(signature) : signature;
        const runtimeSays = passesStrictChecks && check(handedOver(Buffer.from(msg, "hex")), handedSignature);
        assert.equal(runtimeSays, result === "valid", `tc ${tcId} (${result})`);
        handed += strict.runtimeChecks;
        cases += 1;
      }
    }
    assert.ok(handed > 0 && handed < cases, `${handed} of ${cases} passed the strict checks`);
  });
}
