// The demo page (www/, served by the worker as `make dev` serves it) in real
// Chromium: sign-in in each storage mode, the token attached to every call,
// automatic refresh, several tabs, every failure message, accessibility.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import * as jwt from "../../pkg/node.js";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { startApiWorker } from "./support/api-worker.mjs";
import { launchChromium } from "./support/browser.mjs";
import {
  assertNoConsoleErrors,
  assertTokenOnlyIn,
  authCookies,
  call,
  JWT_SHAPE,
  logRows,
  message,
  nextRefresh,
  openPage,
  pauseClockSoon,
  shownExchange,
  shownToken,
  signIn,
  signInExpectingFailure,
  storageSnapshot,
} from "./support/demo-page.mjs";

const root = new URL("../../", import.meta.url).pathname;
const screenshots = `${root}tests/screenshots`;
const [demoUser, demoAdmin] = demoAccounts;

let api; // tokens live 8 s: the page refreshes 4 s after each
let shortApi; // 2 s tokens, 6 s refresh tokens: a session that expires
let unseededApi; // as deployed: no demo accounts, and the worker says so
let browser;

before(async () => {
  [api, shortApi, unseededApi, browser] = await Promise.all([
    startApiWorker({ ACCESS_TTL: "8" }),
    startApiWorker({ ACCESS_TTL: "2", REFRESH_TTL: "6" }),
    startApiWorker({}, { seed: false }),
    launchChromium(),
  ]);
  mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await Promise.all([api, shortApi, unseededApi].filter(Boolean).map((worker) => worker.stop()));
});

// ---- the tests ----

describe("the demo page", { concurrency: true }, () => {
  for (const storage of ["localStorage", "sessionStorage", "cookie"]) {
    test(`${storage}: sign in, decoded token and countdown, profile, admin 403/200, automatic refresh, log out`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await openPage(context, api);
        // The page and the auth client share the module that only decodes:
        // the verifier's (with its MAC code) is never fetched.
        assert.deepEqual(page.wasmRequests, ["/pkg/jwt_edge_decode_bg.wasm"]);
        await signIn(page, storage, demoUser);
        const attached = storage === "cookie" ? "HttpOnly cookie (browser)" : "Bearer access token";
        assert.match(await message(page), /^Signed in as demo-user\./);
        assert.match(await page.textContent("#who"), new RegExp(`Signed in as demo-user; the token is kept in ${storage === "cookie" ? "an HttpOnly cookie" : storage}\\.`));

        // The token, in three coloured parts and decoded, or the reason it is not shown.
        let token;
        if (storage === "cookie") {
          assert.equal(await page.isVisible("#cookie-view"), true);
          assert.equal(await page.isHidden("#token-view"), true);
          assert.equal(await page.textContent("#document-cookie"), '""');
          assert.match(await page.textContent("#cookie-view"), /JavaScript cannot read it, and that is the point/);
          token = (await authCookies(context)).find((cookie) => cookie.name === "__Host-access").value;
        } else {
          token = await shownToken(page);
          const parts = await page.$$eval("#token span", (spans) => spans.map((span) => [span.className, span.textContent]));
          assert.deepEqual(parts.map(([className]) => className), ["jwt-header", "jwt-payload", "jwt-signature"]);
          assert.equal(parts.map(([, text]) => text).join("."), token);
          const decoded = jwt.decode(token);
          assert.deepEqual(JSON.parse(await page.textContent("#token-header")), { alg: "EdDSA", typ: "at+jwt", kid: api.signingKey.kid });
          assert.deepEqual(JSON.parse(await page.textContent("#token-payload")), decoded.payload);
          assert.deepEqual(decoded.payload.roles, ["user"]);
          assert.equal(decoded.payload.exp - decoded.payload.iat, 8);
          assert.match(await page.textContent("#where"), new RegExp(`Stored in ${storage} under "jwt-edge.session", together with the refresh token`));
        }
        const countdown = Number(/^(\d+) s$/.exec(await page.textContent("#countdown"))?.[1]);
        assert.ok(countdown >= 1 && countdown <= 8, `countdown ${countdown}`);
        const progress = await page.$eval("#expiry-bar", (bar) => bar.value);
        assert.ok(progress > 0 && progress <= 1, `progress ${progress}`);
        // What the client does with 8 s tokens: its margin (30 s by default) is cut to half the lifetime.
        assert.match(await page.textContent("#refresh-info"), /^Automatic refresh in [0-4] s: 4 s before expiry, half-way through the token's 8 s life\.$/);
        await assertTokenOnlyIn(page, storage);

        // Admin as a user: 403 with a clear message; the profile: 200.
        const denied = await call(page, "Get admin data", "/api/admin");
        assert.deepEqual(denied, { method: "GET", path: "/api/admin", status: "403", attached });
        assert.match(await message(page), /^Admin data: 403 Forbidden\. You are signed in, but this account lacks the role it needs.*Sign in as demo-admin/);
        const profile = await call(page, "Get profile", "/api/profile");
        assert.deepEqual(profile, { method: "GET", path: "/api/profile", status: "200", attached });
        assert.equal(await message(page), "Profile: 200 OK.");
        assert.equal(JSON.parse(await page.textContent("#result .exchange-body")).username, "demo-user");
        if (storage === "localStorage") {
          await page.screenshot({ path: `${screenshots}/demo-logged-in.png`, fullPage: true });
        }
        const logText = await page.textContent("#request-log");
        assert.ok(!logText.includes(token) && !JWT_SHAPE.test(logText), "the log never shows a token");

        // The automatic refresh: a new token, a reset countdown, the session still good.
        const refresh = await nextRefresh(page);
        assert.deepEqual(refresh, {
          method: "POST",
          path: "/api/refresh",
          status: "200",
          attached: storage === "cookie" ? "refresh cookie (browser)" : "refresh token (body)",
        });
        const renewed =
          storage === "cookie"
            ? (await authCookies(context)).find((cookie) => cookie.name === "__Host-access").value
            : await shownToken(page);
        assert.notEqual(renewed, token, "the token changed");
        assert.match(await page.textContent("#refresh-info"), /Last refreshed at .+\.$/);
        assert.ok(Number(/^(\d+) s$/.exec(await page.textContent("#countdown"))[1]) >= 6, "the countdown started again");
        assert.equal((await call(page, "Get profile", "/api/profile")).status, "200");
        await assertTokenOnlyIn(page, storage);

        // Log out: the session is gone everywhere and the profile fails.
        const logout = await call(page, "Log out", "/api/logout");
        assert.deepEqual(logout, {
          method: "POST",
          path: "/api/logout",
          status: "204",
          attached: storage === "cookie" ? "HttpOnly cookies (browser)" : "Bearer access token + refresh token (body)",
        });
        await page.waitForSelector("#login:not([hidden])");
        assert.match(await message(page), /^Signed out/);
        // The last result went with the session.
        assert.equal(await page.isHidden("#result"), true);
        assert.equal(await page.textContent("#result"), "");
        const afterLogout = await storageSnapshot(page);
        assert.doesNotMatch(JSON.stringify(afterLogout), JWT_SHAPE);
        assert.equal(afterLogout.localStorage["jwt-edge.session"], undefined);
        assert.equal(afterLogout.localStorage["jwt-edge.cookie-session"], undefined);
        assert.equal(afterLogout.sessionStorage["jwt-edge.session"], undefined);
        assert.deepEqual(await authCookies(context), [], "logout cleared the cookies");
        const rejected = await call(page, "Get profile", "/api/profile");
        assert.deepEqual(rejected, { method: "GET", path: "/api/profile", status: "401", attached: "none" });
        assert.match(await message(page), /^Profile: 401 Unauthorized: you are not signed in/);
        assert.equal(await page.isDisabled("#refresh-now"), true);

        // The admin gets the admin data.
        await signIn(page, storage, demoAdmin);
        assert.equal((await call(page, "Get admin data", "/api/admin")).status, "200");
        assert.equal(await message(page), "Admin data: 200 OK.");
        assert.deepEqual(JSON.parse(await page.textContent("#result .exchange-body")).roles, ["user", "admin"]);
        assert.equal((await call(page, "Log out", "/api/logout")).status, "204");
        await assertNoConsoleErrors(page);
      } finally {
        await context.close();
      }
    });
  }

  test("two tabs (localStorage): one refreshes, the other takes the new token; never two refreshes", async () => {
    const context = await browser.newContext();
    try {
      const [tabA, tabB] = [await openPage(context, api), await openPage(context, api)];
      await signIn(tabA, "localStorage", demoUser);
      // The other tab sees the login.
      await tabB.waitForSelector("#session:not([hidden])");
      assert.equal(await shownToken(tabB), await shownToken(tabA));
      assert.equal(await message(tabB), "Signed in from another tab.");

      // A forced refresh in A: B picks the token up without a request.
      const first = await shownToken(tabA);
      await tabA.getByRole("button", { name: "Refresh now" }).click();
      await tabA.waitForFunction((old) => document.querySelector("#token").textContent !== old, first);
      const second = await shownToken(tabA);
      await tabB.waitForFunction((token) => document.querySelector("#token").textContent === token, second);
      assert.match(await tabB.textContent("#refresh-info"), /by another tab\.$/);
      assert.deepEqual([tabA.refreshRequests, tabB.refreshRequests], [1, 0]);

      // The automatic refresh is due in both tabs at the same moment: one
      // refreshes, the other waits for the lock and takes its tokens.
      for (const tab of [tabA, tabB]) {
        await tab.waitForFunction((token) => document.querySelector("#token").textContent !== token, second, { timeout: 15_000 });
      }
      const third = await shownToken(tabA);
      await tabB.waitForFunction((token) => document.querySelector("#token").textContent === token, third);
      assert.equal(tabA.refreshRequests + tabB.refreshRequests, 2, "one forced and one automatic refresh in all");

      // The session survives in both tabs.
      for (const tab of [tabA, tabB]) {
        assert.equal((await call(tab, "Get profile", "/api/profile")).status, "200");
        assert.equal(await tab.isVisible("#session"), true);
      }
      const rows = [...(await logRows(tabA)), ...(await logRows(tabB))];
      assert.deepEqual(rows.filter((row) => row.path === "/api/refresh").map((row) => row.status), ["200", "200"]);

      // Logging out in one tab logs out the other.
      assert.equal((await call(tabA, "Log out", "/api/logout")).status, "204");
      await tabB.waitForSelector("#login:not([hidden])");
      assert.equal(await message(tabB), "You were signed out in another tab.");
      for (const tab of [tabA, tabB]) await assertNoConsoleErrors(tab);
    } finally {
      await context.close();
    }
  });

  test("two tabs without Web Locks: the automatic refresh happens once and both stay signed in", async () => {
    const context = await browser.newContext();
    try {
      // As in an insecure context or an older browser.
      await context.addInitScript(() => delete Navigator.prototype.locks);
      const [tabA, tabB] = [await openPage(context, api), await openPage(context, api)];
      assert.equal(await tabA.evaluate(() => "locks" in navigator), false);
      await signIn(tabA, "localStorage", demoUser);
      await tabB.waitForSelector("#session:not([hidden])");
      const first = await shownToken(tabA);
      // Due in both tabs at the same moment: one refreshes, the other takes its tokens.
      for (const tab of [tabA, tabB]) {
        await tab.waitForFunction((token) => document.querySelector("#token").textContent !== token, first, { timeout: 15_000 });
      }
      const second = await shownToken(tabA);
      await tabB.waitForFunction((token) => document.querySelector("#token").textContent === token, second);
      // Let a racing second refresh, if any, show itself.
      await tabA.waitForTimeout(500);
      assert.equal(tabA.refreshRequests + tabB.refreshRequests, 1);
      for (const tab of [tabA, tabB]) {
        assert.equal((await call(tab, "Get profile", "/api/profile")).status, "200");
        assert.equal(await tab.isVisible("#session"), true);
        await assertNoConsoleErrors(tab);
      }
    } finally {
      await context.close();
    }
  });

  test("two tabs (cookie): the automatic refresh happens once and both stay signed in", async () => {
    const context = await browser.newContext();
    try {
      const [tabA, tabB] = [await openPage(context, api), await openPage(context, api)];
      await tabB.check('input[name="storage"][value="cookie"]');
      await signIn(tabA, "cookie", demoUser);
      await tabB.waitForSelector("#session:not([hidden])");
      const cookie = async () => (await authCookies(context)).find((c) => c.name === "__Host-access")?.value;
      const first = await cookie();
      await Promise.race([nextRefresh(tabA), nextRefresh(tabB)]);
      // Let a racing second refresh, if any, show itself.
      await tabA.waitForTimeout(500);
      assert.equal(tabA.refreshRequests + tabB.refreshRequests, 1);
      assert.notEqual(await cookie(), first);
      for (const tab of [tabA, tabB]) {
        assert.equal((await call(tab, "Get profile", "/api/profile")).status, "200");
        await assertNoConsoleErrors(tab);
      }
    } finally {
      await context.close();
    }
  });

  test("a duplicated tab (sessionStorage): both due at once, one refresh, both keep the session", async () => {
    const context = await browser.newContext();
    try {
      const tabA = await openPage(context, api);
      await signIn(tabA, "sessionStorage", demoUser);
      // Duplicating a tab copies its sessionStorage.
      const copied = await tabA.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
      const tabB = await openPage(context, api, {
        beforeLoad: (page) =>
          page.addInitScript((entries) => {
            if (sessionStorage.length === 0) for (const [key, value] of JSON.parse(entries)) sessionStorage.setItem(key, value);
          }, copied),
      });
      const first = await shownToken(tabA);
      assert.equal(await shownToken(tabB), first);
      // Their refresh timers are due at the same moment.
      for (const tab of [tabA, tabB]) {
        await tab.waitForFunction((token) => document.querySelector("#token").textContent !== token, first, { timeout: 15_000 });
      }
      const second = await shownToken(tabA);
      await tabB.waitForFunction((token) => document.querySelector("#token").textContent === token, second);
      assert.equal(tabA.refreshRequests + tabB.refreshRequests, 1);
      for (const tab of [tabA, tabB]) {
        assert.equal((await call(tab, "Get profile", "/api/profile")).status, "200");
        await assertTokenOnlyIn(tab, "sessionStorage");
        await assertNoConsoleErrors(tab);
      }
    } finally {
      await context.close();
    }
  });

  test("an expired access token: 401 ERR_JWT_EXPIRED, one refresh, the request again", async () => {
    const context = await browser.newContext();
    try {
      // The page's clock stands still: the client believes its token fresh
      // (and refreshes nothing) while the server's 2 s pass.
      const page = await openPage(context, shortApi, { beforeLoad: (opened) => opened.clock.install() });
      await pauseClockSoon(page);
      await signIn(page, "localStorage", demoUser);
      const token = await shownToken(page);
      await page.waitForTimeout(2_500);
      // Until the button is no longer busy: the log's last row is written
      // before the call's handler sets the message.
      await call(page, "Get profile", "/api/profile");
      const rows = (await logRows(page)).slice(1);
      assert.deepEqual(
        rows.map((row) => `${row.method} ${row.path} ${row.status}`),
        ["GET /api/profile 401", "POST /api/refresh 200", "GET /api/profile 200"],
      );
      assert.equal(await message(page), "Profile: 200 OK.");
      assert.notEqual(await shownToken(page), token);
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("messages: an expired session, a revoked one (refresh token reused), wrong password, locked account, server unreachable", async () => {
    const context = await browser.newContext();
    try {
      // Expired: the page closes, the refresh token (6 s) runs out, the page comes back.
      // With 2 s access tokens a page refreshes within a second, and a refresh the
      // server answered but the closing page never stored would leave a used
      // refresh token behind (which the server rightly calls reuse). So the first
      // page runs in a context of its own whose refreshes never reach the server
      // (a stopped clock did the same, but stopped sign-in too when the machine
      // was slow), and the page that comes back starts from its storage.
      const before = await browser.newContext();
      let storageState;
      try {
        const first = await openPage(before, shortApi, {
          beforeLoad: (opened) => opened.route("**/api/refresh", (route) => route.abort()),
        });
        await signIn(first, "localStorage", demoUser);
        storageState = await before.storageState();
      } finally {
        await before.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      const after = await browser.newContext({ storageState });
      try {
        const back = await openPage(after, shortApi);
        await back.waitForSelector("#login:not([hidden])");
        await back.waitForFunction(() => document.querySelector("#message").textContent !== "");
        assert.equal(await message(back), "Your session has expired: sign in again.");
        assert.equal(await back.evaluate(() => localStorage.getItem("jwt-edge.session")), null);
        assert.deepEqual((await logRows(back)).map((row) => `${row.path} ${row.status}`), ["/api/refresh 401"]);
        await assertNoConsoleErrors(back);
      } finally {
        await after.close();
      }

      const page = await openPage(context, api);
      // Revoked: someone else used the refresh token first; the page's next
      // refresh presents it again and the server ends the whole session.
      await signIn(page, "localStorage", demoUser);
      const { refreshToken } = JSON.parse(await page.evaluate(() => localStorage.getItem("jwt-edge.session")));
      const thief = await fetch(`${api.url}/api/refresh`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refreshToken }),
      });
      assert.equal(thief.status, 200);
      const stolen = await thief.json();
      await page.getByRole("button", { name: "Refresh now" }).click();
      await page.waitForSelector("#login:not([hidden])");
      assert.match(await message(page), /^Your session was ended by the server because its refresh token was used twice/);
      const again = await fetch(`${api.url}/api/refresh`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refreshToken: stolen.refreshToken }),
      });
      assert.equal((await again.json()).code, "ERR_REFRESH_TOKEN_REVOKED", "the thief's tokens died too");

      // Wrong password, five times, then the account is locked.
      const username = `locked-${process.pid}`;
      const registered = await fetch(`${api.url}/api/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: "the right password" }),
      });
      assert.equal(registered.status, 201);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await signInExpectingFailure(page, username, "a wrong password");
        assert.equal(await message(page), "Wrong username or password.");
      }
      await signInExpectingFailure(page, username, "the right password");
      assert.match(await message(page), /^Too many failed sign-ins: this account is locked for ([1-9]|[12]\d|30) s \(until .+\)\. Even the right password waits\.$/);
      // The answer stands beside the form too: request, status, the Retry-After it sent, the body.
      const locked = await shownExchange(page, "#login-result");
      assert.equal(locked.request, "POST /api/login → 429 Too Many Requests");
      assert.equal(locked.explanation, await message(page));
      assert.match(locked.headers["Retry-After"], /^([1-9]|[12]\d|30)$/);
      assert.ok(locked.explanation.includes(`locked for ${locked.headers["Retry-After"]} s`));
      assert.equal(JSON.parse(locked.body).code, "ERR_ACCOUNT_LOCKED");

      // Unreachable: the connection is refused.
      await page.route("**/api/**", (route) => route.abort("connectionrefused"));
      await signInExpectingFailure(page, demoUser.username, demoUser.password);
      assert.match(await message(page), /^The server is unreachable/);
      await page.unroute("**/api/**");
      await signIn(page, "localStorage", demoUser);
      await page.route("**/api/profile", (route) => route.abort("connectionrefused"));
      assert.equal((await call(page, "Get profile", "/api/profile")).status, "unreachable");
      assert.match(await message(page), /^Profile: The server is unreachable/);
      assert.equal(await page.isVisible("#session"), true, "still signed in");
      await page.unroute("**/api/profile");
      assert.equal((await call(page, "Get profile", "/api/profile")).status, "200");
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("preload hints: jwt-edge's modules and .wasm download with the page, each once", async () => {
    const context = await browser.newContext();
    try {
      const page = await openPage(context, api);
      const entries = await page.evaluate(() =>
        performance.getEntriesByType("resource").map(({ name, initiatorType, startTime, responseEnd }) => ({
          path: new URL(name).pathname,
          initiatorType,
          startTime,
          responseEnd,
        })),
      );
      const fetched = (path) => entries.filter((entry) => entry.path === path);
      const [app] = fetched("/app.js");
      for (const path of ["/pkg/decode.js", "/pkg/client.js", "/pkg/jwt_edge_decode_bg.wasm"]) {
        // Started from the page's own hints, not found only once app.js (or
        // the glue, for the .wasm) had arrived, and never fetched again.
        assert.equal(fetched(path).length, 1, `${path} fetched once`);
        assert.ok(fetched(path)[0].startTime < app.responseEnd, `${path} requested before app.js arrived`);
      }
      // The .wasm request is the preload's (a mismatched `crossorigin` would
      // make the glue's fetch a second request).
      assert.equal(fetched("/pkg/jwt_edge_decode_bg.wasm")[0].initiatorType, "link");
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("accessible: labelled controls, keyboard-only sign-in and calls, readable at 390 px", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await openPage(context, api);
      const unlabelled = await page.$$eval("input, textarea, select, button, progress", (elements) =>
        elements
          .filter((element) => {
            const name =
              element.getAttribute("aria-label") ??
              [...(element.labels ?? [])].map((label) => label.textContent).join(" ").trim() ??
              "";
            return !(name || (element.tagName === "BUTTON" && element.textContent.trim()));
          })
          .map((element) => element.outerHTML),
      );
      assert.deepEqual(unlabelled, []);
      const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.equal(await fitsWidth(), true, "no horizontal scrolling when signed out");

      // Keyboard only: Tab reaches the storage choice, the fields and the button, in order.
      const order = [];
      for (let i = 0; i < 4; i += 1) {
        await page.keyboard.press("Tab");
        order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.value));
      }
      assert.deepEqual(order, ["localStorage", "username", "password", "sign-in"]);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.type(demoUser.username);
      await page.keyboard.press("Tab");
      await page.keyboard.type(demoUser.password);
      await page.keyboard.press("Enter");
      await page.waitForSelector("#session:not([hidden])");
      // Focus moved to "Get profile": Enter calls it.
      assert.equal(await page.evaluate(() => document.activeElement.id), "get-profile");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("#message").textContent === "Profile: 200 OK.");
      assert.equal(await fitsWidth(), true, "no horizontal scrolling when signed in");
      await page.screenshot({ path: `${screenshots}/demo-logged-in-phone.png`, fullPage: true });

      // The decoder panel, by keyboard too.
      await page.focus("#decoder summary");
      await page.keyboard.press("Enter");
      const token = jwt.sign({ sub: "user-1", roles: ["admin"] }, "a-demo-secret-of-at-least-32-bytes!!", { expiresIn: "1h" });
      await page.getByLabel("Token to decode").fill(token);
      await page.waitForSelector("#paste-decoded:not([hidden])");
      assert.deepEqual(JSON.parse(await page.textContent("#paste-payload")), jwt.decode(token).payload);
      assert.match(await page.textContent("#paste-status"), /^Decoded, not verified: expires in 3\d{3} s/);
      await page.getByLabel("Token to decode").fill("not.a.token");
      assert.match(await page.textContent("#paste-status"), /^ERR_JWS_INVALID: /);
      assert.equal(await page.isHidden("#paste-decoded"), true);
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });
});

test("the demo accounts and their passwords show only where the worker runs with the seeded local database", async () => {
  const context = await browser.newContext();
  try {
    const local = await openPage(context, api);
    assert.equal(await local.isVisible(".accounts"), true);
    assert.equal(await local.isVisible(`text=${demoUser.password}`), true);
    await local.getByRole("button", { name: `Use ${demoAdmin.username}` }).click();
    assert.equal(await local.inputValue("#password"), demoAdmin.password);
    const deployed = await openPage(context, unseededApi);
    assert.equal(await deployed.isVisible(".accounts"), false);
    assert.equal(await deployed.isVisible(`text=${demoUser.password}`), false);
    assert.deepEqual(await logRows(deployed), [], "asking the worker is not a logged API call");
    await assertNoConsoleErrors(local);
    await assertNoConsoleErrors(deployed);
  } finally {
    await context.close();
  }
});


test("the page's Content-Security-Policy allows exactly its import map", () => {
  const html = readFileSync(`${root}www/index.html`, "utf8");
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = createHash("sha256").update(importMap).digest("base64");
  assert.match(html, new RegExp(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, "\\$&")}'`));
  // The page and the auth client read tokens with the module that only
  // decodes, the smallest download; the verifying entries are mapped for the
  // signature checks, which import them on first use (demo-page-reading.test.mjs).
  assert.deepEqual(JSON.parse(importMap), {
    imports: {
      "jwt-edge/decode": "/pkg/decode.js",
      "jwt-edge/client": "/pkg/client.js",
      "jwt-edge/jwk": "/pkg/jwk.js",
      "jwt-edge/remote-jwks": "/pkg/remote-jwks.js",
    },
  });
});
