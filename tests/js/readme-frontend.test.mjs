// The README's frontend example ("In a frontend") runs as written in real
// Chromium, in a page on the worker's origin (as a deployed frontend would be)
// whose import map points at the built package, against the worker under
// `wrangler dev` with the demo accounts: each `console.log` prints what its
// comment says.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { startApiWorker } from "./support/api-worker.mjs";
import { launchChromium } from "./support/browser.mjs";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const frontendSection = readme.slice(readme.indexOf("## In a frontend"), readme.indexOf("## Deploying the edge worker"));
const example = frontendSection.match(/```js\n([\s\S]*?)```/)?.[1];

/** What each `console.log(…); // <value> …` line says it prints: the comment's first JSON value. */
function promised(source) {
  return [...source.matchAll(/console\.log\(.*\); \/\/ ("[^"]*"|true|false|-?\d+)/g)].map((match) => String(JSON.parse(match[1])));
}

let api;
let browser;
before(async () => {
  [api, browser] = await Promise.all([startApiWorker(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await api?.stop();
});

test("the README's frontend example runs in a page and prints what its comments say", async () => {
  assert.ok(example, "README.md's frontend section has a ```js example");
  const expected = promised(example);
  assert.ok(expected.length >= 3, "the example promises what it prints");

  const page = await browser.newPage();
  const printed = [];
  const errors = [];
  page.on("console", (message) => (message.type() === "error" ? errors : printed).push(message.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  // A page of the app's own, on the worker's origin; its imports resolve to
  // the package as the worker serves it (/pkg/, as `make site` copies it).
  const pageUrl = `${api.url}/readme-frontend.html`;
  await page.route(pageUrl, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html><head>
<script type="importmap">{ "imports": { "jwt-edge/client": "/pkg/client.js", "jwt-edge/decode": "/pkg/decode.js" } }</script>
<script type="module">${example}
window.__done = true;</script></head><body></body></html>`,
    }),
  );
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.__done === true || undefined, null, { timeout: 30_000 }).catch(() => {});
  await page.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(printed, expected);
});
