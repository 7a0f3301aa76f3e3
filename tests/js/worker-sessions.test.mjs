// Sessions of the Rust worker under `wrangler dev` with a fresh local D1
// database: revoking a session reaches its access tokens, logout everywhere,
// the absolute session lifetime, and one refresh cookie per request.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { accessCookie, call, cookieHeader, registerAndLogin } from "./support/api-client.mjs";
import { parseSetCookies, startApiWorker } from "./support/api-worker.mjs";

let api;
let shortSessions; // sessions of 6 s, refresh tokens of a day

before(async () => {
  [api, shortSessions] = await Promise.all([
    startApiWorker(),
    startApiWorker({ SESSION_MAX_AGE: "6", REFRESH_TTL: "86400" }),
  ]);
});
after(async () => {
  await Promise.all([api, shortSessions].filter(Boolean).map((worker) => worker.stop()));
});

const refresh = (refreshToken) => call(api, "POST", "/api/refresh", { body: { refreshToken } });
const profile = (token) => call(api, "GET", "/api/profile", { token });

async function assertRevoked(accessToken, what) {
  const response = await profile(accessToken);
  assert.equal(response.status, 401, what);
  assert.equal(response.json.code, "ERR_TOKEN_REVOKED", what);
}

describe("revoking a session revokes its access tokens", () => {
  test("reuse detected: the thief's access token gets 401 at once", async () => {
    const { login } = await registerAndLogin(api);
    const thief = await refresh(login.json.refreshToken);
    assert.equal(thief.status, 200);
    assert.equal((await profile(thief.json.accessToken)).status, 200, "control");
    const victim = await refresh(login.json.refreshToken);
    assert.equal(victim.json.code, "ERR_REFRESH_TOKEN_REUSED");
    await assertRevoked(thief.json.accessToken, "the thief's access token");
    await assertRevoked(login.json.accessToken, "the victim's older access token");
  });

  test("logout in one tab: the other tab's access token of the same session gets 401", async () => {
    const { login } = await registerAndLogin(api);
    const otherTab = login.json.accessToken;
    const rotated = await refresh(login.json.refreshToken);
    assert.equal((await profile(otherTab)).status, 200, "control");
    const logout = await call(api, "POST", "/api/logout", {
      token: rotated.json.accessToken,
      body: { refreshToken: rotated.json.refreshToken },
    });
    assert.equal(logout.status, 204);
    await assertRevoked(otherTab, "the other tab's access token");
  });

  test("logout-all: every session's access and refresh tokens get 401, and the cookies are cleared", async () => {
    const { username, password, login: first } = await registerAndLogin(api);
    const second = await call(api, "POST", "/api/login", { body: { username, password, mode: "cookie" } });
    const other = await registerAndLogin(api);
    const logoutAll = await call(api, "POST", "/api/logout-all", { cookie: cookieHeader(second.response) });
    assert.equal(logoutAll.status, 204);
    assert.deepEqual(
      parseSetCookies(logoutAll.response).map((cookie) => [cookie.name, cookie.value, cookie.attributes["max-age"]]),
      [
        ["__Host-access", "", "0"],
        ["__Secure-refresh", "", "0"],
        ["__Secure-refresh", "", "0"],
      ],
    );
    await assertRevoked(first.json.accessToken, "the first session");
    await assertRevoked(accessCookie(second.response), "the session that logged out everywhere");
    assert.equal((await refresh(first.json.refreshToken)).json.code, "ERR_REFRESH_TOKEN_REVOKED");
    const secondRefresh = await call(api, "POST", "/api/refresh", { cookie: cookieHeader(second.response) });
    assert.equal(secondRefresh.json.code, "ERR_REFRESH_TOKEN_REVOKED");
    assert.equal((await profile(other.login.json.accessToken)).status, 200, "another account keeps its session");
    assert.equal((await call(api, "POST", "/api/logout-all")).status, 401, "without a token");
    assert.equal((await call(api, "GET", "/api/logout-all")).status, 405);
  });

  test("refreshes racing a logout: whatever they were issued is refused once both are done", async () => {
    const { login } = await registerAndLogin(api);
    let refreshToken = login.json.refreshToken;
    let accessToken = login.json.accessToken;
    const issued = [];
    for (let round = 0; round < 5; round += 1) {
      const rotated = await refresh(refreshToken);
      assert.equal(rotated.status, 200);
      ({ refreshToken, accessToken } = rotated.json);
    }
    const [raced] = await Promise.all([
      refresh(refreshToken),
      call(api, "POST", "/api/logout", { token: accessToken, body: { refreshToken } }),
    ]);
    if (raced.status === 200) issued.push(raced.json);
    for (const tokens of issued) {
      await assertRevoked(tokens.accessToken, "an access token issued during the logout");
      assert.equal((await refresh(tokens.refreshToken)).status, 401);
    }
    await assertRevoked(accessToken, "the access token that logged out");
  });
});

describe("session lifetime", () => {
  test("refreshing never extends a session past SESSION_MAX_AGE: then 401 session_expired", async () => {
    const { login } = await registerAndLogin(shortSessions, "cookie");
    const { iat } = JSON.parse(Buffer.from(accessCookie(login.response).split(".")[1], "base64url"));
    const rotated = await call(shortSessions, "POST", "/api/refresh", { cookie: cookieHeader(login.response) });
    assert.equal(rotated.status, 200, "within the session");
    const refreshCookie = parseSetCookies(rotated.response).find((cookie) => cookie.name === "__Secure-refresh");
    const maxAge = Number(refreshCookie.attributes["max-age"]);
    assert.ok(maxAge > 0 && maxAge <= 6, `the refresh cookie ends with the session, not in a day: Max-Age ${maxAge}`);
    // Wait until the session's end by the worker's clock (whole seconds).
    while (Math.floor(Date.now() / 1000) < iat + 7) await new Promise((resolve) => setTimeout(resolve, 250));
    const expired = await call(shortSessions, "POST", "/api/refresh", { cookie: cookieHeader(rotated.response) });
    assert.equal(expired.status, 401);
    assert.equal(expired.json.error, "session_expired");
    assert.equal(expired.json.code, "ERR_SESSION_EXPIRED");
  });
});

describe("one refresh cookie per request", () => {
  test("a request carrying the refresh cookie twice is refused, in either order: 401 and the cookies cleared", async () => {
    const { login } = await registerAndLogin(api, "cookie");
    const ours = cookieHeader(login.response);
    const planted = "__Secure-refresh=planted-by-a-sibling-subdomain";
    for (const [path, cookie] of [
      ["/api/refresh", `${planted}; ${ours}`],
      ["/api/refresh", `${ours}; ${planted}`],
      ["/api/logout", `${ours}; ${planted}`],
    ]) {
      const response = await call(api, "POST", path, { cookie });
      assert.equal(response.status, 401, `${path}: ${cookie}`);
      assert.equal(response.json.code, "ERR_REFRESH_COOKIE_DUPLICATED");
      assert.deepEqual(
        parseSetCookies(response.response).map((c) => [c.name, c.value, c.attributes.path, c.attributes["max-age"]]),
        [
          ["__Host-access", "", "/", "0"],
          ["__Secure-refresh", "", "/api/refresh", "0"],
          ["__Secure-refresh", "", "/api/logout", "0"],
        ],
      );
    }
    const single = await call(api, "POST", "/api/refresh", { cookie: ours });
    assert.equal(single.status, 200, "the refused requests rotated nothing");
  });
});
