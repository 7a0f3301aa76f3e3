// `make dev` on a clean run prints what a person needs (the URL, the demo
// accounts, where wrangler's log goes) and nothing that looks like a failure.
// It runs scripts/dev.mjs as `make dev` does, on a free port with its own
// database, started as over ssh (Debian's bash then reads its rc files in
// make's shells) on a machine that cannot reach Cloudflare.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { repoRoot } from "./support/package.mjs";
import { freePort } from "./support/worker.mjs";

/** Starts scripts/dev.mjs and resolves to { url, output, stop } once wrangler serves the page. */
async function startDev(env) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(repoRoot, "scripts/dev.mjs")], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, PORT: String(port), NO_COLOR: "1" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await exited;
    }
  };
  const deadline = Date.now() + 120_000;
  while (!output.includes(`Ready on ${url}`)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`scripts/dev.mjs did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, output: () => output, stop };
}

// What reads as a failure: errors and warnings, shell errors, failed lookups
// and stack frames.
const errorLooking = [/error/i, /warn/i, /✘/, /unbound variable/, /ENOTFOUND|EAI_AGAIN|ECONNREFUSED/, /^\s+at \S/];

test("make dev on a clean run prints the URL, the demo accounts and the log file, and no error-looking line", async (t) => {
  const persistTo = mkdtempSync(join(tmpdir(), "jwt-edge-dev-"));
  const logFolder = mkdtempSync(join(tmpdir(), "jwt-edge-dev-logs-"));
  t.after(() => {
    rmSync(persistTo, { recursive: true, force: true });
    rmSync(logFolder, { recursive: true, force: true });
  });
  const env = {
    ...process.env,
    // As under `ssh host make dev`: sshd's variable, no parent shell level.
    SSH_CLIENT: "127.0.0.1 50000 22",
    PERSIST_TO: persistTo,
    WRANGLER_LOG_PATH: logFolder,
    // As the other tests: the worker is built, never rebuilt by a parallel run.
    SKIP_WORKER_BUILD: "1",
  };
  delete env.SHLVL;
  delete env.CLOUDFLARE_CF_FETCH_ENABLED;
  delete env.WRANGLER_HIDE_BANNER;
  const dev = await startDev(env);
  try {
    const page = await fetch(dev.url);
    assert.equal(page.status, 200);
    const login = await fetch(`${dev.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: demoAccounts[0].username, password: demoAccounts[0].password, mode: "bearer" }),
    });
    assert.equal(login.status, 200, "the demo account it prints logs in");
    // Signed with the Ed25519 key in worker/.dev.vars, whose public half is published.
    const { accessToken } = await login.json();
    const header = JSON.parse(Buffer.from(accessToken.split(".")[0], "base64url"));
    assert.equal(header.alg, "EdDSA");
    const jwks = await (await fetch(`${dev.url}/.well-known/jwks.json`)).json();
    assert.deepEqual(jwks.keys.map(({ kid }) => kid), [header.kid]);
  } finally {
    await dev.stop();
  }
  const output = dev.output();
  const lines = output.split("\n");
  for (const pattern of errorLooking) {
    assert.deepEqual(lines.filter((line) => pattern.test(line)), [], `${pattern} in:\n${output}`);
  }
  assert.ok(lines.some((line) => line.endsWith(`Ready on ${dev.url}`)), output);
  for (const { username, password } of demoAccounts) {
    assert.ok(lines.some((line) => line.includes(username) && line.includes(password)), output);
  }
  const logLine = lines.find((line) => line.startsWith("wrangler's log: "));
  assert.ok(logLine, output);
  const logFile = resolve(repoRoot, logLine.slice("wrangler's log: ".length));
  assert.ok(logFile.startsWith(logFolder), logFile);
  assert.ok(existsSync(logFile), `${logFile} exists`);
});
