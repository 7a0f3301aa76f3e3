// A small static file server on 127.0.0.1, used by `make dev` (until the
// worker serves the page) and by the browser tests.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

/**
 * Serves files: `mounts` maps URL prefixes ("/pkg/") to folders, and "/" is the
 * fallback. Resolves to { url, close } once listening on `port` (0: any free one).
 */
export function serveStatic(mounts, { port = 0 } = {}) {
  const routes = Object.entries(typeof mounts === "string" ? { "/": mounts } : mounts).sort(
    ([a], [b]) => b.length - a.length,
  );
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://localhost").pathname));
    const [prefix, root] = routes.find(([prefix]) => path.startsWith(prefix)) ?? [];
    const relative = root === undefined ? undefined : path.slice(prefix.length);
    const file = relative === undefined ? undefined : join(root, relative === "" || path.endsWith("/") ? join(relative, "index.html") : relative);
    if (file === undefined || !file.startsWith(root)) {
      response.writeHead(404).end("not found");
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" })
        .end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
