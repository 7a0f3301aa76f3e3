// A local stand-in for an identity provider's JWK Set endpoint: an HTTP server
// on 127.0.0.1 and a free port that answers each path as the test says and
// counts the requests it gets.
import { createServer } from "node:http";

/** A JWK Set of public keys with these `kid`s (the keys' values do not matter to the fetcher). */
export function keySetWith(...kids) {
  return { keys: kids.map((kid) => ({ kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", kid })) };
}

/** Answers `status` with `body` (JSON-encoded unless a string or bytes) and `headers`. */
export function answer(body, { status = 200, headers = {} } = {}) {
  const text = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  return (request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(text);
  };
}

/**
 * Starts the server; `routes` maps a path to a handler `(request, response)`,
 * and may be changed while it runs. Resolves to { url(path), requests(path),
 * routes, close }.
 */
export async function startJwksServer(routes = {}) {
  const counts = new Map();
  const arrivals = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    for (const arrival of arrivals.splice(0)) arrival(path);
    const handler = routes[path];
    if (handler) handler(request, response);
    else answer({ error: "not found" }, { status: 404 })(request, response);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    routes,
    url: (path) => `${origin}${path}`,
    /** How many requests `path` got. */
    requests: (path) => counts.get(path) ?? 0,
    /** Resolves when the next request arrives (with its path). */
    nextRequest: () => new Promise((resolve) => arrivals.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
