// The demo page reading tokens, in real Chromium: the times of a token in one
// local format, the copy buttons, the decoder's warnings and refusals (each
// with jwt-edge's code and its plain explanation), and signatures verified in
// the page against the worker's published keys or a pasted key.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import * as jwt from "../../pkg/node.js";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { explanations } from "../../www/explanations.js";
import { startApiWorker } from "./support/api-worker.mjs";
import { launchChromium } from "./support/browser.mjs";
import { assertNoConsoleErrors, openPage, shownToken, signIn } from "./support/demo-page.mjs";

const root = new URL("../../", import.meta.url).pathname;
const [demoUser] = demoAccounts;
const SECRET = "a-demo-secret-of-at-least-32-bytes!!";
// The reader's locale and time zone, set in the browser; not UTC, so that a
// time shown in UTC (or in another format) fails.
const LOCALE = "en-GB";
const TIME_ZONE = "Asia/Tokyo";
const pageFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "medium", timeZone: TIME_ZONE });

let api; // EdDSA tokens that live a minute: none refreshes during a test
let hmacApi; // HS256: the shared secret is never published
let browser;

before(async () => {
  [api, hmacApi, browser] = await Promise.all([
    startApiWorker({ ACCESS_TTL: "60" }),
    startApiWorker({ ACCESS_TTL: "60", JWT_ALG: "HS256", JWT_SECRET: "the-worker's-own-secret-of-32+-bytes" }),
    launchChromium(),
  ]);
});
after(async () => {
  await browser?.close();
  await Promise.all([api, hmacApi].filter(Boolean).map((worker) => worker.stop()));
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** A token with this header and payload, and a signature of made-up bytes (or none). */
const handMade = (header, payload, signature = "c2lnbmF0dXJl") => `${b64(header)}.${b64(payload)}.${signature}`;

function newContext(options = {}) {
  return browser.newContext({ locale: LOCALE, timezoneId: TIME_ZONE, ...options });
}

/** The iat/nbf/exp list under `selector`: { claim: { number, time, datetime, relative } }. */
function shownTimes(page, selector) {
  return page.$$eval(`${selector} li`, (items) =>
    Object.fromEntries(
      items.map((item) => {
        const [, number] = item.querySelectorAll("code");
        const time = item.querySelector("time");
        return [item.dataset.claim, { number: number.textContent, time: time.textContent, datetime: time.dateTime, relative: item.querySelector(".relative").textContent }];
      }),
    ),
  );
}

async function paste(page, token) {
  if (!(await page.isVisible("#paste"))) await page.click("#decoder summary");
  await page.getByLabel("Token to decode").fill(token);
}

/** The decoder's warnings: [{ code, text }]. */
function warnings(page) {
  return page.$$eval("#paste-warnings li", (items) => items.map((item) => ({ code: item.dataset.code, text: item.textContent })));
}

describe("the demo page reads tokens", { concurrency: true }, () => {
  test("exp, iat and nbf are shown beside their numbers in one local format, with in N s / N s ago; every time on the page is in that format", async () => {
    const context = await newContext();
    try {
      const page = await openPage(context, api);
      await signIn(page, "localStorage", demoUser);
      const { payload } = jwt.decode(await shownToken(page));
      const times = await shownTimes(page, "#token-times");
      assert.deepEqual(Object.keys(times), ["iat", "exp"]);
      for (const claim of ["iat", "exp"]) {
        assert.equal(times[claim].number, String(payload[claim]));
        assert.equal(times[claim].time, pageFormat.format(payload[claim] * 1000), `${claim} in the reader's format and zone`);
        assert.equal(times[claim].datetime, new Date(payload[claim] * 1000).toISOString());
      }
      assert.match(times.exp.relative, /^in \d+ s$/);
      assert.match(times.iat.relative, /^(\d+ s ago|now)$/);

      // A pasted token with all three, one of them past.
      const pasted = handMade({ alg: "HS256" }, { sub: "a", iat: now() - 120, nbf: now() + 600, exp: now() + 3600 });
      await paste(page, pasted);
      const pastedTimes = await shownTimes(page, "#paste-times");
      assert.deepEqual(Object.keys(pastedTimes), ["iat", "nbf", "exp"]);
      assert.match(pastedTimes.iat.relative, /^1[12]\d s ago$/);
      assert.match(pastedTimes.nbf.relative, /^in (59\d|600) s$/);
      assert.match(pastedTimes.exp.relative, /^in 3[56]\d\d s$/);
      assert.equal(pastedTimes.exp.time, pageFormat.format(jwt.decode(pasted).payload.exp * 1000));

      // A refresh and its time: now the log, the refresh hint and the claims all show times.
      await page.getByRole("button", { name: "Refresh now" }).click();
      await page.waitForFunction(() => document.querySelector("#refresh-info time"));
      const allTimes = await page.$$eval("time", (elements) => elements.map((element) => [element.dateTime, element.textContent]));
      assert.ok(allTimes.length >= 8, `${allTimes.length} times`);
      for (const [datetime, text] of allTimes) assert.equal(text, pageFormat.format(new Date(datetime)), datetime);
      // No time anywhere else on the page: no clock time, no ISO date outside a <time>.
      const elsewhere = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const texts = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.parentElement.closest("time, script, style, textarea")) texts.push(node.textContent);
        }
        return texts.join("\n");
      });
      assert.doesNotMatch(elsewhere, /\b\d{1,2}:\d{2}\b|\d{4}-\d{2}-\d{2}T/);
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("copy buttons put the token and the decoded JSON on the clipboard", async () => {
    const context = await newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    try {
      const page = await openPage(context, api);
      await signIn(page, "sessionStorage", demoUser);
      const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
      const token = await shownToken(page);
      await page.getByRole("button", { name: "Copy the token" }).click();
      await page.waitForFunction(() => document.querySelector("#copy-token-status").textContent === "Copied the token.");
      assert.equal(await clipboard(), token);
      await page.locator("#token-view").getByRole("button", { name: "Copy the JSON" }).click();
      await page.waitForFunction(() => document.querySelector("#copy-token-status").textContent === "Copied the JSON.");
      const { header, payload } = jwt.decode(token);
      assert.deepEqual(JSON.parse(await clipboard()), { header, payload });

      const pasted = jwt.sign({ sub: "pasted", exp: now() + 600 }, SECRET);
      await paste(page, pasted);
      await page.locator("#decoder").getByRole("button", { name: "Copy the JSON" }).click();
      await page.waitForFunction(() => document.querySelector("#copy-paste-status").textContent === "Copied the JSON.");
      assert.deepEqual(JSON.parse(await clipboard()), { header: jwt.decode(pasted).header, payload: jwt.decode(pasted).payload });
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("the decoder warns on alg none, an expired token and one not yet valid, refuses a header jwt-edge would refuse, and takes off a pasted Bearer", async () => {
    const context = await newContext();
    try {
      const page = await openPage(context, api);
      const status = () => page.textContent("#paste-status");

      // A sound token: decoded, no warning.
      const sound = jwt.sign({ sub: "a", exp: now() + 600 }, SECRET);
      await paste(page, sound);
      assert.match(await status(), /^Decoded, not verified: expires in (59\d|600) s \(.+\)\.$/);
      assert.deepEqual(await warnings(page), []);

      // A pasted Authorization header value: the scheme is taken off.
      await paste(page, `Bearer ${sound}`);
      assert.match(await status(), /The leading "Bearer " was taken off\.\)$/);
      assert.deepEqual(JSON.parse(await page.textContent("#paste-payload")), jwt.decode(sound).payload);
      await paste(page, `  bearer   ${sound}\n`);
      assert.deepEqual(JSON.parse(await page.textContent("#paste-payload")), jwt.decode(sound).payload);

      const cases = [
        ["alg none", handMade({ alg: "none" }, { sub: "a", exp: now() + 600 }, ""), "ERR_JOSE_ALG_NOT_ALLOWED", /^alg: none: this token carries no signature/],
        ["expired", jwt.sign({ sub: "a", exp: now() - 100 }, SECRET), "ERR_JWT_EXPIRED", /^Expired (9\d|10\d) s ago\./],
        ["not yet valid", jwt.sign({ sub: "a", nbf: now() + 300, exp: now() + 600 }, SECRET), "ERR_JWT_CLAIM_VALIDATION_FAILED", /^Not valid yet: valid from in (29\d|300) s\./],
      ];
      for (const [name, token, code, text] of cases) {
        await paste(page, token);
        const shown = await warnings(page);
        assert.deepEqual(shown.map((warning) => warning.code), [code], name);
        assert.match(shown[0].text, text, name);
        // The code, and its explanation from the one table.
        assert.ok(shown[0].text.includes(`A verifier refuses it: ${code}. ${explanations[code]}`), `${name}: ${shown[0].text}`);
        assert.equal(await page.isVisible("#paste-decoded"), true, `${name}: still decoded, to be read`);
        assert.match(await page.getAttribute("#paste-status", "class"), /error/);
      }

      // Headers jwt-edge refuses to read at all: its code and the explanation, nothing decoded.
      const refused = [
        [handMade({ alg: "HS256", crit: ["exp"] }, { sub: "a" }), "ERR_JOSE_NOT_SUPPORTED"],
        [handMade({ alg: "HS256", typ: 7 }, { sub: "a" }), "ERR_JWS_INVALID"],
        [handMade({ typ: "JWT" }, { sub: "a" }), "ERR_JWS_INVALID"],
        ["not.a.token", "ERR_JWS_INVALID"],
      ];
      for (const [token, code] of refused) {
        await paste(page, token);
        let libraryError;
        try {
          jwt.decode(token);
        } catch (error) {
          libraryError = error;
        }
        assert.equal(libraryError?.code, code, "what the library itself says");
        assert.equal(await status(), `${code}: ${libraryError.message}. ${explanations[code]}`);
        assert.equal(await page.isHidden("#paste-decoded"), true);
      }
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("every error code of the package has a plain explanation in the page's one table", () => {
    const declarations = readFileSync(`${root}pkg/jwt_edge_jwk.d.ts`, "utf8");
    const unions = [...declarations.matchAll(/type (?:JwtErrorCode|TokenErrorCode) =([^;]+);/g)].map((match) => match[1]).join("");
    const codes = [...unions.matchAll(/"(ERR_\w+)"/g)].map((match) => match[1]);
    assert.ok(codes.length >= 14, `${codes.length} codes`);
    assert.deepEqual(codes.filter((code) => !explanations[code]), []);
    assert.deepEqual(Object.keys(explanations).filter((code) => !codes.includes(code)), [], "no explanation of a code the package never gives");
  });

  test("the page verifies its own token against /.well-known/jwks.json, fetching jwt-edge/jwk only then; an edited payload fails", async () => {
    const context = await newContext();
    try {
      const page = await openPage(context, api);
      await signIn(page, "localStorage", demoUser);
      // Signed in, the page has fetched only the module that decodes.
      assert.deepEqual(page.wasmRequests, ["/pkg/jwt_edge_decode_bg.wasm"]);
      assert.ok(!page.requests.includes("/pkg/jwk.js") && !page.requests.includes("/.well-known/jwks.json"));
      assert.equal(await page.textContent("#token-signature"), "Not verified yet.");

      await page.getByRole("button", { name: "Verify the signature" }).click();
      await page.waitForFunction(() => !/^(Not verified yet|Verifying)/.test(document.querySelector("#token-signature").textContent));
      assert.equal(
        await page.textContent("#token-signature"),
        `Signature verified in this page: EdDSA, key ${api.signingKey.kid} of /.well-known/jwks.json.`,
      );
      assert.deepEqual(page.wasmRequests, ["/pkg/jwt_edge_decode_bg.wasm", "/pkg/jwt_edge_jwk_bg.wasm"]);
      assert.ok(page.requests.includes("/pkg/jwk.js") && page.requests.includes("/pkg/remote-jwks.js"));
      assert.equal(page.requests.filter((path) => path === "/.well-known/jwks.json").length, 1);

      await page.getByRole("button", { name: "Edit the payload, then verify" }).click();
      await page.waitForFunction(() => document.querySelector("#edited-signature").textContent !== "");
      assert.equal(
        await page.textContent("#edited-signature"),
        "A copy whose payload was edited to add the role admin, signature kept, was refused: " +
          `ERR_JWS_SIGNATURE_VERIFICATION_FAILED. ${explanations.ERR_JWS_SIGNATURE_VERIFICATION_FAILED}`,
      );

      // A new token after a refresh is verified too, from the cached key set.
      const first = await shownToken(page);
      await page.getByRole("button", { name: "Refresh now" }).click();
      await page.waitForFunction((old) => document.querySelector("#token").textContent !== old, first);
      await page.waitForFunction(() => document.querySelector("#token-signature").textContent.startsWith("Signature verified"));
      assert.equal(page.requests.filter((path) => path === "/.well-known/jwks.json").length, 1, "the key set was kept");
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("with HS256 the page says why it cannot verify its token, and fetches nothing to try", async () => {
    const context = await newContext();
    try {
      const page = await openPage(context, hmacApi);
      await signIn(page, "localStorage", demoUser);
      const note =
        "Not verifiable here: this worker signs with HS256, a shared secret that it never publishes and that no page may hold. " +
        "The server verifies these tokens; with JWT_ALG EdDSA or ES256 the page can.";
      await page.getByRole("button", { name: "Verify the signature" }).click();
      await page.waitForFunction(() => document.querySelector("#token-signature").textContent !== "Not verified yet.");
      assert.equal(await page.textContent("#token-signature"), note);
      await page.getByRole("button", { name: "Edit the payload, then verify" }).click();
      await page.waitForFunction(() => document.querySelector("#edited-signature").textContent !== "");
      assert.equal(await page.textContent("#edited-signature"), note);
      assert.ok(!page.requests.includes("/pkg/jwk.js") && !page.requests.includes("/.well-known/jwks.json"));
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });

  test("the decoder verifies a pasted token against a pasted JWK, a JWK Set, or a JWK Set's URL, with the library's code when it fails", async () => {
    const context = await newContext();
    try {
      const page = await openPage(context, api);
      const keys = jwt.generateKeyPair("ES256");
      const other = jwt.generateKeyPair("ES256");
      const token = jwt.sign({ sub: "pasted", exp: now() + 600 }, keys.privateJwk);
      const verdict = async (key) => {
        await page.getByLabel("Public key").fill(typeof key === "string" ? key : JSON.stringify(key));
        await page.getByRole("button", { name: "Verify the signature" }).click();
        await page.waitForFunction(() => !/^(Verifying|$)/.test(document.querySelector("#verify-paste-status").textContent));
        return page.textContent("#verify-paste-status");
      };
      const refusedWith = (code) => `Not verified: ${code}. ${explanations[code]}`;
      await paste(page, token);
      assert.equal(page.wasmRequests.includes("/pkg/jwt_edge_jwk_bg.wasm"), false);
      const verified = `Signature verified: ES256, key ${keys.publicJwk.kid}. The claims passed their checks too.`;
      assert.equal(await verdict(keys.publicJwk), verified);
      assert.equal(await verdict({ keys: [other.publicJwk, keys.publicJwk] }), verified);
      assert.equal(await verdict({ keys: [other.publicJwk] }), refusedWith("ERR_JWKS_NO_MATCHING_KEY"));
      assert.equal(await verdict({ kty: "EC", crv: "P-256" }), refusedWith("ERR_JWK_INVALID"));
      assert.match(await verdict("a secret"), /^Not verified: The key is neither JSON/);

      // The payload edited, the signature kept.
      const [header, , signature] = token.split(".");
      await paste(page, `${header}.${b64({ sub: "admin", exp: now() + 600 })}.${signature}`);
      assert.equal(await verdict(keys.publicJwk), refusedWith("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"));

      // The worker's own token, against its key set's URL, absolute or a path.
      const login = await fetch(`${api.url}/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...demoUser, mode: "bearer" }),
      });
      const { accessToken } = await login.json();
      await paste(page, accessToken);
      const workerVerified = `Signature verified: EdDSA, key ${api.signingKey.kid}. The claims passed their checks too.`;
      assert.equal(await verdict(`${api.url}/.well-known/jwks.json`), workerVerified);
      assert.equal(await verdict("/.well-known/jwks.json"), workerVerified);
      assert.equal(await verdict(keys.publicJwk), refusedWith("ERR_JOSE_ALG_NOT_ALLOWED"), "an ES256 key never verifies an EdDSA token");
      await assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  });
});
