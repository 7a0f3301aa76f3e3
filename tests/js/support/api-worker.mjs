// The Rust worker under `wrangler dev` with a fresh local D1 database:
// migrated, seeded with the demo accounts, and removed when stopped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, executeSql, seedDemoAccounts } from "../../../scripts/local-d1.mjs";
import { repoRoot } from "./package.mjs";
import { startWrangler } from "./worker.mjs";

/** Starts the worker with `vars` (name → value) overriding wrangler.toml. */
export async function startApiWorker(vars = {}) {
  const persistTo = mkdtempSync(join(tmpdir(), "jwt-edge-d1-"));
  applyMigrations({ persistTo });
  seedDemoAccounts({ persistTo });
  const varArgs = Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
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
