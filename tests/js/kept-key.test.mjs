// One-shot `verify` keeps the JWK or JWK Set it read last (src/js/last_jwk.rs)
// and, in the Node and workerd build, knows the next call's key is the same by
// comparing its members with those it read (pkg-template/kept-key.js), not
// its text, or, when it is deeply frozen with data members only (a remote
// set's keys, an `importJwk` key), by identity. A key changed in place
// between two calls must be read again: every member, however deep, decides,
// and so does a `toJSON` that appears on a prototype.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as jwt from "../../pkg/node.js";

const SIGNATURE_FAILED = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
const codeOf = (call) => {
  try {
    call();
    return undefined;
  } catch (error) {
    return error.code;
  }
};
const pair = (alg) => {
  const { privateJwk, publicJwk } = jwt.generateKeyPair(alg);
  return { token: jwt.sign({ sub: "user-1" }, privateJwk, { alg, expiresIn: "5m" }), publicJwk };
};

test("a JWK changed in place between calls is read again", () => {
  const a = pair("ES256");
  const b = pair("ES256");
  const key = { ...a.publicJwk, kid: undefined };
  delete key.kid;
  assert.equal(jwt.verify(a.token, key).sub, "user-1");
  assert.equal(jwt.verify(a.token, key).sub, "user-1", "the same key, kept");
  Object.assign(key, { x: b.publicJwk.x, y: b.publicJwk.y });
  assert.equal(codeOf(() => jwt.verify(a.token, key)), SIGNATURE_FAILED, "A's token with B's members");
  assert.equal(jwt.verify(b.token, key).sub, "user-1");
});

test("a JWK Set changed in place, however deep, is read again", () => {
  const a = pair("EdDSA");
  const b = pair("EdDSA");
  const set = { keys: [a.publicJwk] };
  assert.equal(jwt.verify(a.token, set).sub, "user-1");
  assert.equal(codeOf(() => jwt.verify(b.token, set)), "ERR_JWKS_NO_MATCHING_KEY");
  set.keys.push(b.publicJwk);
  assert.equal(jwt.verify(b.token, set).sub, "user-1", "a key pushed into the kept set's array");
  set.keys[1] = { ...b.publicJwk, key_ops: ["verify"] };
  assert.equal(jwt.verify(b.token, set).sub, "user-1");
  set.keys[1].key_ops[0] = "sign";
  assert.equal(codeOf(() => jwt.verify(b.token, set)), "ERR_JWKS_NO_MATCHING_KEY", "a key_ops item changed in place");
  set.keys[1].key_ops[0] = "verify";
  set.keys[0].x = b.publicJwk.x;
  assert.equal(codeOf(() => jwt.verify(a.token, set)), SIGNATURE_FAILED, "a member of a key in the set changed in place");
});

test("a secret JWK changed in place is read again", () => {
  const secrets = ["a".repeat(32), "b".repeat(32)];
  const tokens = secrets.map((secret) => jwt.sign({ sub: "user-1" }, secret, { alg: "HS256", expiresIn: "5m" }));
  const key = { kty: "oct", alg: "HS256", k: Buffer.from(secrets[0]).toString("base64url") };
  assert.equal(jwt.verify(tokens[0], key).sub, "user-1");
  key.k = Buffer.from(secrets[1]).toString("base64url");
  assert.equal(codeOf(() => jwt.verify(tokens[0], key)), SIGNATURE_FAILED);
  assert.equal(jwt.verify(tokens[1], key).sub, "user-1");
});

const deepFreeze = (value) => {
  if (typeof value === "object" && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
};

test("a deeply frozen JWK Set is known by identity only while no toJSON can change its text", () => {
  const a = pair("EdDSA");
  const b = pair("EdDSA");
  const set = deepFreeze({ keys: [{ ...a.publicJwk, key_ops: ["verify"] }] });
  assert.equal(jwt.verify(a.token, set).sub, "user-1");
  assert.equal(jwt.verify(a.token, set).sub, "user-1", "the same frozen set, kept");
  // The set's text is now B's alone: A's key must not be used.
  Array.prototype.toJSON = () => [b.publicJwk];
  try {
    assert.equal(codeOf(() => jwt.verify(a.token, set)), "ERR_JWKS_NO_MATCHING_KEY");
    assert.equal(jwt.verify(b.token, set).sub, "user-1");
  } finally {
    delete Array.prototype.toJSON;
  }
  assert.equal(jwt.verify(a.token, set).sub, "user-1");
});

test("a frozen JWK Set with a getter inside is compared member by member every call", () => {
  const a = pair("EdDSA");
  const b = pair("EdDSA");
  let x = a.publicJwk.x;
  const key = { ...a.publicJwk };
  delete key.x;
  Object.defineProperty(key, "x", { get: () => x, enumerable: true });
  const set = deepFreeze({ keys: [key] });
  assert.equal(jwt.verify(a.token, set).sub, "user-1");
  assert.equal(jwt.verify(a.token, set).sub, "user-1");
  x = b.publicJwk.x;
  assert.equal(codeOf(() => jwt.verify(a.token, set)), SIGNATURE_FAILED, "the getter's new value decides");
});
