// The Rust worker under `wrangler dev` with a fresh local D1 database:
// migrated, seeded with the demo accounts, and removed when stopped.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, executeSql, seedDemoAccounts } from "../../../scripts/local-d1.mjs";
import { generateSigningKey } from "../../../scripts/signing-key.mjs";
import { repoRoot } from "./package.mjs";
import { startWrangler } from "./worker.mjs";

/**
 * Starts the worker with `vars` (name → value) overriding wrangler.toml; with
 * `seed` (the default), the database holds the demo accounts and the worker is
 * told so (SEEDED_LOCAL_DATABASE), as `make dev` runs it. With wrangler.toml's
 * JWT_ALG (EdDSA) and no JWT_PRIVATE_JWK in `vars`, it signs with a fresh
 * Ed25519 key (`signingKey`: { privateJwk, publicJwk, kid }); `signingKey:
 * false` starts it without one. worker/.dev.vars is never read: only `vars`
 * configure it.
 */
export async function startApiWorker(vars = {}, { seed = true, signingKey } = {}) {
  const persistTo = mkdtempSync(join(tmpdir(), "jwt-edge-d1-"));
  applyMigrations({ persistTo });
  if (seed) seedDemoAccounts({ persistTo });
  return launch(persistTo, vars, { seed, signingKey });
}

async function launch(persistTo, vars, { seed, signingKey }) {
  const key =
    signingKey === undefined && vars.JWT_ALG === undefined && vars.JWT_PRIVATE_JWK === undefined
      ? generateSigningKey("EdDSA")
      : signingKey || undefined;
  const keyVars = key && vars.JWT_PRIVATE_JWK === undefined ? { JWT_PRIVATE_JWK: JSON.stringify(key.privateJwk) } : {};
  const allVars = { ...(seed ? { SEEDED_LOCAL_DATABASE: "true" } : {}), ...keyVars, ...vars };
  const varArgs = Object.entries(allVars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  // An empty env file instead of worker/.dev.vars (which `make dev` fills).
  const envFile = join(persistTo, "empty.env");
  writeFileSync(envFile, "");
  const worker = await startWrangler(join(repoRoot, "worker"), ["--persist-to", persistTo, "--env-file", envFile, ...varArgs]);
  return {
    url: worker.url,
    signingKey: key,
    output: worker.output,
    /** Runs SQL against this instance's database (as an operator would). */
    sql: (query) => executeSql(query, { persistTo }),
    /**
     * Stops this worker and starts it again on the same database with new
     * `vars` (as a deployment with new secrets would); resolves to the new one.
     */
    restart: async (newVars, options = {}) => {
      await worker.stop();
      return launch(persistTo, newVars, { seed, ...options });
    },
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
