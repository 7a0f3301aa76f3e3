// `make dev`: a secret in worker/.dev.vars (made once), the local D1 database
// migrated and seeded with the demo accounts, then `wrangler dev` on
// http://127.0.0.1:8787 serving the API and the demo page.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { applyMigrations, demoAccounts, seedDemoAccounts } from "./local-d1.mjs";

const root = new URL("..", import.meta.url).pathname;
const devVars = `${root}worker/.dev.vars`;
if (!existsSync(devVars)) {
  writeFileSync(devVars, `JWT_SECRET=${randomBytes(48).toString("base64url")}\n`, { mode: 0o600 });
  console.log("Created worker/.dev.vars with a fresh random JWT_SECRET.");
}
applyMigrations();
seedDemoAccounts();
console.log("\nDemo accounts (local only):");
for (const { username, password, roles } of demoAccounts) {
  console.log(`  ${username.padEnd(12)} password ${password.padEnd(22)} roles ${roles}`);
}
console.log("");

const port = process.env.PORT ?? "8787";
// ACCESS_TTL=20 make dev: short-lived tokens, to watch the demo page refresh them.
const vars = ["ACCESS_TTL", "REFRESH_TTL"]
  .filter((name) => process.env[name])
  .flatMap((name) => ["--var", `${name}:${process.env[name]}`]);
const wrangler = spawn(`${root}node_modules/.bin/wrangler`, ["dev", "--ip", "127.0.0.1", "--port", port, ...vars], {
  cwd: `${root}worker`,
  stdio: "inherit",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code) => process.exit(code ?? 0));
