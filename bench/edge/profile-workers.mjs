// The workers behind `GET /api/profile` as bench/edge.mjs and
// bench/edge/cpu-profile.mjs load them: each under `wrangler dev` on its own
// copy of one seeded local D1 database, and a demo account's access token
// issued by the Rust worker.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, demoAccounts, seedDemoAccounts } from "../../scripts/local-d1.mjs";
import { startWrangler } from "../../tests/js/support/worker.mjs";

const root = new URL("../../", import.meta.url).pathname;

/** The Rust worker and the jose endpoint (`bench/edge/profile-jose`), with `vars`. */
export const rustWorker = (...vars) => ({ directory: "worker", vars });
export const joseWorker = (...vars) => ({ directory: "bench/edge/profile-jose", vars });

/**
 * Starts each of `specs` (name → `{ directory, vars }`, `vars` as `NAME:value`;
 * one must be named `rust`) with `secret` as its `JWT_SECRET`. Resolves to
 * `{ workers, accessToken, stop }`: the running workers by name, an access
 * token of the demo admin, and a function that stops them all and removes
 * their databases.
 */
export async function startProfileWorkers(specs, secret) {
  const persist = Object.fromEntries(Object.keys(specs).map((name) => [name, mkdtempSync(join(tmpdir(), "jwt-edge-bench-d1-"))]));
  const running = [];
  const stop = async () => {
    for (const worker of running) await worker.stop();
    for (const directory of Object.values(persist)) rmSync(directory, { recursive: true, force: true });
  };
  try {
    const [first, ...others] = Object.values(persist);
    applyMigrations({ persistTo: first });
    seedDemoAccounts({ persistTo: first });
    for (const directory of others) cpSync(first, directory, { recursive: true });
    const workers = {};
    for (const [name, { directory, vars }] of Object.entries(specs)) {
      const args = ["--persist-to", persist[name], "--var", `JWT_SECRET:${secret}`, ...vars.flatMap((value) => ["--var", value])];
      workers[name] = await startWrangler(join(root, directory), args);
      running.push(workers[name]);
    }
    const { username, password } = demoAccounts[1];
    const login = await fetch(`${workers.rust.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const { accessToken } = await login.json();
    if (!accessToken) throw new Error(`the demo login failed with ${login.status}`);
    return { workers, accessToken, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
