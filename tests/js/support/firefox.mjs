// Debian's Firefox ESR driven through geckodriver (WebDriver), as the
// wasm-bindgen tests drive it: Playwright drives only its own Firefox build,
// which is not installed. Same shape as browser.mjs's `runPage`.
import { spawn } from "node:child_process";
import { homedir } from "node:os";
import { join } from "node:path";
import { freePort } from "./worker.mjs";

const geckodriver = process.env.GECKODRIVER ?? join(homedir(), ".cargo/bin/geckodriver");

/** Starts geckodriver and one headless Firefox session; resolves to { runPage, close }. */
export async function launchFirefox() {
  const port = await freePort();
  const driver = spawn(geckodriver, ["--host", "127.0.0.1", "--port", String(port)], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  driver.stderr.on("data", (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`geckodriver ${method} ${path}: ${value?.message ?? response.status}\n${log}`);
    return value;
  };
  const stop = () => {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {}
  };
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await call("GET", "/status")).ready) break;
      } catch (error) {
        if (tries > 100) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { sessionId } = await call("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "firefox",
          "moz:firefoxOptions": { binary: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr", args: ["-headless"] },
        },
      },
    });
    const session = `/session/${sessionId}`;
    const run = (script) => call("POST", `${session}/execute/sync`, { script, args: [] });
    return {
      /**
       * Opens `url`, waits for `window.__result`, and returns it with the
       * page's errors (caught by the page's own `window.__errors`, if any) and
       * the paths it fetched, in order (Resource Timing).
       */
      async runPage(url) {
        await call("POST", `${session}/url`, { url });
        const deadline = Date.now() + 20_000;
        while ((await run("return window.__result === undefined;")) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const result = await run("return window.__result === undefined ? null : JSON.parse(JSON.stringify(window.__result));");
        if (result === null) throw new Error(`${url} set no window.__result in Firefox within 20 s`);
        const requested = await run('return performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);');
        return { result, errors: (await run("return window.__errors ?? [];")) ?? [], requested };
      },
      async close() {
        await call("DELETE", session).catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
