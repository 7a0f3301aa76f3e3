// `make dev`: the access tokens' private key in worker/.dev.vars (made once:
// an Ed25519 private JWK, for wrangler.toml's JWT_ALG EdDSA), the local D1 database
// migrated and seeded with the demo accounts, then `wrangler dev` on
// http://127.0.0.1:8787 serving the API and the demo page. It prints the demo
// accounts, where wrangler's log goes, and wrangler's own lines: no banner, no
// update check and no fetch of sample Request.cf values from Cloudflare.
//   PORT=8788 make dev        another port
//   PERSIST_TO=dir make dev   the local database in dir (default worker/.wrangler/state)
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { applyMigrations, demoAccounts, seedDemoAccounts } from "./local-d1.mjs";
import { generateSigningKey } from "./signing-key.mjs";

const root = new URL("..", import.meta.url).pathname;
const devVars = `${root}worker/.dev.vars`;
if (!existsSync(devVars)) writeFileSync(devVars, "", { mode: 0o600 });
// A .dev.vars from before (with a JWT_SECRET only) keeps its lines and gets the key.
if (!/^JWT_PRIVATE_JWK=/m.test(readFileSync(devVars, "utf8"))) {
  const { privateJwk, kid } = generateSigningKey("EdDSA");
  // Single quotes: dotenv takes the JSON as it is.
  appendFileSync(devVars, `JWT_PRIVATE_JWK='${JSON.stringify(privateJwk)}'\n`);
  console.log(`Added a fresh Ed25519 private key (kid ${kid}) to worker/.dev.vars.`);
}
const persistTo = process.env.PERSIST_TO;
applyMigrations({ persistTo });
seedDemoAccounts({ persistTo });
console.log("\nDemo accounts (local only):");
for (const { username, password, roles } of demoAccounts) {
  console.log(`  ${username.padEnd(12)} password ${password.padEnd(22)} roles ${roles}`);
}

// wrangler writes every message, debug ones included, to this file (a
// WRANGLER_LOG_PATH ending in .log is the file; otherwise a folder for it).
const logFolder = process.env.WRANGLER_LOG_PATH ?? `${root}target/wrangler-logs`;
const logFile = logFolder.endsWith(".log")
  ? logFolder
  : join(logFolder, `dev-${new Date().toISOString().replaceAll(":", "-").replace(/\..*/, "")}.log`);
const shownLogFile = relative(process.cwd(), logFile);
console.log(`wrangler's log: ${shownLogFile.startsWith("..") ? logFile : shownLogFile}\n`);

const port = process.env.PORT ?? "8787";
// ACCESS_TTL=20 make dev: short-lived tokens, to watch the demo page refresh them.
const vars = ["ACCESS_TTL", "REFRESH_TTL"]
  .filter((name) => process.env[name])
  .flatMap((name) => ["--var", `${name}:${process.env[name]}`]);
const persistArgs = persistTo ? ["--persist-to", persistTo] : [];
// The page shows the demo accounts only where the worker says that it runs
// with this seeded local database.
const seeded = ["--var", "SEEDED_LOCAL_DATABASE:true"];
const wrangler = spawn(`${root}node_modules/.bin/wrangler`, ["dev", "--ip", "127.0.0.1", "--port", port, ...persistArgs, ...seeded, ...vars], {
  cwd: `${root}worker`,
  stdio: "inherit",
  env: {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_HIDE_BANNER: "true",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_LOG_PATH: logFile,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code) => process.exit(code ?? 0));
