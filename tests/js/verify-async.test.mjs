// verifyAsync from the package's `jwt-edge/remote-jwks` entry, against a real
// local JWK Set server: a remote set is fetched once and its keys verify
// tokens jose signs; what `verify` takes works unchanged; a secret published
// in a remote set is never used; a malformed token fetches nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { createRemoteJwks, verifyAsync } from "../../pkg/remote-jwks.js";
import { answer, startJwksServer } from "./support/jwks-server.mjs";

let server;
let rsa;
let publicJwk;
const now = Math.floor(Date.now() / 1000);

before(async () => {
  server = await startJwksServer();
  rsa = await generateKeyPair("RS256", { extractable: true });
  publicJwk = { ...(await exportJWK(rsa.publicKey)), kid: "r1", alg: "RS256", use: "sig" };
});
after(() => server?.close());

const rs256Token = (kid) =>
  new SignJWT({ sub: "user-1" }).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt(now).setExpirationTime(now + 60).sign(rsa.privateKey);

test("a remote JWK Set is fetched once and verifies an identity provider's RS256 tokens", async () => {
  server.routes["/jwks-once"] = answer({ keys: [publicJwk] });
  const jwks = createRemoteJwks(server.url("/jwks-once"));
  const token = await rs256Token("r1");
  assert.deepEqual(await verifyAsync(token, jwks), { sub: "user-1", iat: now, exp: now + 60 });
  assert.deepEqual(await verifyAsync(token, jwks, { algorithms: ["RS256"] }), { sub: "user-1", iat: now, exp: now + 60 });
  assert.equal(server.requests("/jwks-once"), 1);
  // A forged token fails with the same code as verify's.
  await assert.rejects(verifyAsync(`${token.slice(0, -4)}AAAA`, jwks), { name: "JwtError", code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
});

test("verifyAsync takes every key verify takes", async () => {
  const token = await rs256Token("r1");
  assert.equal((await verifyAsync(token, publicJwk)).sub, "user-1");
  assert.equal((await verifyAsync(token, { keys: [publicJwk] })).sub, "user-1");
  await assert.rejects(verifyAsync(token, "a-secret-that-is-long-enough-for-hs256-keys!"), { code: "ERR_JOSE_ALG_NOT_ALLOWED" });
});

test("a secret (oct) key in a remote set is never used, and an unknown kid is ERR_JWKS_NO_MATCHING_KEY", async () => {
  const secret = new TextEncoder().encode("a-published-secret-is-no-secret-at-all-0123456789");
  const oct = { kty: "oct", kid: "h1", alg: "HS256", k: Buffer.from(secret).toString("base64url") };
  server.routes["/jwks-oct"] = answer({ keys: [publicJwk, oct] });
  const jwks = createRemoteJwks(server.url("/jwks-oct"), { cooldown: "1h" });
  const hs256 = await new SignJWT({ sub: "admin" }).setProtectedHeader({ alg: "HS256", kid: "h1" }).setExpirationTime(now + 60).sign(secret);
  await assert.rejects(verifyAsync(hs256, jwks, { algorithms: ["HS256"] }), { code: "ERR_JWKS_NO_MATCHING_KEY" });
  await assert.rejects(verifyAsync(await rs256Token("r9"), jwks), { code: "ERR_JWKS_NO_MATCHING_KEY" });
});

test("a malformed token is refused before anything is fetched", async () => {
  server.routes["/jwks-untouched"] = answer({ keys: [publicJwk] });
  const jwks = createRemoteJwks(server.url("/jwks-untouched"));
  await assert.rejects(verifyAsync("not.a-token", jwks), { code: "ERR_JWS_INVALID" });
  assert.equal(server.requests("/jwks-untouched"), 0);
});

test("a token whose key is not in the set held fresh in memory still gets the one refetch after the cooldown (rotation)", async () => {
  const rotated = await generateKeyPair("RS256", { extractable: true });
  const rotatedJwk = { ...(await exportJWK(rotated.publicKey)), kid: "r2", alg: "RS256", use: "sig" };
  server.routes["/jwks-rotating"] = answer({ keys: [publicJwk] });
  let clockNow = now;
  const jwks = createRemoteJwks(server.url("/jwks-rotating"), { clock: () => clockNow, cacheMaxAge: "1h" });
  assert.equal((await verifyAsync(await rs256Token("r1"), jwks)).sub, "user-1");
  // The issuer rotates; the set in memory stays fresh for an hour.
  server.routes["/jwks-rotating"] = answer({ keys: [publicJwk, rotatedJwk] });
  const token = await new SignJWT({ sub: "user-2" }).setProtectedHeader({ alg: "RS256", kid: "r2" }).setIssuedAt(now).setExpirationTime(now + 60).sign(rotated.privateKey);
  await assert.rejects(verifyAsync(token, jwks), { code: "ERR_JWKS_NO_MATCHING_KEY" }, "within the cooldown: no refetch");
  assert.equal(server.requests("/jwks-rotating"), 1);
  clockNow += 30;
  assert.equal((await verifyAsync(token, jwks)).sub, "user-2");
  assert.equal(server.requests("/jwks-rotating"), 2);
});
