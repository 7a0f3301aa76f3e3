// Where each worker's own time goes under the `/api/profile` load of
// bench/edge.mjs: a CPU profile of the worker's isolate, taken through
// `wrangler dev`'s DevTools protocol endpoint while wrk loads it.
//
//   node bench/edge/cpu-profile.mjs [--seconds 5] [--top 12] [--save DIR]
//
// Both workers (the Rust worker and bench/edge/profile-jose) run at once on
// copies of one seeded local D1 database, as in `make bench`; each is loaded
// with a valid access token (the D1 path) and with the same token's signature
// altered (refused with 401 before any query). For each run it prints the
// requests/s under the profiler (which slows the isolate a little, so they are
// not the benchmark's figures), the share of the isolate's samples in which it
// was idle (waiting for D1, wrangler's proxy or the next request: time that a
// faster worker cannot turn into more requests/s), and the functions with the
// most samples of their own (`--save DIR` keeps the profiles, for DevTools).
// Not part of `make bench`: profiling changes what it measures.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import WebSocket from "ws";
import { withBadSignature } from "../token.mjs";
import { joseWorker, rustWorker, startProfileWorkers } from "./profile-workers.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const seconds = Number(option("--seconds", "5"));
const top = Number(option("--top", "12"));
const saveTo = option("--save", null);
const secret = "a-benchmark-secret-of-at-least-32-bytes!";
const execFileAsync = promisify(execFile);
const wranglerLogs = mkdtempSync(join(tmpdir(), "jwt-edge-cpu-profile-logs-"));
process.env.WRANGLER_LOG_PATH = wranglerLogs;
process.on("exit", () => rmSync(wranglerLogs, { recursive: true, force: true }));

/** Sends DevTools protocol commands to the worker's isolate. */
async function connect(inspector) {
  const [target] = await (await fetch(`${inspector}/json`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const pending = new Map();
  let lastId = 0;
  socket.on("message", (data) => {
    const message = JSON.parse(data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      lastId += 1;
      pending.set(lastId, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result)));
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  return { send, close: () => socket.close() };
}

/** wrk on `url` with `token` for `duration` seconds: requests/s. */
async function load(url, token, duration) {
  const { stdout } = await execFileAsync("wrk", ["-t1", "-c50", `-d${duration}s`, "-H", `authorization: Bearer ${token}`, url]);
  return Number(/Requests\/sec:\s*([\d.]+)/.exec(stdout)?.[1]);
}

/** Shares of a CPU profile's samples: idle, and each function's own. */
function summarize(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const label = ({ callFrame }) => `${callFrame.functionName || "(anonymous)"} ${callFrame.url.split("/").pop()}`.trim();
  const own = new Map();
  for (const id of profile.samples) {
    const name = label(nodes.get(id));
    own.set(name, (own.get(name) ?? 0) + 1);
  }
  const share = (count = 0) => `${((100 * count) / profile.samples.length).toFixed(1)}%`;
  return {
    idle: share(own.get("(idle)")),
    own: [...own].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, count]) => `${share(count).padStart(6)}  ${name}`),
  };
}

const { workers, accessToken, stop } = await startProfileWorkers({ rust: rustWorker(), jose: joseWorker() }, secret);
try {
  if (saveTo) mkdirSync(saveTo, { recursive: true });
  for (const [path, token] of [["with D1", accessToken], ["bad signature, 401", withBadSignature(accessToken)]]) {
    for (const [name, worker] of Object.entries(workers)) {
      const url = `${worker.url}/api/profile`;
      await load(url, token, 1);
      const inspector = await connect(worker.inspector);
      await inspector.send("Profiler.enable");
      await inspector.send("Profiler.setSamplingInterval", { interval: 100 });
      await inspector.send("Profiler.start");
      const rps = await load(url, token, seconds);
      const { profile } = await inspector.send("Profiler.stop");
      inspector.close();
      if (saveTo) writeFileSync(join(saveTo, `${name}-${path.split(",")[0].replaceAll(" ", "-")}.cpuprofile`), JSON.stringify(profile));
      const { idle, own } = summarize(profile);
      console.log(`\n${name}, ${path}: ${Math.round(rps)} requests/s under the profiler; isolate idle ${idle}`);
      for (const line of own) console.log(line);
    }
  }
} finally {
  await stop();
}
