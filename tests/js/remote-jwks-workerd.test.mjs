// createRemoteJwks inside workerd (wrangler dev), where requests share an
// isolate but not their I/O, and where the Cache API outlives the isolate.
// The worker is tests/js/support/remote-jwks-worker; the JWK Set server runs
// here, and counts the worker's fetches.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { answer, keySetWith, startJwksServer } from "./support/jwks-server.mjs";
import { repoRoot } from "./support/package.mjs";
import { startWrangler } from "./support/worker.mjs";

const workerDir = join(repoRoot, "tests/js/support/remote-jwks-worker");
// The Cache API's contents live here, across restarts of wrangler dev.
const persistTo = mkdtempSync(join(tmpdir(), "jwt-edge-jwks-cache-"));
const startWorker = () => startWrangler(workerDir, ["--persist-to", persistTo]);

let server;
let worker;
before(async () => {
  server = await startJwksServer();
  worker = await startWorker();
});
after(async () => {
  await worker?.stop();
  await server?.close();
  rmSync(persistTo, { recursive: true, force: true });
});

let nextPath = 0;
function route(handler) {
  const path = `/workerd-jwks-${++nextPath}.json`;
  server.routes[path] = handler;
  return { path, url: server.url(path), fetches: () => server.requests(path) };
}

/** The worker's answer for the JWK Set at `url`, with `params` (callers, cache, scope). */
async function askWorker(url, params = {}, init = {}) {
  const query = new URLSearchParams({ jwks: url, ...params });
  const response = await fetch(`${worker.url}/?${query}`, { signal: AbortSignal.timeout(60_000), ...init });
  return { status: response.status, body: await response.json() };
}

test("in workerd, concurrent callers of one request share one fetch", async () => {
  const jwks = route(answer(keySetWith("a")));
  const { status, body } = await askWorker(jwks.url, { callers: "25", scope: "request" });
  assert.equal(status, 200);
  assert.deepEqual(body, { kids: ["a"], callers: 25 });
  assert.equal(jwks.fetches(), 1);
});

test("in workerd, a request never awaits a fetch another request started (it would hang)", async () => {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let held = false;
  const jwks = route((request, response) => {
    // The first fetch, made for the first request, is answered only at the end.
    if (held) return answer(keySetWith("a"))(request, response);
    held = true;
    released.then(() => answer(keySetWith("a"))(request, response));
  });
  const firstFetch = server.nextRequest();
  const first = askWorker(jwks.url);
  await firstFetch;
  // The second request, in the same isolate while the first one's fetch is
  // in flight: it must fetch for itself. Awaiting the first request's promise
  // instead, it would wait until that request's fetch timed out or hang.
  const second = await askWorker(jwks.url);
  assert.deepEqual(second, { status: 200, body: { kids: ["a"], callers: 1 } });
  release();
  assert.deepEqual(await first, { status: 200, body: { kids: ["a"], callers: 1 } });
  assert.equal(jwks.fetches(), 2);
});

test("in workerd, a request whose fetch's request was cancelled still gets the set (jose #509)", async () => {
  let held = false;
  const jwks = route((request, response) => {
    // The first fetch is never answered: its request is cancelled meanwhile.
    if (held) return answer(keySetWith("a"))(request, response);
    held = true;
  });
  const firstFetch = server.nextRequest();
  const cancel = new AbortController();
  const first = askWorker(jwks.url, {}, { signal: cancel.signal }).catch((error) => error.name);
  await firstFetch;
  cancel.abort();
  assert.equal(await first, "AbortError");
  assert.deepEqual(await askWorker(jwks.url), { status: 200, body: { kids: ["a"], callers: 1 } });
  assert.equal(jwks.fetches(), 2);
});

test("in workerd, with the Cache API a new isolate does not fetch the set again", async () => {
  const cached = route(answer(keySetWith("a")));
  const memoryOnly = route(answer(keySetWith("b")));
  assert.deepEqual(await askWorker(cached.url, { cache: "api" }), { status: 200, body: { kids: ["a"], callers: 1 } });
  assert.deepEqual(await askWorker(memoryOnly.url), { status: 200, body: { kids: ["b"], callers: 1 } });
  await worker.stop();
  worker = await startWorker();
  assert.deepEqual(await askWorker(cached.url, { cache: "api" }), { status: 200, body: { kids: ["a"], callers: 1 } });
  assert.deepEqual(await askWorker(memoryOnly.url), { status: 200, body: { kids: ["b"], callers: 1 } });
  assert.equal(cached.fetches(), 1, "the new isolate took the set from the Cache API");
  assert.equal(memoryOnly.fetches(), 2, "the new isolate did not keep the first one's memory");
});
