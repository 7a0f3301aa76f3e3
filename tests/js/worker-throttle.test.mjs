// Login throttling and rate limits of the Rust worker under `wrangler dev`
// with a fresh local D1 database: attempts counted before the password is
// checked, per name and client address and per name, and the per-address
// rate limits of the Workers rate-limiting binding.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { call, clientAddress, registerAndLogin, uniqueName } from "./support/api-client.mjs";
import { startApiWorker } from "./support/api-worker.mjs";

let api;

before(async () => {
  api = await startApiWorker();
});
after(async () => {
  await api?.stop();
});

const fail = (username, ip) => call(api, "POST", "/api/login", { ip, body: { username, password: "not the password" } });

describe("lockout", () => {
  test("repeated failures lock the name for that client with growing delays: 429 with Retry-After", async () => {
    const { username, password } = await registerAndLogin(api);
    const ip = clientAddress();
    for (let i = 0; i < 5; i += 1) assert.equal((await fail(username, ip)).status, 401);
    const locked = await call(api, "POST", "/api/login", { ip, body: { username, password } });
    assert.equal(locked.status, 429, "even the right password waits");
    assert.equal(locked.json.code, "ERR_ACCOUNT_LOCKED");
    const retryAfter = Number(locked.headers.get("retry-after"));
    assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After ${retryAfter}`);
  });

  test("a successful login resets the failure count", async () => {
    const { username, password } = await registerAndLogin(api);
    const ip = clientAddress();
    for (let i = 0; i < 4; i += 1) assert.equal((await fail(username, ip)).status, 401);
    assert.equal((await call(api, "POST", "/api/login", { ip, body: { username, password } })).status, 200);
    for (let i = 0; i < 4; i += 1) assert.equal((await fail(username, ip)).status, 401, "counting starts again");
    assert.equal((await call(api, "POST", "/api/login", { ip, body: { username, password } })).status, 200);
  });

  test("50 parallel wrong passwords for one name: at most 5 are checked, the rest and the right password get 429", async () => {
    const { username, password } = await registerAndLogin(api);
    const ip = clientAddress();
    const results = await Promise.all(Array.from({ length: 50 }, () => fail(username, ip)));
    const checked = results.filter((result) => result.status === 401);
    const locked = results.filter((result) => result.status === 429);
    assert.ok(checked.length <= 5, `${checked.length} passwords were checked`);
    assert.equal(checked.length + locked.length, 50, results.map((result) => result.status).join(","));
    assert.ok(locked.every((result) => result.json.code === "ERR_ACCOUNT_LOCKED"));
    const right = await call(api, "POST", "/api/login", { ip, body: { username, password } });
    assert.equal(right.status, 429);
    assert.equal(right.json.code, "ERR_ACCOUNT_LOCKED");
  });

  test("one client's failures do not lock the name for a client at another address", async () => {
    const { username, password } = await registerAndLogin(api);
    const attacker = clientAddress();
    for (let i = 0; i < 20; i += 1) await fail(username, attacker);
    assert.equal((await fail(username, attacker)).status, 429, "the attacker is locked");
    const user = await call(api, "POST", "/api/login", { ip: clientAddress(), body: { username, password } });
    assert.equal(user.status, 200, "the real user, elsewhere, is not");
  });

  test("guesses spread over many addresses reach the looser per-name ceiling: 50, then the name is locked everywhere", async () => {
    const { username, password } = await registerAndLogin(api);
    const addresses = Array.from({ length: 10 }, clientAddress);
    const results = await Promise.all(
      addresses.map(async (ip) => {
        const statuses = [];
        for (let i = 0; i < 5; i += 1) statuses.push((await fail(username, ip)).status);
        return statuses;
      }),
    );
    assert.deepEqual(results.flat().filter((status) => status !== 401), [], "each address stays under its own limit");
    const elsewhere = await call(api, "POST", "/api/login", { ip: clientAddress(), body: { username, password } });
    assert.equal(elsewhere.status, 429);
    assert.equal(elsewhere.json.code, "ERR_ACCOUNT_LOCKED");
  });
});

/**
 * Sends `send()` until it is answered 429 and returns the statuses before it.
 * The limits count in fixed windows of a minute: a window can end during the
 * run and start the count again, so up to twice the limit may pass.
 */
async function untilLimited(send, limit) {
  const before = [];
  for (let i = 0; i <= 2 * limit; i += 1) {
    const response = await send();
    if (response.status === 429) {
      assert.equal(response.json.code, "ERR_RATE_LIMITED");
      assert.equal(response.headers.get("retry-after"), "60");
      return before;
    }
    before.push(response.status);
  }
  assert.fail(`no 429 after ${2 * limit + 1} requests`);
}

describe("rate limits per client address", () => {
  test("register: 10 a minute from one address, then 429 with Retry-After; another address goes on", async () => {
    const ip = clientAddress();
    const register = (address) =>
      call(api, "POST", "/api/register", { ip: address, body: { username: uniqueName("rate"), password: "a fine password" } });
    const before = await untilLimited(() => register(ip), 10);
    assert.ok(before.length >= 10, `limited after ${before.length}`);
    assert.deepEqual([...new Set(before)], [201]);
    assert.equal((await register(clientAddress())).status, 201);
  });

  test("login: 60 a minute from one address, counted before the body is read, then 429 with Retry-After", async () => {
    const ip = clientAddress();
    const before = await untilLimited(() => call(api, "POST", "/api/login", { ip, body: {} }), 60);
    assert.ok(before.length >= 60, `limited after ${before.length}`);
    assert.deepEqual([...new Set(before)], [400], "a login without a username is a bad request, but it counts");
  });
});
