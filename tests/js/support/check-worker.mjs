// A JavaScript Worker under wrangler dev that runs cases sent to it, for the
// tests that compare two paths of the package inside workerd: the worker
// imports the package as users install it (packed into a scratch project)
// and answers a POST of cases with its results as JSON.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchProject } from "./package.mjs";
import { startWrangler } from "./worker.mjs";

/** The worker's source for a call's outcome: `{ value }`, or its error's class name, code, message, claim and reason. */
export const outcomeSource = `async function outcome(call) {
  try {
    return { value: await call() };
  } catch (error) {
    const { name, code, message, claim, reason } = error;
    return { name, code, message, claim, reason };
  }
}`;

/**
 * Starts the worker `name` whose worker.js is `source` (answering "ready"
 * to a GET); `run(cases)` posts them and gives the parsed answer, `stop()`
 * stops it and removes the project.
 */
export async function startCheckWorker(name, source) {
  const project = scratchProject();
  const dir = join(project.dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "worker.js"), source);
  writeFileSync(join(dir, "wrangler.toml"), `name = "${name}"\nmain = "worker.js"\ncompatibility_date = "2025-09-01"\n`);
  let worker;
  try {
    worker = await startWrangler(dir);
  } catch (error) {
    project.remove();
    throw error;
  }
  return {
    async run(cases) {
      const response = await fetch(worker.url, { method: "POST", body: JSON.stringify(cases), signal: AbortSignal.timeout(120_000) });
      assert.equal(response.status, 200);
      return response.json();
    },
    async stop() {
      await worker.stop();
      project.remove();
    },
  };
}
