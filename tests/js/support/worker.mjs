// Runs `wrangler dev` (local workerd) on 127.0.0.1 and a free port, and stops it.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { binDir } from "./package.mjs";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `wrangler dev` in `cwd`; resolves to { url, inspector, stop } once it
 * answers HTTP (`inspector`: the DevTools protocol endpoint of its workers).
 * A start that ends before wrangler answers is tried again on new ports, up
 * to three times: a free port can be taken by another process between the
 * check and wrangler's bind (workerd binds ports of its own: "Address already
 * in use"), and under the whole suite's load wrangler 4.86 has exited at start
 * with an empty "✘ [ERROR]" line (a start that fails for a reason of its own
 * fails three times, and the last output is shown).
 */
export async function startWrangler(cwd, extraArgs = [], options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWranglerOnce(cwd, extraArgs, options);
    } catch (error) {
      if (attempt >= 3 || !/Address already in use|wrangler dev exited/.test(String(error.message))) throw error;
    }
  }
}

async function startWranglerOnce(cwd, extraArgs, { timeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const child = spawn(
    join(binDir, "wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort), ...extraArgs],
    {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1", SKIP_WORKER_BUILD: "1" },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let stopping = false;
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      // Whatever wrangler started in its process group goes with it.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    }
    // wrangler's proxy answers before the worker is up, and the worker is
    // built and loaded twice at start ("The file src changed, restarting
    // build..."): a request in between gets the proxy's 503 "Your worker
    // restarted mid-request". "Ready on" comes after both.
    if (!output.includes(`Ready on ${url}`)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      // A wrangler that ends before the test stops it leaves only "connection
      // refused" in the test that used it: its own output says why.
      child.once("exit", (code, signal) => {
        if (!stopping) {
          console.error(`wrangler dev in ${cwd} on ${url} exited (${signal ?? code}) before it was stopped:\n${output.slice(-8_000)}`);
        }
      });
      return { url, inspector: `http://127.0.0.1:${inspectorPort}`, stop, output: () => output };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}
