// The Rust worker's configuration under `wrangler dev` with a fresh local D1
// database: configuration it refuses to serve with, and what it tells the
// page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { call } from "./support/api-client.mjs";
import { startApiWorker } from "./support/api-worker.mjs";
import { generateSigningKey } from "../../scripts/signing-key.mjs";

let api;
let unseeded;
let badOrigins;
let badFlag;
let noPrivateKey;
let publicKeyOnly;
let wrongCurve;
let plainHttpIssuer;

before(async () => {
  const ed25519 = generateSigningKey("EdDSA");
  const issuers = { "https://idp.example": { jwksUrl: "http://idp.example/jwks.json", audience: "my-api" } };
  [api, unseeded, badOrigins, badFlag, noPrivateKey, publicKeyOnly, wrongCurve, plainHttpIssuer] = await Promise.all([
    startApiWorker(),
    startApiWorker({}, { seed: false }),
    startApiWorker({ CORS_ORIGINS: "https://ok.example, null" }),
    startApiWorker({ SEEDED_LOCAL_DATABASE: "yes" }),
    startApiWorker({ JWT_ALG: "EdDSA" }, { signingKey: false }),
    startApiWorker({ JWT_PRIVATE_JWK: JSON.stringify(ed25519.publicJwk) }),
    startApiWorker({ JWT_ALG: "ES256", JWT_PRIVATE_JWK: JSON.stringify(ed25519.privateJwk) }),
    startApiWorker({ TRUSTED_ISSUERS: JSON.stringify(issuers) }),
  ]);
});
after(async () => {
  const workers = [api, unseeded, badOrigins, badFlag, noPrivateKey, publicKeyOnly, wrongCurve, plainHttpIssuer];
  await Promise.all(workers.filter(Boolean).map((worker) => worker.stop()));
});

async function assertRefusesToServe(worker, logged) {
  const response = await call(worker, "GET", "/api/about");
  assert.equal(response.status, 500);
  assert.equal(response.json.code, "ERR_INTERNAL");
  for (let waited = 0; waited < 5_000 && !logged.test(worker.output()); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(worker.output(), logged);
}

describe("configuration", () => {
  test("a CORS_ORIGINS entry that is not scheme://host[:port], such as null: the worker refuses to serve and logs which", async () => {
    await assertRefusesToServe(badOrigins, /refuses to serve: CORS_ORIGINS: "null" is not an origin \(scheme:\/\/host\[:port\]/);
  });

  test("SEEDED_LOCAL_DATABASE other than true or false: the worker refuses to serve and logs why", async () => {
    await assertRefusesToServe(badFlag, /refuses to serve: SEEDED_LOCAL_DATABASE must be "true" or "false", not "yes"/);
  });

  test("JWT_ALG EdDSA without JWT_PRIVATE_JWK: the worker refuses to serve and logs why", async () => {
    await assertRefusesToServe(noPrivateKey, /refuses to serve: JWT_ALG is EdDSA but JWT_PRIVATE_JWK is not set/);
  });

  test("a public JWK in JWT_PRIVATE_JWK: the worker refuses to serve and logs why", async () => {
    await assertRefusesToServe(publicKeyOnly, /refuses to serve: JWT_PRIVATE_JWK is a public JWK/);
  });

  test("an Ed25519 JWK with JWT_ALG ES256: the worker refuses to serve and logs why", async () => {
    await assertRefusesToServe(wrongCurve, /refuses to serve: JWT_PRIVATE_JWK is a key for EdDSA, not for JWT_ALG ES256/);
  });

  test("a TRUSTED_ISSUERS entry whose jwksUrl is not https: the worker refuses to serve and logs which", async () => {
    await assertRefusesToServe(
      plainHttpIssuer,
      /refuses to serve: TRUSTED_ISSUERS: "https:\/\/idp\.example": jwksUrl "http:\/\/idp\.example\/jwks\.json" must be https:/,
    );
  });

  test("GET /api/about says whether the worker runs with the seeded local database", async () => {
    assert.deepEqual((await call(api, "GET", "/api/about")).json, { seededLocalDatabase: true });
    assert.deepEqual((await call(unseeded, "GET", "/api/about")).json, { seededLocalDatabase: false });
    assert.equal((await call(api, "POST", "/api/about")).status, 405);
  });
});
