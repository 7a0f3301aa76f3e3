// The worker's signing keys under `wrangler dev` with a fresh local D1
// database: access tokens signed with its private key (EdDSA, wrangler.toml's
// default, and ES256), the public keys at /.well-known/jwks.json, jose
// verifying the tokens against that set, and a key rotation.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as jose from "jose";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { generateSigningKey, thumbprint } from "../../scripts/signing-key.mjs";
import { call } from "./support/api-client.mjs";
import { startApiWorker } from "./support/api-worker.mjs";

const [demoUser] = demoAccounts;
const claims = { issuer: "jwt-edge", audience: "jwt-edge-api", typ: "at+jwt" };
let api; // signs with an Ed25519 key given without kid
let rotating; // the worker restarted through a rotation

before(async () => {
  const { privateJwk } = generateSigningKey("EdDSA");
  const { kid, alg, ...withoutKid } = privateJwk;
  [api, rotating] = await Promise.all([
    startApiWorker({ JWT_PRIVATE_JWK: JSON.stringify(withoutKid) }, { signingKey: false }),
    startApiWorker(),
  ]);
});
after(async () => {
  await Promise.all([api, rotating].filter(Boolean).map((worker) => worker.stop()));
});

async function login(worker) {
  const response = await call(worker, "POST", "/api/login", {
    body: { username: demoUser.username, password: demoUser.password },
  });
  assert.equal(response.status, 200, response.text);
  return response.json.accessToken;
}

async function jwks(worker) {
  const response = await call(worker, "GET", "/.well-known/jwks.json");
  assert.equal(response.status, 200, response.text);
  return response;
}

describe("the key set", () => {
  test("GET /.well-known/jwks.json publishes the public key with its thumbprint as kid, alg and use, cacheable for 5 minutes", async () => {
    const { json, headers } = await jwks(api);
    assert.equal(json.keys.length, 1);
    const [key] = json.keys;
    assert.deepEqual(Object.keys(key).sort(), ["alg", "crv", "kid", "kty", "use", "x"]);
    assert.equal(key.d, undefined, "never the private key");
    assert.deepEqual([key.kty, key.crv, key.alg, key.use], ["OKP", "Ed25519", "EdDSA", "sig"]);
    // The worker computed the thumbprint; Node's and jose's are the same.
    assert.equal(key.kid, thumbprint(key));
    assert.equal(key.kid, await jose.calculateJwkThumbprint(key));
    assert.equal(headers.get("content-type"), "application/jwk-set+json");
    // ACCESS_TTL 900: a third of it.
    assert.equal(headers.get("cache-control"), "public, max-age=300");
    assert.equal(headers.get("access-control-allow-origin"), "*");
    assert.equal((await call(api, "POST", "/.well-known/jwks.json", { origin: api.url })).status, 405);
  });

  test("access tokens carry the key's kid and verify with jose against the worker's own key set", async () => {
    const token = await login(api);
    const { json } = await jwks(api);
    const header = jose.decodeProtectedHeader(token);
    assert.deepEqual(header, { alg: "EdDSA", typ: "at+jwt", kid: json.keys[0].kid });
    const remote = jose.createRemoteJWKSet(new URL("/.well-known/jwks.json", api.url));
    const { payload } = await jose.jwtVerify(token, remote, claims);
    assert.equal(payload.iss, "jwt-edge");
    // A token whose payload was edited fails.
    const [encodedHeader, , signature] = token.split(".");
    const forged = [encodedHeader, jose.base64url.encode(JSON.stringify({ ...payload, roles: ["admin"] })), signature].join(".");
    await assert.rejects(jose.jwtVerify(forged, remote, claims), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    assert.equal((await call(api, "GET", "/api/profile", { token: forged })).status, 401);
    assert.equal((await call(api, "GET", "/api/profile", { token })).status, 200);
  });

  test("a token signed by a key the worker does not publish is refused", async () => {
    const stranger = generateSigningKey("EdDSA");
    const token = await new jose.SignJWT({ sid: "f", roles: ["admin"] })
      .setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: stranger.kid })
      .setIssuer("jwt-edge")
      .setAudience("jwt-edge-api")
      .setSubject("u")
      .setJti("j")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(await jose.importJWK(stranger.privateJwk));
    const response = await call(api, "GET", "/api/profile", { token });
    assert.equal(response.status, 401);
    assert.equal(response.json.code, "ERR_JWKS_NO_MATCHING_KEY");
  });

  test("an HS256 token keyed with the published key set, under the published kid, is refused: keys decide the algorithm", async () => {
    const { text, json } = await jwks(api);
    const claimsOfAdmin = { sub: "u", sid: "f", jti: "j", roles: ["admin"] };
    for (const secret of [text, JSON.stringify(json.keys[0])]) {
      const token = await new jose.SignJWT(claimsOfAdmin)
        .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: json.keys[0].kid })
        .setIssuer("jwt-edge")
        .setAudience("jwt-edge-api")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(secret));
      const response = await call(api, "GET", "/api/profile", { token });
      assert.equal(response.status, 401);
      assert.equal(response.json.code, "ERR_JWKS_NO_MATCHING_KEY");
    }
  });
});

describe("rotation", () => {
  test("sign with A, rotate to B with A as previous: A's tokens still verify; A removed: A's tokens are refused", async () => {
    const keyA = rotating.signingKey;
    const keyB = generateSigningKey("ES256");
    const tokenA = await login(rotating);
    assert.equal(jose.decodeProtectedHeader(tokenA).kid, keyA.kid);
    assert.equal((await call(rotating, "GET", "/api/profile", { token: tokenA })).status, 200);

    // Step 1: A's public key, as published, becomes the previous key too (the
    // worker publishes it once).
    const previous = JSON.stringify((await jwks(rotating)).json.keys[0]);
    rotating = await rotating.restart({ JWT_PREVIOUS_PUBLIC_JWK: previous }, { signingKey: keyA });
    assert.deepEqual((await jwks(rotating)).json.keys.map(({ kid }) => kid), [keyA.kid]);
    assert.equal((await call(rotating, "GET", "/api/profile", { token: tokenA })).status, 200);

    // Step 2: B signs, A is still published and accepted.
    rotating = await rotating.restart(
      { JWT_ALG: "ES256", JWT_PRIVATE_JWK: JSON.stringify(keyB.privateJwk), JWT_PREVIOUS_PUBLIC_JWK: previous },
      { signingKey: keyB },
    );
    const during = await jwks(rotating);
    assert.deepEqual(during.json.keys.map(({ kid, alg }) => [kid, alg]), [[keyB.kid, "ES256"], [keyA.kid, "EdDSA"]]);
    assert.equal((await call(rotating, "GET", "/api/profile", { token: tokenA })).status, 200);
    const tokenB = await login(rotating);
    assert.deepEqual(jose.decodeProtectedHeader(tokenB), { alg: "ES256", typ: "at+jwt", kid: keyB.kid });
    assert.equal((await call(rotating, "GET", "/api/profile", { token: tokenB })).status, 200);
    const set = jose.createLocalJWKSet(during.json);
    await jose.jwtVerify(tokenA, set, claims);
    await jose.jwtVerify(tokenB, set, claims);

    // Step 3, once A's tokens have expired: A is removed, and a token of A left over is refused.
    rotating = await rotating.restart({ JWT_ALG: "ES256", JWT_PRIVATE_JWK: JSON.stringify(keyB.privateJwk) }, { signingKey: keyB });
    const afterwards = await jwks(rotating);
    assert.deepEqual(afterwards.json.keys.map(({ kid }) => kid), [keyB.kid]);
    const refused = await call(rotating, "GET", "/api/profile", { token: tokenA });
    assert.equal(refused.status, 401);
    assert.equal(refused.json.code, "ERR_JWKS_NO_MATCHING_KEY");
    assert.equal((await call(rotating, "GET", "/api/profile", { token: tokenB })).status, 200);
  });
});
