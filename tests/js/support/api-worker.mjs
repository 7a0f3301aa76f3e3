// The Rust worker under `wrangler dev` with a fresh local D1 database:
// migrated, seeded with the demo accounts, and removed when stopped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, executeSql, seedDemoAccounts } from "../../../scripts/local-d1.mjs";
import { repoRoot } from "./package.mjs";
import { startWrangler } from "./worker.mjs";

/**
 * Starts the worker with `vars` (name → value) overriding wrangler.toml; with
 * `seed` (the default), the database holds the demo accounts and the worker is
 * told so (SEEDED_LOCAL_DATABASE), as `make dev` runs it.
 */
export async function startApiWorker(vars = {}, { seed = true } = {}) {
  const persistTo = mkdtempSync(join(tmpdir(), "jwt-edge-d1-"));
  applyMigrations({ persistTo });
  if (seed) seedDemoAccounts({ persistTo });
  const allVars = seed ? { SEEDED_LOCAL_DATABASE: "true", ...vars } : vars;
  const varArgs = Object.entries(allVars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  const worker = await startWrangler(join(repoRoot, "worker"), ["--persist-to", persistTo, ...varArgs]);
  return {
    url: worker.url,
    output: worker.output,
    /** Runs SQL against this instance's database (as an operator would). */
    sql: (query) => executeSql(query, { persistTo }),
    stop: async () => {
      await worker.stop();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}

/** Parses `Set-Cookie` values into { name, value, attributes } with lower-case attribute names. */
export function parseSetCookies(response) {
  return response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(";").map((part) => part.trim());
    const [name, value] = pair.split(/=(.*)/s);
    return {
      name,
      value,
      attributes: Object.fromEntries(
        attributes.map((attribute) => {
          const [key, val] = attribute.split(/=(.*)/s);
          return [key.toLowerCase(), val ?? true];
        }),
      ),
    };
  });
}
