// The Rust worker's HTTP API, against the real runtime: `wrangler dev` (local
// workerd) with a fresh local D1 database per run. No mocks.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import * as jwt from "../../pkg/node.js";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { call, cookieHeader, registerAndLogin, uniqueName } from "./support/api-client.mjs";
import { parseSetCookies, startApiWorker } from "./support/api-worker.mjs";

const secret = randomBytes(48).toString("base64url");
const [demoUser, demoAdmin] = demoAccounts;
let api;
let shortLived;
let misconfigured;

before(async () => {
  [api, shortLived, misconfigured] = await Promise.all([
    startApiWorker({ JWT_ALG: "HS256", JWT_SECRET: secret, CORS_ORIGINS: "http://allowed.example" }),
    startApiWorker({ JWT_ALG: "HS256", JWT_SECRET: secret, ACCESS_TTL: "2", REFRESH_TTL: "3" }),
    startApiWorker({ JWT_ALG: "HS256", JWT_SECRET: "only-31-bytes-long-secret-value" }),
  ]);
});
after(async () => {
  await Promise.all([api, shortLived, misconfigured].filter(Boolean).map((worker) => worker.stop()));
});

describe("register", () => {
  test("creates an account: 201, then 409 for the same name in any case", async () => {
    const username = uniqueName("Reg");
    const created = await call(api, "POST", "/api/register", { body: { username, password: "12345678" } });
    assert.equal(created.status, 201);
    assert.equal(created.json.username, username);
    assert.match(created.json.id, /^[A-Za-z0-9_-]{22}$/);
    const taken = await call(api, "POST", "/api/register", {
      body: { username: username.toLowerCase(), password: "12345678" },
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.json.code, "ERR_USERNAME_TAKEN");
  });

  test("refuses bad usernames and passwords under 8 or over 128 characters with a reason", async () => {
    for (const [body, reason] of [
      [{ username: uniqueName(), password: "1234567" }, /8 to 128/],
      [{ username: uniqueName(), password: "x".repeat(129) }, /8 to 128/],
      [{ username: "ab", password: "12345678" }, /3 to 32/],
      [{ username: "x'; DROP TABLE users;--", password: "12345678" }, /letters, digits/],
      [{ username: uniqueName() }, /"password" is required/],
      [{ username: 42, password: "12345678" }, /"username" must be a string/],
    ]) {
      const response = await call(api, "POST", "/api/register", { body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(response.json.message, reason);
    }
    const long = await call(api, "POST", "/api/register", { body: { username: uniqueName(), password: "ü".repeat(128) } });
    assert.equal(long.status, 201, "128 characters are fine even when they are 256 bytes");
  });

  test("malformed JSON is 400 and an oversized body 413, never a 5xx", async () => {
    assert.equal((await call(api, "POST", "/api/register", { body: "{not json" })).status, 400);
    assert.equal((await call(api, "POST", "/api/register", { body: "[1,2]" })).status, 400);
    const big = await call(api, "POST", "/api/register", { body: { username: "x", password: "y".repeat(20_000) } });
    assert.equal(big.status, 413);
  });
});

describe("login", () => {
  test("bearer mode returns an at+jwt access token with every claim and an opaque refresh token", async () => {
    const response = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "bearer" },
    });
    assert.equal(response.status, 200);
    const { accessToken, refreshToken, tokenType, expiresIn } = response.json;
    assert.equal(tokenType, "Bearer");
    assert.equal(expiresIn, 900);
    assert.match(refreshToken, /^[A-Za-z0-9_-]{43}$/);
    const { header, payload } = jwt.decode(accessToken);
    assert.deepEqual(header, { alg: "HS256", typ: "at+jwt" });
    assert.deepEqual(Object.keys(payload).sort(), ["aud", "exp", "iat", "iss", "jti", "roles", "sid", "sub"]);
    assert.equal(payload.iss, "jwt-edge");
    assert.equal(payload.aud, "jwt-edge-api");
    assert.deepEqual(payload.roles, ["user"]);
    assert.equal(payload.exp - payload.iat, 900);
    // Signed with the configured secret, by the core.
    jwt.verify(accessToken, secret, { typ: "at+jwt", issuer: "jwt-edge", audience: "jwt-edge-api" });
  });

  test("with JWT_ALG HS256 no key set is published: GET /.well-known/jwks.json is 404", async () => {
    const response = await call(api, "GET", "/.well-known/jwks.json");
    assert.equal(response.status, 404);
    assert.equal(response.json.code, "ERR_NOT_FOUND");
    assert.equal(response.headers.get("cache-control"), "no-store");
  });

  test("cookie mode sets __Host- HttpOnly Secure SameSite=Strict cookies and returns no token", async () => {
    const response = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "cookie" },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { tokenType: "Cookie", expiresIn: 900 });
    const cookies = parseSetCookies(response.response);
    const access = cookies.filter((cookie) => cookie.name === "__Host-access");
    assert.equal(access.length, 1);
    assert.deepEqual(access[0].attributes, {
      "max-age": "900",
      path: "/",
      httponly: true,
      secure: true,
      samesite: "Strict",
    });
    assert.equal(jwt.decode(access[0].value).header.typ, "at+jwt");
    const refresh = cookies.filter((cookie) => cookie.name === "__Secure-refresh");
    assert.deepEqual(
      refresh.map((cookie) => cookie.attributes.path).sort(),
      ["/api/logout", "/api/refresh"],
      "the refresh cookie only goes to the auth endpoints",
    );
    for (const cookie of refresh) {
      assert.equal(cookie.attributes.httponly, true);
      assert.equal(cookie.attributes.secure, true);
      assert.equal(cookie.attributes.samesite, "Strict");
      assert.equal(cookie.attributes["max-age"], "1209600");
    }
  });

  test("an unknown user and a wrong password get the same status and body in similar time", async () => {
    const attempt = async (username) => {
      const started = performance.now();
      const response = await call(api, "POST", "/api/login", { body: { username, password: "wrong password!" } });
      return { response, elapsed: performance.now() - started };
    };
    const wrong = [];
    const unknown = [];
    for (let i = 0; i < 3; i += 1) {
      wrong.push(await attempt(demoAdmin.username));
      unknown.push(await attempt(uniqueName("ghost")));
    }
    for (const { response } of [...wrong, ...unknown]) {
      assert.equal(response.status, 401);
      assert.deepEqual(response.json, {
        error: "invalid_credentials",
        code: "ERR_INVALID_CREDENTIALS",
        message: "wrong username or password",
      });
    }
    const median = (runs) => runs.map((run) => run.elapsed).sort((a, b) => a - b)[1];
    const ratio = median(wrong) / median(unknown);
    assert.ok(ratio > 0.25 && ratio < 4, `wrong password ${median(wrong)} ms vs unknown user ${median(unknown)} ms`);
    // Clear the admin's failure count with a good login.
    assert.equal(
      (await call(api, "POST", "/api/login", { body: { username: demoAdmin.username, password: demoAdmin.password } }))
        .status,
      200,
    );
  });

  test("refuses a mode other than bearer or cookie", async () => {
    const response = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "session" },
    });
    assert.equal(response.status, 400);
  });
});

describe("protected routes", () => {
  test("profile answers with a Bearer token and with the cookie", async () => {
    const { username, login } = await registerAndLogin(api);
    const bearer = await call(api, "GET", "/api/profile", { token: login.json.accessToken });
    assert.equal(bearer.status, 200);
    const { sub, exp } = jwt.decode(login.json.accessToken).payload;
    assert.deepEqual(bearer.json, { sub, username, roles: ["user"], exp });
    const cookieLogin = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "cookie" },
    });
    const viaCookie = await call(api, "GET", "/api/profile", { cookie: cookieHeader(cookieLogin.response) });
    assert.equal(viaCookie.status, 200);
    assert.equal(viaCookie.json.username, demoUser.username);
  });

  test("without a token: 401 with a bare Bearer challenge", async () => {
    const response = await call(api, "GET", "/api/profile");
    assert.equal(response.status, 401);
    assert.equal(response.headers.get("www-authenticate"), 'Bearer realm="jwt-edge"');
    assert.equal(response.json.code, "ERR_TOKEN_MISSING");
  });

  test("a bad token: 401 invalid_token with the core's code in the body and the challenge", async () => {
    const { login } = await registerAndLogin(api);
    const token = login.json.accessToken;
    const forged = `${token.slice(0, -4)}AAAA`;
    for (const [candidate, code] of [
      [forged, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"],
      ["not-a-token", "ERR_JWS_INVALID"],
      [login.json.refreshToken, "ERR_JWS_INVALID"],
      [jwt.sign({ sub: "x" }, secret, { typ: "at+jwt", expiresIn: 60 }), "ERR_JWT_CLAIM_VALIDATION_FAILED"],
      [
        jwt.sign({ sub: "x", sid: "f", jti: "j" }, "another-secret-of-at-least-32-bytes!!", {
          typ: "at+jwt",
          expiresIn: 60,
          issuer: "jwt-edge",
          audience: "jwt-edge-api",
        }),
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
      ],
    ]) {
      const response = await call(api, "GET", "/api/profile", { token: candidate });
      assert.equal(response.status, 401, candidate);
      assert.equal(response.json.error, "invalid_token");
      assert.equal(response.json.code, code, candidate);
      assert.match(
        response.headers.get("www-authenticate"),
        /^Bearer realm="jwt-edge", error="invalid_token", error_description="[^"\\]+"$/,
      );
    }
  });

  test("admin: 403 insufficient_scope for a user, 200 for the admin role", async () => {
    const { login } = await registerAndLogin(api);
    const denied = await call(api, "GET", "/api/admin", { token: login.json.accessToken });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.error, "insufficient_scope");
    assert.match(denied.headers.get("www-authenticate"), /error="insufficient_scope"/);
    const adminLogin = await call(api, "POST", "/api/login", {
      body: { username: demoAdmin.username, password: demoAdmin.password },
    });
    const allowed = await call(api, "GET", "/api/admin", { token: adminLogin.json.accessToken });
    assert.equal(allowed.status, 200);
    assert.deepEqual(allowed.json.roles, ["user", "admin"]);
  });

  test("an expired access token is 401 with ERR_JWT_EXPIRED", async () => {
    const { login } = await registerAndLogin(shortLived);
    assert.equal((await call(shortLived, "GET", "/api/profile", { token: login.json.accessToken })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const expired = await call(shortLived, "GET", "/api/profile", { token: login.json.accessToken });
    assert.equal(expired.status, 401);
    assert.equal(expired.json.code, "ERR_JWT_EXPIRED");
    assert.match(expired.headers.get("www-authenticate"), /error="invalid_token"/);
    // The refresh token (3 s) has expired too.
    const refresh = await call(shortLived, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } });
    assert.equal(refresh.status, 401);
    assert.equal(refresh.json.code, "ERR_REFRESH_TOKEN_EXPIRED");
  });
});

describe("refresh", () => {
  test("rotates: new tokens work, the old refresh token stops working", async () => {
    const { login } = await registerAndLogin(api);
    const rotated = await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.json.refreshToken, login.json.refreshToken);
    assert.notEqual(rotated.json.accessToken, login.json.accessToken);
    assert.equal((await call(api, "GET", "/api/profile", { token: rotated.json.accessToken })).status, 200);
    const again = await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } });
    assert.equal(again.status, 401);
  });

  test("reusing a rotated token revokes the whole family, the newest token included", async () => {
    const { login } = await registerAndLogin(api);
    const first = await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } });
    const second = await call(api, "POST", "/api/refresh", { body: { refreshToken: first.json.refreshToken } });
    assert.equal(second.status, 200);
    const reuse = await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } });
    assert.equal(reuse.status, 401);
    assert.equal(reuse.json.code, "ERR_REFRESH_TOKEN_REUSED");
    const newest = await call(api, "POST", "/api/refresh", { body: { refreshToken: second.json.refreshToken } });
    assert.equal(newest.status, 401);
    assert.equal(newest.json.code, "ERR_REFRESH_TOKEN_REVOKED");
  });

  test("50 concurrent refreshes with one token: exactly one succeeds, and the losers' reuse revokes the winner's tokens", async () => {
    const { login } = await registerAndLogin(api);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } })),
    );
    const statuses = results.map((result) => result.status);
    assert.equal(statuses.filter((status) => status === 200).length, 1, statuses.join(","));
    assert.equal(statuses.filter((status) => status === 401).length, 49);
    // A copy of one refresh token presented 50 times at once is reuse: the
    // family is revoked, the winner's new tokens included.
    const winner = results.find((result) => result.status === 200).json;
    const refreshAgain = await call(api, "POST", "/api/refresh", { body: { refreshToken: winner.refreshToken } });
    assert.equal(refreshAgain.status, 401);
    assert.equal(refreshAgain.json.code, "ERR_REFRESH_TOKEN_REVOKED");
    const profile = await call(api, "GET", "/api/profile", { token: winner.accessToken });
    assert.equal(profile.status, 401);
    assert.equal(profile.json.code, "ERR_TOKEN_REVOKED");
  });

  test("with the cookie: new cookies, and the body holds no token", async () => {
    const login = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "cookie" },
    });
    const rotated = await call(api, "POST", "/api/refresh", { cookie: cookieHeader(login.response) });
    assert.equal(rotated.status, 200);
    assert.deepEqual(rotated.json, { tokenType: "Cookie", expiresIn: 900 });
    const names = parseSetCookies(rotated.response).map((cookie) => cookie.name);
    assert.deepEqual(names.sort(), ["__Host-access", "__Secure-refresh", "__Secure-refresh"]);
  });

  test("an access token is never accepted as a refresh token, nor is nothing", async () => {
    const { login } = await registerAndLogin(api);
    const asRefresh = await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.accessToken } });
    assert.equal(asRefresh.status, 401);
    assert.equal(asRefresh.json.code, "ERR_REFRESH_TOKEN_INVALID");
    const nothing = await call(api, "POST", "/api/refresh", { body: {} });
    assert.equal(nothing.status, 401);
    assert.equal(nothing.json.code, "ERR_REFRESH_TOKEN_MISSING");
  });
});

describe("logout", () => {
  test("204, revokes the family, denies the access token and clears both cookies", async () => {
    const login = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "cookie" },
    });
    const cookie = cookieHeader(login.response);
    const accessToken = parseSetCookies(login.response).find((c) => c.name === "__Host-access").value;
    const logout = await call(api, "POST", "/api/logout", { cookie });
    assert.equal(logout.status, 204);
    const cleared = parseSetCookies(logout.response);
    assert.deepEqual(
      cleared.map((c) => [c.name, c.value, c.attributes.path, c.attributes["max-age"], c.attributes.httponly, c.attributes.secure, c.attributes.samesite]),
      [
        ["__Host-access", "", "/", "0", true, true, "Strict"],
        ["__Secure-refresh", "", "/api/refresh", "0", true, true, "Strict"],
        ["__Secure-refresh", "", "/api/logout", "0", true, true, "Strict"],
      ],
    );
    const profile = await call(api, "GET", "/api/profile", { token: accessToken });
    assert.equal(profile.status, 401);
    assert.equal(profile.json.code, "ERR_TOKEN_REVOKED");
    const refresh = await call(api, "POST", "/api/refresh", { cookie });
    assert.equal(refresh.status, 401);
    assert.equal(refresh.json.code, "ERR_REFRESH_TOKEN_REVOKED");
  });

  test("with Bearer tokens: the access token and the refresh token stop working", async () => {
    const { login } = await registerAndLogin(api);
    const logout = await call(api, "POST", "/api/logout", {
      token: login.json.accessToken,
      body: { refreshToken: login.json.refreshToken },
    });
    assert.equal(logout.status, 204);
    assert.equal((await call(api, "GET", "/api/profile", { token: login.json.accessToken })).status, 401);
    assert.equal((await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } })).status, 401);
  });
});

describe("origins", () => {
  test("a cookie-authenticated POST from a foreign Origin is 403, from our own it works", async () => {
    const login = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password, mode: "cookie" },
    });
    const cookie = cookieHeader(login.response);
    const foreign = await call(api, "POST", "/api/refresh", { cookie, origin: "https://evil.example" });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.json.code, "ERR_FOREIGN_ORIGIN");
    const foreignLogout = await call(api, "POST", "/api/logout", { cookie, origin: "null" });
    assert.equal(foreignLogout.status, 403);
    const own = await call(api, "POST", "/api/refresh", { cookie, origin: api.url });
    assert.equal(own.status, 200);
  });

  test("CORS: configured origins get credentials headers and a preflight, others nothing", async () => {
    const preflight = await call(api, "OPTIONS", "/api/profile", {
      origin: "http://allowed.example",
      headers: { "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "http://allowed.example");
    assert.equal(preflight.headers.get("access-control-allow-credentials"), "true");
    assert.match(preflight.headers.get("access-control-allow-headers"), /Authorization/);
    const other = await call(api, "OPTIONS", "/api/profile", { origin: "https://evil.example" });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
    const login = await call(api, "POST", "/api/login", {
      origin: "http://allowed.example",
      body: { username: demoUser.username, password: demoUser.password },
    });
    assert.equal(login.status, 200);
    assert.equal(login.headers.get("access-control-allow-origin"), "http://allowed.example");
  });
});

describe("abuse cases", () => {
  const claimsFor = (payload, overrides) => ({ ...payload, ...overrides });
  const resign = (payload, key = secret) => {
    const { exp, iat, ...rest } = payload;
    return jwt.sign({ ...rest, exp, iat }, key, { typ: "at+jwt", now: iat });
  };

  test("a token for another issuer or audience, or with typ JWT, is refused", async () => {
    const { login } = await registerAndLogin(api);
    const { payload } = jwt.decode(login.json.accessToken);
    assert.equal((await call(api, "GET", "/api/profile", { token: resign(payload) })).status, 200, "control");
    for (const [token, claim] of [
      [resign(claimsFor(payload, { iss: "https://other.example" })), "iss"],
      [resign(claimsFor(payload, { aud: "another-api" })), "aud"],
      [jwt.sign(payload, secret, { now: payload.iat }), "typ"],
    ]) {
      const response = await call(api, "GET", "/api/profile", { token });
      assert.equal(response.status, 401, claim);
      assert.equal(response.json.code, "ERR_JWT_CLAIM_VALIDATION_FAILED", claim);
    }
  });

  test("role tampering: a user token edited to add admin fails its signature", async () => {
    const { login } = await registerAndLogin(api);
    const [header, , signature] = login.json.accessToken.split(".");
    const { payload } = jwt.decode(login.json.accessToken);
    const tampered = Buffer.from(JSON.stringify({ ...payload, roles: ["user", "admin"] })).toString("base64url");
    const response = await call(api, "GET", "/api/admin", { token: `${header}.${tampered}.${signature}` });
    assert.equal(response.status, 401);
    assert.equal(response.json.code, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  });

  test("a token for a deleted user is refused, and so is its refresh token", async () => {
    const { username, login } = await registerAndLogin(api);
    api.sql(`DELETE FROM users WHERE username = '${username}'`);
    const profile = await call(api, "GET", "/api/profile", { token: login.json.accessToken });
    assert.equal(profile.status, 401);
    assert.equal(profile.json.code, "ERR_USER_UNKNOWN");
    const refresh = await call(api, "POST", "/api/refresh", { body: { refreshToken: login.json.refreshToken } });
    assert.equal(refresh.status, 401);
  });

  test("SQL metacharacters that reach a query are data: in signed claims, a client address and a valid username", async () => {
    const { username, password, login } = await registerAndLogin(api);
    const { payload } = jwt.decode(login.json.accessToken);
    assert.equal((await call(api, "GET", "/api/profile", { token: resign(payload) })).status, 200, "control");
    // Claims signed with the real key pass verification and are bound into the
    // query that checks the user, the deny list and the session.
    for (const [claims, code] of [
      [{ sub: "' OR '1'='1" }, "ERR_USER_UNKNOWN"],
      [{ sub: `${payload.sub}' --` }, "ERR_USER_UNKNOWN"],
      [{ sid: "' OR '1'='1" }, "ERR_TOKEN_REVOKED"],
      [{ sid: `${payload.sid}' OR '1'='1` }, "ERR_TOKEN_REVOKED"],
    ]) {
      const response = await call(api, "GET", "/api/profile", { token: resign(claimsFor(payload, claims)) });
      assert.equal(response.status, 401, JSON.stringify(claims));
      assert.equal(response.json.code, code, JSON.stringify(claims));
    }
    const odd = await call(api, "GET", "/api/profile", { token: resign(claimsFor(payload, { jti: "' OR 1=1 --" })) });
    assert.equal(odd.status, 200, "an odd jti is just an id");
    // The client address is bound into the login throttle's key.
    const ip = "' OR '1'='1'; DROP TABLE login_attempts; --";
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await call(api, "POST", "/api/login", { ip, body: { username, password: "not the password" } })).status, 401);
    }
    assert.equal((await call(api, "POST", "/api/login", { ip, body: { username, password } })).status, 429);
    assert.equal((await call(api, "POST", "/api/login", { body: { username, password } })).status, 200);
    // '_' and '-' are LIKE wildcards' prey: a name is matched exactly (in any case).
    const lookalike = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username.replace("-", "_"), password: demoUser.password },
    });
    assert.equal(lookalike.status, 401);
    // Names that fail validation never reach SQL: 400 before any query.
    for (const bad of ["' OR '1'='1", "admin'--", "x\"; DROP TABLE users; --"]) {
      assert.equal((await call(api, "POST", "/api/register", { body: { username: bad, password: "whatever-password" } })).status, 400);
    }
    const stillThere = await call(api, "POST", "/api/login", {
      body: { username: demoUser.username, password: demoUser.password },
    });
    assert.equal(stillThere.status, 200);
  });
});

describe("robustness", () => {
  test("5,000 profile requests, 50 at a time: zero 5xx and zero wrong answers", async () => {
    const { username, login } = await registerAndLogin(api);
    const token = login.json.accessToken;
    let next = 0;
    const failures = [];
    const workerLoop = async () => {
      while (next < 5_000) {
        next += 1;
        const response = await call(api, "GET", "/api/profile", { token });
        if (response.status !== 200 || response.json?.username !== username) {
          failures.push(`${response.status} ${response.text.slice(0, 80)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, workerLoop));
    assert.deepEqual(failures, []);
  });

  test("unknown routes are 404 and wrong methods 405, as JSON", async () => {
    assert.equal((await call(api, "GET", "/api/nothing")).status, 404);
    const wrongMethod = await call(api, "GET", "/api/login");
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get("allow"), "POST");
  });

  test("the demo page is served as static assets on the same origin, with security headers", async () => {
    const page = await call(api, "GET", "/");
    assert.equal(page.status, 200);
    assert.match(page.text, /<title>/);
    assert.equal(page.headers.get("x-content-type-options"), "nosniff");
    assert.equal(page.headers.get("x-frame-options"), "DENY");
    const wasm = await fetch(`${api.url}/pkg/jwt_edge_bg.wasm`);
    assert.equal(wasm.status, 200);
  });

  test("a JWT_SECRET shorter than 32 bytes: the worker refuses to serve (500) and logs why", async () => {
    const response = await call(misconfigured, "GET", "/api/profile");
    assert.equal(response.status, 500);
    assert.equal(response.json.code, "ERR_INTERNAL");
    const logged = /refuses to serve: JWT_SECRET must be at least 32 bytes/;
    for (let waited = 0; waited < 5_000 && !logged.test(misconfigured.output()); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(misconfigured.output(), logged);
  });
});
