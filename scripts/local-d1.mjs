// The local D1 database under wrangler: migrations, SQL, and the demo accounts.
import { execFileSync } from "node:child_process";
import { pbkdf2Sync, randomBytes } from "node:crypto";

const root = new URL("..", import.meta.url).pathname;
const workerDir = `${root}worker`;
const wrangler = `${root}node_modules/.bin/wrangler`;
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };

function persistArgs(persistTo) {
  return persistTo ? ["--persist-to", persistTo] : [];
}

/** Applies worker/migrations to the local database. */
export function applyMigrations({ persistTo } = {}) {
  execFileSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", ...persistArgs(persistTo)], {
    cwd: workerDir,
    env: { ...env, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs SQL against the local database and returns its result rows. */
export function executeSql(sql, { persistTo } = {}) {
  const output = execFileSync(
    wrangler,
    ["d1", "execute", "DB", "--local", "--json", "--command", sql, ...persistArgs(persistTo)],
    { cwd: workerDir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  return JSON.parse(output).flatMap((result) => result.results ?? []);
}

/** A password hash in the worker's stored form (PBKDF2-HMAC-SHA256, 100,000 iterations). */
export function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, 100_000, 32, "sha256");
  return `pbkdf2-sha256$100000$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** The demo accounts of `make dev` (local only). */
export const demoAccounts = [
  { username: "demo-user", password: "demo-user-password", roles: "user" },
  { username: "demo-admin", password: "demo-admin-password", roles: "user,admin" },
];

/** Creates the demo accounts unless they exist. */
export function seedDemoAccounts({ persistTo } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const rows = demoAccounts.map(
    ({ username, password, roles }) =>
      `('${randomBytes(16).toString("base64url")}', '${username}', '${hashPassword(password)}', '${roles}', ${now})`,
  );
  executeSql(
    `INSERT INTO users (id, username, password_hash, roles, created_at) VALUES ${rows.join(", ")} ON CONFLICT(username) DO NOTHING`,
    { persistTo },
  );
}
