// The demo page's test helpers: opening it in Chromium, signing in, reading
// its request log and messages, and where a page keeps its tokens.
import assert from "node:assert/strict";

export const JWT_SHAPE = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

/** Opens the page in `context`, recording console errors, page errors, /api/refresh requests, fetched .wasm files and every path requested. */
export async function openPage(context, worker, { beforeLoad } = {}) {
  const page = await context.newPage();
  await beforeLoad?.(page);
  page.consoleErrors = [];
  page.refreshRequests = 0;
  page.on("console", (message) => {
    if (message.type() === "error") page.consoleErrors.push({ text: message.text(), url: message.location().url });
  });
  page.on("pageerror", (error) => page.consoleErrors.push({ text: `pageerror: ${error}` }));
  page.wasmRequests = [];
  page.requests = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    page.requests.push(pathname);
    if (pathname === "/api/refresh") page.refreshRequests += 1;
    if (pathname.endsWith(".wasm")) page.wasmRequests.push(pathname);
  });
  await page.goto(worker.url);
  await page.waitForSelector("html[data-ready]").catch((error) => {
    const seen = page.consoleErrors.map(({ text }) => text).join("\n");
    throw new Error(`${error.message}\nconsole errors: ${seen || "none"}\nrequests: ${page.requests.join(" ")}`);
  });
  return page;
}

/**
 * Stops the page's (installed) clock a second ahead of the page's own time.
 * The target is taken from the page, and taken again if the page's clock has
 * passed it before the pause arrives (a loaded machine can take that long).
 */
export async function pauseClockSoon(page) {
  for (let attempt = 1; ; attempt++) {
    const target = (await page.evaluate(() => Date.now())) + 1_000;
    try {
      return await page.clock.pauseAt(target);
    } catch (error) {
      if (attempt === 5 || !String(error).includes("fast-forward to the past")) throw error;
    }
  }
}

/**
 * No console errors but Chromium's own network lines ("Failed to load
 * resource: …") for the non-2xx answers and unreachable calls that the page
 * reports in its request log: one log row of that path and status for each.
 */
export async function assertNoConsoleErrors(page) {
  const rows = await logRows(page);
  const unexpected = [];
  for (const { text, url } of page.consoleErrors) {
    const network = /^Failed to load resource: (?:the server responded with a status of (\d{3})|net::ERR_)/.exec(text);
    const path = url && new URL(url).pathname;
    const status = network?.[1] ?? "unreachable";
    const index = network ? rows.findIndex((row) => row.path === path && row.status === status) : -1;
    if (index === -1) unexpected.push(text);
    else rows.splice(index, 1);
  }
  assert.deepEqual(unexpected, []);
}

export async function signIn(page, storage, { username, password }) {
  await page.check(`input[name="storage"][value="${storage}"]`);
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector("#session:not([hidden])").catch(async (error) => {
    throw new Error(`${error.message}\nthe page says: ${await message(page)}`);
  });
}

/** The request log, oldest first: [{ method, path, status, attached }]. */
export function logRows(page) {
  return page.$$eval("#request-log tbody tr", (rows) =>
    rows.reverse().map((row) => ({ ...row.dataset })),
  );
}

/** Clicks `button`, waits until its action is done, and returns the request log row it added. */
export async function call(page, button, path) {
  const before = (await logRows(page)).length;
  const control = page.getByRole("button", { name: button });
  await control.click();
  await page.waitForFunction(
    ([count, wanted, name]) => {
      const rows = [...document.querySelectorAll("#request-log tbody tr")].reverse().slice(count);
      const busy = [...document.querySelectorAll("button[aria-busy]")].some((b) => b.textContent === name);
      return !busy && rows.some((row) => row.dataset.path === wanted && row.dataset.status);
    },
    [before, path, button],
  );
  const rows = (await logRows(page)).slice(before).filter((row) => row.path === path);
  return rows.at(-1);
}

export const shownToken = (page) => page.textContent("#token");
export const message = (page) => page.textContent("#message");

/** Every place a page can keep data, as strings. */
export function storageSnapshot(page) {
  return page.evaluate(async () => {
    const dump = (storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => [storage.key(i), storage.getItem(storage.key(i))]));
    const done = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const indexed = {};
    for (const { name } of await indexedDB.databases()) {
      const db = await done(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const objects = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([done(objects.getAllKeys()), done(objects.getAll())]);
        indexed[`${name}/${store}`] = JSON.stringify(keys.map((key, i) => [key, values[i]]));
      }
      db.close();
    }
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      documentCookie: document.cookie,
      indexedDB: indexed,
      caches: await caches.keys(),
    };
  });
}

export const authCookies = async (context) =>
  (await context.cookies()).filter((cookie) => cookie.name === "__Host-access" || cookie.name === "__Secure-refresh");

/** The token is in the chosen storage and nowhere else. */
export async function assertTokenOnlyIn(page, storage) {
  const snapshot = await storageSnapshot(page);
  // IndexedDB holds the client's register of session record ids, nothing else.
  assert.deepEqual(Object.keys(snapshot.indexedDB), ["jwt-edge-client/sessions"]);
  assert.doesNotMatch(snapshot.indexedDB["jwt-edge-client/sessions"], JWT_SHAPE);
  assert.deepEqual(snapshot.caches, []);
  if (storage === "cookie") {
    const cookies = await authCookies(page.context());
    const access = cookies.find((cookie) => cookie.name === "__Host-access");
    assert.ok(access, "the browser holds the access cookie");
    assert.equal(access.httpOnly, true);
    assert.equal(access.secure, true);
    assert.equal(access.sameSite, "Strict");
    assert.match(access.value, JWT_SHAPE);
    assert.equal(snapshot.documentCookie, "", "document.cookie shows nothing");
    const everything = JSON.stringify([snapshot.localStorage, snapshot.sessionStorage, snapshot.indexedDB]);
    for (const cookie of cookies) assert.ok(!everything.includes(cookie.value), `${cookie.name} is in no storage`);
    assert.doesNotMatch(everything, JWT_SHAPE);
    assert.equal(await page.evaluate(() => window.authClient.accessToken()), null);
    return;
  }
  const other = storage === "localStorage" ? "sessionStorage" : "localStorage";
  const record = JSON.parse(snapshot[storage]["jwt-edge.session"]);
  const token = await shownToken(page);
  assert.equal(record.accessToken, token);
  assert.match(record.refreshToken, /^[\w-]{43}$/);
  for (const [key, value] of Object.entries(snapshot[storage])) {
    if (key !== "jwt-edge.session") assert.doesNotMatch(value, JWT_SHAPE, key);
  }
  const elsewhere = JSON.stringify([snapshot[other], snapshot.documentCookie, snapshot.indexedDB]);
  assert.ok(!elsewhere.includes(token) && !elsewhere.includes(record.refreshToken), `no token outside ${storage}`);
  assert.doesNotMatch(elsewhere, JWT_SHAPE);
  assert.deepEqual(await authCookies(page.context()), [], "no auth cookies");
}

/** Waits for the page's next POST /api/refresh and for the session it brings; returns the log row. */
export async function nextRefresh(page, { timeout = 15_000 } = {}) {
  const before = (await logRows(page)).filter((row) => row.path === "/api/refresh").length;
  const issuedAt = await page.evaluate(() => window.authClient.session()?.issuedAt);
  await page.waitForFunction(
    ([count, issued]) =>
      [...document.querySelectorAll('#request-log tbody tr[data-path="/api/refresh"]')].filter((row) => row.dataset.status)
        .length > count && window.authClient.session()?.issuedAt !== issued,
    [before, issuedAt],
    { timeout },
  );
  return (await logRows(page)).filter((row) => row.path === "/api/refresh").at(-1);
}

export async function signInExpectingFailure(page, username, password) {
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const before = (await logRows(page)).length;
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForFunction(
    (count) => {
      const rows = document.querySelectorAll("#request-log tbody tr");
      return rows.length > count && rows[0].dataset.status && !document.querySelector("#sign-in").disabled;
    },
    before,
  );
}

/** The request and answer shown in `selector` (#result, #login-result): { request, explanation, headers: { name: value }, body }. */
export function shownExchange(page, selector) {
  return page.$eval(selector, (root) => ({
    hidden: root.hidden,
    request: root.querySelector(".exchange-request")?.textContent,
    explanation: root.querySelector(".exchange-explanation")?.textContent,
    headers: Object.fromEntries([...root.querySelectorAll(".exchange-headers dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    body: root.querySelector(".exchange-body")?.textContent,
  }));
}
