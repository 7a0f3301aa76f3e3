// The page `make dev` serves decodes a pasted token in real Chromium.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as jwt from "../../pkg/node.js";
import { serveStatic } from "../../scripts/static-server.mjs";
import { launchChromium } from "./support/browser.mjs";

const root = new URL("../../", import.meta.url).pathname;
let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await serveStatic({ "/": `${root}www`, "/pkg/": `${root}pkg` });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the demo page decodes a pasted token and names the error of a bad one", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${server.url}/`);
  const token = jwt.sign({ sub: "user-1", roles: ["admin"] }, "a-demo-secret-of-at-least-32-bytes!!", {
    expiresIn: "1h",
  });
  await page.getByLabel("Token").fill(token);
  await page.waitForSelector("#decoded:not([hidden])");
  assert.deepEqual(JSON.parse(await page.textContent("#payload")), jwt.decode(token).payload);
  assert.match(await page.textContent("#status"), /Decoded, not verified: expires in 3\d{3} s/);
  await page.getByLabel("Token").fill("not.a.token");
  assert.match(await page.textContent("#status"), /^ERR_JWS_INVALID: /);
  assert.equal(await page.isHidden("#decoded"), true);
  assert.deepEqual(errors, []);
  await page.close();
});
