// The demo page's answers standing on their own, in real Chromium: each API
// result with its method, path, status, the headers that say why and the
// explanation beside it (on a phone too), cleared on logout; the request log
// said to be (and being) cleared on reload; cookie mode showing what the
// server says of the session; the register form and the refresh hint on a
// worker without the demo accounts; the link to the docs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { startApiWorker } from "./support/api-worker.mjs";
import { launchChromium } from "./support/browser.mjs";
import { assertNoConsoleErrors, authCookies, call, logRows, message, openPage, shownExchange, signIn } from "./support/demo-page.mjs";

const root = new URL("../../", import.meta.url).pathname;
const [demoUser] = demoAccounts;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let api; // tokens that live a minute: none refreshes during a test
let deployedApi; // as deployed: no demo accounts; 20 s tokens
let browser;

before(async () => {
  [api, deployedApi, browser] = await Promise.all([
    startApiWorker({ ACCESS_TTL: "60" }),
    startApiWorker({ ACCESS_TTL: "20" }, { seed: false }),
    launchChromium(),
  ]);
});
after(async () => {
  await browser?.close();
  await Promise.all([api, deployedApi].filter(Boolean).map((worker) => worker.stop()));
});

/** What the server itself answers to GET `path` with these headers: the WWW-Authenticate value. */
async function challengeOf(path, headers = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  await response.body?.cancel();
  return response.headers.get("www-authenticate");
}

/** Whether the element is on screen, whole, in the viewport as it is scrolled now. */
function inViewport(page, selector) {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

describe("the demo page's answers", { concurrency: true }, () => {
  test("on a phone, each API result shows method, path, status, WWW-Authenticate and Set-Cookie, with its explanation beside it in view; logout clears it", async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await openPage(context, api);
      await signIn(page, "localStorage", demoUser);
      const token = await page.evaluate(() => window.authClient.accessToken());

      await call(page, "Get admin data", "/api/admin");
      const denied = await shownExchange(page, "#result");
      assert.equal(denied.request, "GET /api/admin → 403 Forbidden");
      assert.equal(denied.explanation, await message(page));
      assert.match(denied.explanation, /^Admin data: 403 Forbidden\. You are signed in, but this account lacks the role/);
      assert.equal(denied.headers["WWW-Authenticate"], await challengeOf("/api/admin", { authorization: `Bearer ${token}` }));
      assert.match(denied.headers["WWW-Authenticate"], /error="insufficient_scope"/);
      assert.equal(denied.headers["Set-Cookie"], "hidden from this page by the browser (scripts never see it), if the answer had one.");
      assert.equal(JSON.parse(denied.body).code, "ERR_INSUFFICIENT_SCOPE");
      assert.equal(await inViewport(page, "#result .exchange-explanation"), true, "the explanation is in view after pressing the button");
      assert.equal(await inViewport(page, "#result .exchange-request"), true);

      await call(page, "Get profile", "/api/profile");
      const profile = await shownExchange(page, "#result");
      assert.equal(profile.request, "GET /api/profile → 200 OK");
      assert.equal(profile.explanation, "Profile: 200 OK.");
      assert.equal(JSON.parse(profile.body).username, demoUser.username);
      assert.deepEqual(Object.keys(profile.headers), ["Set-Cookie"], "no WWW-Authenticate nor Retry-After on a 200");
      assert.equal(await inViewport(page, "#result .exchange-explanation"), true);

      // Logging out clears the last result; a call without a session shows the server's challenge.
      await call(page, "Log out", "/api/logout");
      await page.waitForSelector("#login:not([hidden])");
      assert.deepEqual(await shownExchange(page, "#result"), { hidden: true, request: undefined, explanation: undefined, headers: {}, body: undefined });
      await call(page, "Get profile", "/api/profile");
      const refused = await shownExchange(page, "#result");
      assert.equal(refused.request, "GET /api/profile → 401 Unauthorized");
      assert.match(refused.explanation, /^Profile: 401 Unauthorized: you are not signed in/);
      assert.equal(refused.headers["WWW-Authenticate"], await challengeOf("/api/profile"));
      assert.equal(await inViewport(page, "#result .exchange-explanation"), true);
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("the request log says it is cleared on reload, and it is", async () => {
    const context = await browser.newContext();
    try {
      const page = await openPage(context, api);
      assert.match(await page.textContent("#log .hint"), /The log lives in this page only: it is cleared when the page reloads\./);
      await signIn(page, "localStorage", demoUser);
      await call(page, "Get profile", "/api/profile");
      assert.deepEqual((await logRows(page)).map((row) => row.path), ["/api/login", "/api/profile"]);
      await page.reload();
      await page.waitForSelector("html[data-ready]");
      await page.waitForSelector("#session:not([hidden])");
      assert.deepEqual(await logRows(page), []);
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("cookie mode shows what the server says of the session, and the cookie names never break at their hyphen", async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await openPage(context, api);
      const profileAnswer = () => page.waitForResponse(`${api.url}/api/profile`).then((response) => response.json());
      const asked = profileAnswer();
      await signIn(page, "cookie", demoUser);
      await page.waitForFunction(() => !/^asking/.test(document.querySelector("#server-expiry").textContent));
      // What the server answers about this account.
      const login = await fetch(`${api.url}/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...demoUser, mode: "bearer" }),
      });
      const { accessToken } = await login.json();
      const profile = await (await fetch(`${api.url}/api/profile`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
      assert.equal(await page.textContent("#server-subject"), profile.sub);
      assert.equal(await page.textContent("#server-username"), demoUser.username);
      assert.equal(await page.textContent("#server-roles"), "user");
      // The expiry is the server's: the `exp` of the access cookie's token.
      const { exp } = await asked;
      assert.equal(await page.getAttribute("#server-expiry time", "datetime"), new Date(exp * 1000).toISOString());
      assert.match(await page.textContent("#server-expiry"), /\(in \d+ s\)$/);
      assert.ok((await logRows(page)).some((row) => row.path === "/api/profile" && row.status === "200"), "asked with GET /api/profile");

      // A refresh's answer: the page says which cookies it sets, though the browser hides the header.
      const reasked = profileAnswer();
      await call(page, "Refresh now", "/api/refresh");
      const refreshed = await shownExchange(page, "#result");
      assert.equal(refreshed.request, "POST /api/refresh → 200 OK");
      assert.equal(refreshed.headers["Set-Cookie"], "hidden from this page by the browser; in cookie mode this answer sets __Host-access and __Secure-refresh.");
      assert.deepEqual(JSON.parse(refreshed.body), { tokenType: "Cookie", expiresIn: 60 });
      // After the refresh the page asks again, for the new cookie's expiry.
      const { exp: refreshedExp } = await reasked;
      await page.waitForFunction((at) => document.querySelector("#server-expiry time")?.getAttribute("datetime") === at, new Date(refreshedExp * 1000).toISOString());
      assert.deepEqual([...new Set((await authCookies(context)).map((cookie) => cookie.name))].sort(), ["__Host-access", "__Secure-refresh"]);

      // Every cookie name stays on one line at every phone width.
      const names = await page.$$eval("code.cookie-name", (codes) => codes.map((code) => code.textContent));
      assert.deepEqual(names, ["__Host-access", "__Secure-refresh", "__Host-access", "__Secure-refresh"]);
      for (let width = 300; width <= 480; width += 4) {
        await page.setViewportSize({ width, height: 844 });
        const lines = await page.$$eval("code.cookie-name", (codes) => codes.map((code) => code.getClientRects().length));
        assert.deepEqual(lines, [1, 1, 1, 1], `at ${width} px`);
      }
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("without the demo accounts: the register form makes an account and signs in, and the refresh hint tells what the client does with 20 s tokens", async () => {
    const context = await browser.newContext();
    try {
      const page = await openPage(context, deployedApi);
      assert.equal(await page.isVisible(".accounts"), false);
      const register = async (username, password) => {
        if (!(await page.isVisible("#register-form"))) await page.getByText("No account? Create one").click();
        const before = (await logRows(page)).length;
        await page.getByLabel("Choose a username").fill(username);
        await page.getByLabel("Choose a password").fill(password);
        await page.getByRole("button", { name: "Create the account and sign in" }).click();
        await page.waitForFunction(
          (count) => document.querySelectorAll("#request-log tbody tr").length > count && !document.querySelector("#register-submit").disabled,
          before,
        );
      };

      // The worker's rules, in its own words.
      await register("a", "a long enough password");
      const tooShort = await shownExchange(page, "#login-result");
      assert.equal(tooShort.request, "POST /api/register → 400 Bad Request");
      assert.equal(tooShort.explanation, "The server refused the account: the username must be 3 to 32 characters long.");
      await register("new.user", "short");
      assert.equal((await shownExchange(page, "#login-result")).explanation, "The server refused the account: the password must be 8 to 128 characters long.");

      const username = `reader-${process.pid}`;
      await register(username, "a long enough password");
      await page.waitForSelector("#session:not([hidden])");
      assert.equal(await message(page), `Account ${username} created; signed in as ${username}.`);
      assert.match(await page.textContent("#who"), new RegExp(`^Signed in as ${username};`));
      assert.deepEqual((await logRows(page)).slice(-2).map((row) => `${row.path} ${row.status}`), ["/api/register 201", "/api/login 200"]);
      assert.equal(await page.isHidden("#login-result"), true);
      // The client's margin (30 s by default) cut to half of a 20 s lifetime.
      assert.match(await page.textContent("#refresh-info"), /^Automatic refresh in ([0-9]|10) s: 10 s before expiry, half-way through the token's 20 s life\.$/);
      const { expiresAt, refreshAt } = await page.evaluate(() => window.authClient.session());
      assert.equal(expiresAt - refreshAt, 10);

      await call(page, "Log out", "/api/logout");
      await register(username, "another long password");
      assert.equal((await shownExchange(page, "#login-result")).explanation, "That username is taken: choose another.");
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("the page links to the project's README", async () => {
    const context = await browser.newContext();
    try {
      const page = await openPage(context, api);
      const repository = /^repository = "([^"]+)"$/m.exec(readFileSync(`${root}Cargo.toml`, "utf8"))[1];
      const link = page.getByRole("link", { name: /Documentation/ });
      assert.equal(await link.isVisible(), true);
      assert.equal(await link.getAttribute("href"), `${repository}#readme`);
    } finally {
      await context.close();
    }
  });
});
