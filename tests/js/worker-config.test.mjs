// The Rust worker's configuration under `wrangler dev` with a fresh local D1
// database: configuration it refuses to serve with, and what it tells the
// page.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { call } from "./support/api-client.mjs";
import { startApiWorker } from "./support/api-worker.mjs";

const secret = () => randomBytes(48).toString("base64url");
let api;
let unseeded;
let badOrigins;
let badFlag;

before(async () => {
  [api, unseeded, badOrigins, badFlag] = await Promise.all([
    startApiWorker({ JWT_SECRET: secret() }),
    startApiWorker({ JWT_SECRET: secret() }, { seed: false }),
    startApiWorker({ JWT_SECRET: secret(), CORS_ORIGINS: "https://ok.example, null" }),
    startApiWorker({ JWT_SECRET: secret(), SEEDED_LOCAL_DATABASE: "yes" }),
  ]);
});
after(async () => {
  await Promise.all([api, unseeded, badOrigins, badFlag].filter(Boolean).map((worker) => worker.stop()));
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

  test("GET /api/about says whether the worker runs with the seeded local database", async () => {
    assert.deepEqual((await call(api, "GET", "/api/about")).json, { seededLocalDatabase: true });
    assert.deepEqual((await call(unseeded, "GET", "/api/about")).json, { seededLocalDatabase: false });
    assert.equal((await call(api, "POST", "/api/about")).status, 405);
  });
});
