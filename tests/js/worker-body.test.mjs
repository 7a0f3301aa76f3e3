// Request bodies of the Rust worker under `wrangler dev` with a fresh local
// D1 database: bounded while they are read.
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { call, clientAddress } from "./support/api-client.mjs";
import { startApiWorker } from "./support/api-worker.mjs";

let api;

before(async () => {
  api = await startApiWorker();
});
after(async () => {
  await api?.stop();
});

/**
 * POSTs a chunked body (no Content-Length) of `chunks` × 1 KiB, one chunk
 * per turn of the event loop after the previous one was flushed, and
 * resolves to the status, the answer's text and how many chunks the client
 * had sent when the answer arrived.
 */
function postChunked(worker, path, chunks) {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(1024, " ");
    let sent = 0;
    let answered = false;
    const req = request(`${worker.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": clientAddress() },
    });
    req.on("response", (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (part) => {
        text += part;
      });
      response.on("end", () => {
        req.destroy();
        resolve({ status: response.statusCode, text, sentWhenAnswered: sent });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const sendNext = () => {
      if (answered) return;
      if (sent === chunks) {
        req.end();
        return;
      }
      sent += 1;
      req.write(chunk, () => setTimeout(sendNext, 5));
    };
    sendNext();
  });
}

// `wrangler dev`'s proxy stands between the client and the worker. When a
// request meets a connection the worker has closed, or the worker being
// reloaded (wrangler rebuilds once just after it starts), the proxy answers 503
// "Your worker restarted mid-request" without reaching the worker (Cloudflare's
// edge has no such hop). That answer, once, is the proxy's: the request is
// sent again, and the worker's own answer is what the tests judge.
const proxyRestarted = ({ status, text }) => status === 503 && /^Your worker restarted mid-request/.test(text);

describe("request bodies", () => {
  test("a chunked body over 8 KiB is refused (413) while the client is still sending it, and the worker answers the next request", async () => {
    const chunks = 2_048; // 2 MiB
    let answer = await postChunked(api, "/api/login", chunks);
    if (proxyRestarted(answer)) answer = await postChunked(api, "/api/login", chunks);
    const { status, sentWhenAnswered } = answer;
    assert.equal(status, 413);
    assert.ok(sentWhenAnswered < chunks, `the answer came after all ${chunks} chunks: the worker read the whole body`);
    // The worker answered before the body ended, so the connection it came
    // on cannot carry another request: the next one may meet it closed.
    const [demoUser] = demoAccounts;
    const login = () => call(api, "POST", "/api/login", { body: { username: demoUser.username, password: demoUser.password } });
    let next = await login();
    if (proxyRestarted(next)) next = await login();
    assert.equal(next.status, 200);
  });

  test("a chunked body under the limit is read whole", async () => {
    let answer = await postChunked(api, "/api/login", 2);
    if (proxyRestarted(answer)) answer = await postChunked(api, "/api/login", 2);
    const { status } = answer;
    assert.equal(status, 400, "2 KiB of spaces: no username");
  });
});
