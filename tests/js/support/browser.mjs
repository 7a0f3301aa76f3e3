// Debian's Chromium driven by playwright-core (no browser download), and the
// browsers the package's pages are checked in.
import { after, before, describe } from "node:test";
import { chromium } from "playwright-core";

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens `url`, waits for `window.__result`, and returns it with the console errors seen. */
export async function runPage(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20_000 });
  const result = await page.evaluate(() => window.__result);
  await page.close();
  return { result, errors, requested };
}

/**
 * The browsers the package's pages are checked in, each launched as
 * { runPage(url), close() } (runPage as above).
 */
export const pageBrowsers = [
  {
    name: "Chromium",
    async launch() {
      const browser = await launchChromium();
      return { runPage: (url) => runPage(browser, url), close: () => browser.close() };
    },
  },
  {
    name: "Firefox",
    async launch() {
      const { launchFirefox } = await import("./firefox.mjs");
      return launchFirefox();
    },
  },
];

/**
 * Declares `define`'s tests once per browser of `pageBrowsers`, in a suite
 * named for it; `define` gets that browser's `runPage(url)`.
 */
export function inEachPageBrowser(define) {
  for (const { name, launch } of pageBrowsers) {
    describe(`in ${name}`, () => {
      let browser;
      before(async () => {
        browser = await launch();
      });
      after(async () => {
        await browser?.close();
      });
      define((url) => browser.runPage(url));
    });
  }
}
