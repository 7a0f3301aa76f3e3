// What a browser downloads to decode and verify tokens: jwt-edge's .wasm, its
// JavaScript glue and the browser entry, beside esbuild-minified bundles of the
// equivalent imports from the libraries users would pick instead.
//
//   node bench/size.mjs [--json target/bench/size.json]
//
// Sizes are bytes as shipped and gzip -9 bytes (zlib level 9), each file
// compressed on its own as a server would send it.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The files a browser fetches for `import { decode, verify } from "jwt-edge"` without a bundler. */
export const browserFiles = ["jwt_edge_bg.wasm", "jwt_edge.js", "index.js", "error.js"];

export function packageSizes(pkgDir = join(root, "pkg")) {
  const files = browserFiles.map((name) => {
    const bytes = readFileSync(join(pkgDir, name));
    return { name, bytes: bytes.length, gzip: gzipSize(bytes) };
  });
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

async function bundle(source, platform = "browser") {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.length, gzip: gzipSize(code) };
}

// The peers' equivalent imports: verify (and decode where the library has one).
const peers = [
  { lib: "jose", imports: "jwtVerify, decodeJwt", source: `export { jwtVerify, decodeJwt } from "jose";` },
  { lib: "@tsndr/cloudflare-worker-jwt", imports: "verify, decode", source: `export { verify, decode } from "@tsndr/cloudflare-worker-jwt";` },
  { lib: "hono", imports: "hono/jwt verify, decode", source: `export { verify, decode } from "hono/jwt";` },
  { lib: "jwt-decode", imports: "jwtDecode (decode only)", source: `export { jwtDecode } from "jwt-decode";` },
  // Node-only (node:crypto, Buffer): bundled for Node, node: built-ins left out.
  { lib: "fast-jwt", imports: "createVerifier, createDecoder", source: `export { createVerifier, createDecoder } from "fast-jwt";`, platform: "node" },
  { lib: "jsonwebtoken", imports: "verify, decode", source: `import jwt from "jsonwebtoken"; export const { verify, decode } = jwt;`, platform: "node" },
];

const ours = packageSizes();
// The same import through a bundler: the JavaScript minified into one file,
// the .wasm fetched beside it.
const oursBundled = await bundle(`export { decode, verify } from "./pkg/index.js";`);
const wasm = ours.files.find((file) => file.name === "jwt_edge_bg.wasm");
// The build for speed that the Node and workerd entries load instead (never
// downloaded by browsers).
const speedWasm = readFileSync(join(root, "pkg", "jwt_edge_fast_bg.wasm"));
const results = {
  jwtEdge: {
    files: ours.files,
    speedWasm: { name: "jwt_edge_fast_bg.wasm", bytes: speedWasm.length, gzip: gzipSize(speedWasm) },
    total: { bytes: ours.bytes, gzip: ours.gzip },
    bundled: { js: oursBundled, total: { bytes: oursBundled.bytes + wasm.bytes, gzip: oursBundled.gzip + wasm.gzip } },
  },
  peers: [],
};
for (const peer of peers) {
  results.peers.push({ lib: peer.lib, imports: peer.imports, platform: peer.platform ?? "browser", ...(await bundle(peer.source, peer.platform)) });
}

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = ["| What | Bytes | gzip -9 |", "| --- | ---: | ---: |"];
for (const file of ours.files) lines.push(`| jwt-edge \`${file.name}\` | ${file.bytes.toLocaleString("en-US")} | ${file.gzip.toLocaleString("en-US")} |`);
lines.push(`| **jwt-edge, as a browser fetches it (wasm + glue + entry)** | **${ours.bytes.toLocaleString("en-US")}** | **${ours.gzip.toLocaleString("en-US")} (${kb(ours.gzip)})** |`);
lines.push(`| jwt-edge through esbuild (minified JS + wasm) | ${results.jwtEdge.bundled.total.bytes.toLocaleString("en-US")} | ${results.jwtEdge.bundled.total.gzip.toLocaleString("en-US")} (${kb(results.jwtEdge.bundled.total.gzip)}) |`);
lines.push(`| jwt-edge \`jwt_edge_fast_bg.wasm\` (Node and Workers only) | ${results.jwtEdge.speedWasm.bytes.toLocaleString("en-US")} | ${results.jwtEdge.speedWasm.gzip.toLocaleString("en-US")} (${kb(results.jwtEdge.speedWasm.gzip)}) |`);
for (const peer of results.peers) {
  const where = peer.platform === "node" ? " (Node only)" : "";
  lines.push(`| ${peer.lib}: \`${peer.imports}\`${where} | ${peer.bytes.toLocaleString("en-US")} | ${peer.gzip.toLocaleString("en-US")} (${kb(peer.gzip)}) |`);
}
console.log(lines.join("\n"));
