// jwt-edge/client (pkg/client.js) against a stub of the worker's API in Node:
// what it stores, what it attaches, when it refreshes, and how it fails. The
// real worker and real tabs are tested in demo-page.test.mjs.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { afterEach, beforeEach, test } from "node:test";
import { AuthError, createAuthClient } from "../../pkg/client.js";
import * as jwt from "../../pkg/node.js";

const secret = "a-stub-secret-of-at-least-32-bytes!!";

/** Web Storage, in memory. */
class MemoryStorage {
  #items = new Map();
  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
  entries() {
    return Object.fromEntries(this.#items);
  }
}

/** The worker's API, with tokens of `lifetime` seconds and switches for failures. */
async function stubApi({ lifetime = 60 } = {}) {
  const state = {
    lifetime,
    requests: [],
    refreshes: 0,
    current: new Map(), // refresh token -> true while it may be used once
    expired: new Set(), // access tokens the stub calls expired
    expireAll: false, // every access token is expired
    refreshFailure: undefined, // a code to refuse refreshes with
    refreshDelay: 0,
    cookie: false, // cookie mode: whether the browser would hold a live access cookie
  };
  let counter = 0;
  const issue = () => {
    counter += 1;
    const accessToken = jwt.sign({ sub: "u1", roles: ["user"], jti: `j${counter}` }, secret, {
      expiresIn: state.lifetime,
    });
    const refreshToken = `refresh-${counter}`;
    state.current.set(refreshToken, true);
    return { accessToken, refreshToken, tokenType: "Bearer", expiresIn: state.lifetime };
  };
  const send = (response, status, body, headers = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = createServer(async (request, response) => {
    let text = "";
    for await (const chunk of request) text += chunk;
    const body = text ? JSON.parse(text) : {};
    const url = new URL(request.url, "http://stub");
    state.requests.push({ method: request.method, path: url.pathname, authorization: request.headers.authorization, body });
    const bearer = request.headers.authorization?.replace(/^Bearer /, "");
    switch (url.pathname) {
      case "/api/login":
        if (body.username === "locked") {
          return send(response, 429, { error: "too_many_attempts", code: "ERR_ACCOUNT_LOCKED", message: "locked" }, { "retry-after": "30" });
        }
        if (body.password !== "right") {
          return send(response, 401, { error: "invalid_credentials", code: "ERR_INVALID_CREDENTIALS", message: "wrong username or password" });
        }
        if (body.mode === "cookie") {
          state.cookie = true;
          return send(response, 200, { tokenType: "Cookie", expiresIn: state.lifetime });
        }
        return send(response, 200, issue());
      case "/api/refresh":
        state.refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, state.refreshDelay));
        if (state.refreshFailure) {
          return send(response, 401, { error: "invalid_grant", code: state.refreshFailure, message: "refused" });
        }
        if (body.refreshToken === undefined) {
          state.cookie = true;
          return send(response, 200, { tokenType: "Cookie", expiresIn: state.lifetime });
        }
        if (!state.current.delete(body.refreshToken)) {
          return send(response, 401, { error: "invalid_grant", code: "ERR_REFRESH_TOKEN_REUSED", message: "reused" });
        }
        return send(response, 200, issue());
      case "/api/logout":
        response.writeHead(204).end();
        return undefined;
      default: {
        if (!bearer && !state.cookie) {
          return send(response, 401, { error: "unauthorized", code: "ERR_TOKEN_MISSING", message: "no token" });
        }
        if (state.expireAll || state.expired.has(bearer)) {
          return send(response, 401, { error: "invalid_token", code: "ERR_JWT_EXPIRED", message: "expired" });
        }
        return send(response, 200, { path: url.pathname, method: request.method, body });
      }
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    state,
    count: (path) => state.requests.filter((request) => request.path === path).length,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let api;
const clients = [];
function client(options = {}) {
  const created = createAuthClient({ baseUrl: api.url, ...options });
  clients.push(created);
  return created;
}

beforeEach(async () => {
  globalThis.localStorage = new MemoryStorage();
  globalThis.sessionStorage = new MemoryStorage();
  api = await stubApi();
});
afterEach(async () => {
  for (const created of clients.splice(0)) created.close();
  await api.close();
  delete globalThis.localStorage;
  delete globalThis.sessionStorage;
});

test("login keeps both tokens in the chosen storage only, and fetch attaches the access token", async () => {
  for (const storage of ["localStorage", "sessionStorage"]) {
    globalThis.localStorage = new MemoryStorage();
    globalThis.sessionStorage = new MemoryStorage();
    const auth = client({ storage });
    const session = await auth.login("demo", "right");
    const token = auth.accessToken();
    assert.equal(jwt.decode(token).payload.sub, "u1");
    assert.equal(session.storage, storage);
    assert.ok(Math.abs(session.expiresAt - session.issuedAt - 60) < 0.001, "the lifetime is the token's exp - iat");
    assert.equal(session.refreshAt, session.expiresAt - 30);
    const chosen = globalThis[storage].entries();
    const other = globalThis[storage === "localStorage" ? "sessionStorage" : "localStorage"].entries();
    assert.deepEqual(Object.keys(chosen), ["jwt-edge.session"]);
    const record = JSON.parse(chosen["jwt-edge.session"]);
    assert.equal(record.accessToken, token);
    assert.match(record.refreshToken, /^refresh-/);
    assert.deepEqual(other, {}, `nothing in the other storage (${storage})`);
    const response = await auth.fetch("/api/profile");
    assert.equal(response.status, 200);
    assert.equal(api.state.requests.at(-1).authorization, `Bearer ${token}`);
    const login = api.state.requests.find((request) => request.path === "/api/login");
    assert.deepEqual(login.body, { username: "demo", password: "right", mode: "bearer" });
  }
});

test("the token goes only to the API's origin", async () => {
  const elsewhere = await stubApi();
  try {
    const auth = client();
    await auth.login("demo", "right");
    await auth.fetch(`${elsewhere.url}/collect`);
    assert.equal(elsewhere.state.requests[0].authorization, undefined);
    await auth.fetch(new Request(`${api.url}/api/profile`));
    assert.match(api.state.requests.at(-1).authorization, /^Bearer ey/);
  } finally {
    await elsewhere.close();
  }
});

test("a 401 ERR_JWT_EXPIRED: one refresh, then the same request again, body included", async () => {
  const auth = client();
  const refreshed = [];
  auth.on("refresh", (event) => refreshed.push(event));
  await auth.login("demo", "right");
  const first = auth.accessToken();
  api.state.expired.add(first);
  const response = await auth.fetch("/api/data", { method: "POST", body: JSON.stringify({ n: 1 }), headers: { "content-type": "application/json" } });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { path: "/api/data", method: "POST", body: { n: 1 } });
  assert.equal(api.count("/api/refresh"), 1);
  const data = api.state.requests.filter((request) => request.path === "/api/data");
  assert.deepEqual(data.map((request) => request.authorization), [`Bearer ${first}`, `Bearer ${auth.accessToken()}`]);
  assert.notEqual(auth.accessToken(), first);
  assert.equal(refreshed.length, 1);
  assert.equal(refreshed[0].fromOtherTab, false);
});

test("retries only once: a second 401 is the answer", async () => {
  const auth = client();
  await auth.login("demo", "right");
  api.state.expireAll = true;
  const response = await auth.fetch("/api/data");
  assert.equal(response.status, 401);
  assert.equal((await response.json()).code, "ERR_JWT_EXPIRED");
  assert.equal(api.count("/api/refresh"), 1);
  assert.equal(api.count("/api/data"), 2);
});

test("concurrent requests that all meet an expired token share one refresh", async () => {
  const auth = client();
  await auth.login("demo", "right");
  api.state.expired.add(auth.accessToken());
  api.state.refreshDelay = 50;
  const responses = await Promise.all(Array.from({ length: 5 }, () => auth.fetch("/api/data")));
  assert.deepEqual(responses.map((response) => response.status), [200, 200, 200, 200, 200]);
  assert.equal(api.count("/api/refresh"), 1);
});

test("a refused refresh logs out cleanly: event, storage emptied, the 401 returned", async () => {
  const auth = client();
  const logouts = [];
  auth.on("logout", (event) => logouts.push(event));
  await auth.login("demo", "right");
  api.state.expired.add(auth.accessToken());
  api.state.refreshFailure = "ERR_REFRESH_TOKEN_REVOKED";
  const response = await auth.fetch("/api/data");
  assert.equal(response.status, 401);
  assert.equal((await response.json()).code, "ERR_JWT_EXPIRED");
  assert.deepEqual(logouts, [{ reason: "refresh-failed", code: "ERR_REFRESH_TOKEN_REVOKED" }]);
  assert.equal(auth.accessToken(), null);
  assert.equal(auth.session(), null);
  assert.deepEqual(localStorage.entries(), {});
  // Logged out, requests go without a token.
  assert.equal((await auth.fetch("/api/data")).status, 401);
  assert.equal(api.state.requests.at(-1).authorization, undefined);
  await assert.rejects(auth.refresh(), (error) => error instanceof AuthError && error.code === "ERR_NOT_LOGGED_IN");
});

test("refreshes on its own refreshSkew seconds before expiry (at most half-way)", async () => {
  api.state.lifetime = 2;
  const auth = client({ refreshSkew: 0.5 });
  const refreshed = new Promise((resolve) => auth.on("refresh", resolve));
  const started = Date.now();
  await auth.login("demo", "right");
  const first = auth.accessToken();
  await refreshed;
  const elapsed = (Date.now() - started) / 1000;
  assert.ok(elapsed > 1.3 && elapsed < 1.9, `refreshed after ${elapsed} s, expected about 1.5`);
  assert.notEqual(auth.accessToken(), first);
  // A skew longer than the token: half-way, not a refresh loop.
  const eager = client({ refreshSkew: 3600, storageKey: "eager" });
  const session = await eager.login("demo", "right");
  assert.equal(session.refreshAt, session.issuedAt + 1);
});

test("login failures are AuthErrors with the server's code, the wait, or ERR_NETWORK", async () => {
  const auth = client();
  await assert.rejects(auth.login("demo", "wrong"), (error) => {
    assert.ok(error instanceof AuthError);
    assert.equal(error.name, "AuthError");
    assert.equal(error.status, 401);
    assert.equal(error.code, "ERR_INVALID_CREDENTIALS");
    return true;
  });
  await assert.rejects(auth.login("locked", "right"), { status: 429, code: "ERR_ACCOUNT_LOCKED", retryAfter: 30 });
  const closed = await stubApi();
  await closed.close();
  const offline = client({ baseUrl: closed.url, storageKey: "offline" });
  await assert.rejects(offline.login("demo", "right"), { status: 0, code: "ERR_NETWORK" });
  assert.equal(auth.session(), null);
});

test("a background refresh that cannot reach the server keeps the session and reports an error", async () => {
  api.state.lifetime = 1;
  const seen = [];
  const auth = client({
    refreshSkew: 0.5,
    fetch: (request) =>
      new URL(request.url).pathname === "/api/refresh" ? Promise.reject(new TypeError("fetch failed")) : fetch(request),
  });
  const errored = new Promise((resolve) => auth.on("error", resolve));
  auth.on("logout", (event) => seen.push(event));
  await auth.login("demo", "right");
  const { error } = await errored;
  assert.equal(error.code, "ERR_NETWORK");
  assert.notEqual(auth.session(), null);
  assert.deepEqual(seen, []);
});

test("logout sends the access token and the refresh token, then forgets both", async () => {
  const auth = client();
  const logouts = [];
  auth.on("logout", (event) => logouts.push(event));
  await auth.login("demo", "right");
  const token = auth.accessToken();
  const { refreshToken } = JSON.parse(localStorage.getItem("jwt-edge.session"));
  await auth.logout();
  const logout = api.state.requests.find((request) => request.path === "/api/logout");
  assert.equal(logout.authorization, `Bearer ${token}`);
  assert.deepEqual(logout.body, { refreshToken });
  assert.deepEqual(logouts, [{ reason: "user" }]);
  assert.deepEqual(localStorage.entries(), {});
  assert.equal(auth.accessToken(), null);
});

/** Runs `body` with Web Locks as browsers have them: one holder per name, in order. */
async function withWebLocks(body) {
  const queues = new Map();
  const locks = {
    request(name, task) {
      const run = (queues.get(name) ?? Promise.resolve()).then(() => task());
      queues.set(name, run.catch(() => {}));
      return run;
    },
  };
  const previous = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: { locks }, configurable: true, writable: true });
  try {
    await body();
  } finally {
    if (previous) Object.defineProperty(globalThis, "navigator", previous);
    else delete globalThis.navigator;
  }
}

test("a tab that waited for the lock takes the other tab's tokens instead of refreshing", async () => {
  await withWebLocks(async () => {
    const tabA = client();
    await tabA.login("demo", "right");
    const tabB = client(); // reads the same localStorage
    assert.equal(tabB.accessToken(), tabA.accessToken());
    const adopted = new Promise((resolve) => tabB.on("refresh", resolve));
    api.state.refreshDelay = 50;
    const [a, b] = await Promise.all([tabA.refresh(), tabB.refresh()]);
    assert.equal(api.count("/api/refresh"), 1, "one refresh for both tabs");
    assert.deepEqual(a, b);
    assert.equal(tabB.accessToken(), tabA.accessToken());
    assert.equal((await adopted).fromOtherTab, true);
    assert.equal((await tabB.fetch("/api/profile")).status, 200);
  });
});

test("sessionStorage: a duplicated tab takes its twin's new tokens instead of reusing the old refresh token", async () => {
  // (Both due at once is shown in Chromium, where IndexedDB tells the waiting
  // twin about the rotation; here the twin hears of it by broadcast.)
  const tabA = client({ storage: "sessionStorage" });
  await tabA.login("demo", "right");
  // Duplicating a tab copies its sessionStorage.
  const copy = new MemoryStorage();
  copy.setItem("jwt-edge.session", sessionStorage.getItem("jwt-edge.session"));
  const own = globalThis.sessionStorage;
  globalThis.sessionStorage = copy;
  const tabB = client({ storage: "sessionStorage" });
  globalThis.sessionStorage = own;
  assert.equal(tabB.accessToken(), tabA.accessToken());

  const adopted = new Promise((resolve) => tabB.on("refresh", resolve));
  await tabA.refresh();
  assert.equal((await adopted).fromOtherTab, true);
  assert.equal(tabB.accessToken(), tabA.accessToken());
  assert.equal(JSON.parse(copy.getItem("jwt-edge.session")).accessToken, tabA.accessToken());
  // B's next refresh uses the newest refresh token, and A follows.
  const followed = new Promise((resolve) => tabA.on("refresh", resolve));
  await tabB.refresh();
  await followed;
  assert.equal(tabA.accessToken(), tabB.accessToken());
  assert.equal(api.count("/api/refresh"), 2);
  // A logout in one ends the shared session in the other.
  const loggedOut = new Promise((resolve) => tabB.on("logout", resolve));
  await tabA.logout();
  assert.deepEqual(await loggedOut, { reason: "other-tab" });
  assert.equal(copy.getItem("jwt-edge.session"), null);
});

test("cookie mode: no token in JavaScript, credentials same-origin, expiry from expiresIn", async () => {
  const sent = [];
  const auth = client({
    storage: "cookie",
    fetch: (request) => {
      sent.push(request);
      return fetch(request);
    },
  });
  const session = await auth.login("demo", "right");
  assert.equal(auth.accessToken(), null);
  assert.ok(Math.abs(session.expiresAt - session.issuedAt - 60) < 0.001);
  assert.deepEqual(api.state.requests[0].body, { username: "demo", password: "right", mode: "cookie" });
  // Only the expiry, in localStorage, for the other tabs.
  const record = JSON.parse(localStorage.getItem("jwt-edge.cookie-session"));
  assert.deepEqual(Object.keys(record).sort(), ["expiresAt", "id", "issuedAt", "login"]);
  assert.deepEqual(sessionStorage.entries(), {});
  assert.equal((await auth.fetch("/api/profile")).status, 200);
  assert.equal(sent.at(-1).credentials, "same-origin");
  assert.equal(sent.at(-1).headers.get("authorization"), null);
  // The browser drops the access cookie when it expires: a missing token is
  // then an expiry too, and refreshing (with the refresh cookie) cures it.
  api.state.cookie = false;
  assert.equal((await auth.fetch("/api/profile")).status, 200);
  assert.equal(api.count("/api/refresh"), 1);
  assert.deepEqual(api.state.requests.find((request) => request.path === "/api/refresh").body, {});
  assert.equal(sent.find((request) => request.url.endsWith("/api/refresh")).credentials, "same-origin");
});

test("bad options are refused", () => {
  assert.throws(() => client({ storage: "indexedDB" }), TypeError);
  assert.throws(() => client({ refreshSkew: -1 }), TypeError);
  assert.throws(() => createAuthClient({ storage: "localStorage" }), /baseUrl is required/);
});

test("require('jwt-edge/client') gives the same client and the same AuthError class", () => {
  const require = createRequire(import.meta.url);
  const cjs = require("../../pkg/client.cjs");
  assert.equal(cjs.AuthError, AuthError);
  assert.equal(typeof cjs.createAuthClient, "function");
});
