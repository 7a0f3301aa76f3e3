// What a browser downloads to decode and verify tokens: jwt-edge's .wasm and
// the browser entry that carries its glue (of `jwt-edge/decode`, of
// `jwt-edge/verify` and of the main entry), beside esbuild-minified bundles of
// the equivalent imports from the libraries users would pick instead; and the
// size of every file of the package a runtime loads, every entry's module and
// every .wasm (bench/package-files.mjs).
//
//   node bench/size.mjs [--json target/bench/size.json]
//
// Sizes are bytes as shipped and gzip -9 bytes (zlib level 9), each file
// compressed on its own as a server would send it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundle } from "./bundle.mjs";
import { packageFiles } from "./package-files.mjs";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * What a browser fetches without a bundler for each entry that decodes:
 * `jwt-edge/decode` (the module without MAC code, for pages, which only read
 * tokens), `jwt-edge/verify` (the module without signing, the one the
 * decode + verify target is measured on) and the package's main entry, which
 * can also sign. Each entry is one file (its glue and the error class bundled
 * in) and its .wasm; `imports` is what the bundled case imports from it.
 */
export const browserEntries = {
  decodeOnly: { specifier: "jwt-edge/decode", entry: "decode.js", imports: ["decode"], files: ["jwt_edge_decode_bg.wasm", "decode.js"] },
  verifyOnly: { specifier: "jwt-edge/verify", entry: "verify.js", imports: ["decode", "verify"], files: ["jwt_edge_verify_bg.wasm", "verify.js"] },
  full: { specifier: "jwt-edge", entry: "index.js", imports: ["decode", "verify"], files: ["jwt_edge_bg.wasm", "index.js"] },
};

export function packageSizes(files, pkgDir = join(root, "pkg")) {
  const sizes = files.map((name) => {
    const bytes = readFileSync(join(pkgDir, name));
    return { name, bytes: bytes.length, gzip: gzipSize(bytes) };
  });
  return {
    files: sizes,
    bytes: sizes.reduce((sum, file) => sum + file.bytes, 0),
    gzip: sizes.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/** Bytes and gzip bytes of the minified bundle of `source`. */
async function bundleSize(source, platform) {
  const code = await bundle(source, platform);
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

// Each entry as a browser fetches it, and the same import through a bundler:
// the JavaScript minified into one file, the .wasm fetched beside it.
const jwtEdge = {};
for (const [name, { specifier, entry, imports, files }] of Object.entries(browserEntries)) {
  const fetched = packageSizes(files);
  const bundled = await bundleSize(`export { ${imports.join(", ")} } from "./pkg/${entry}";`);
  const wasm = fetched.files[0];
  jwtEdge[name] = {
    specifier,
    files: fetched.files,
    total: { bytes: fetched.bytes, gzip: fetched.gzip },
    bundled: { js: bundled, total: { bytes: bundled.bytes + wasm.bytes, gzip: bundled.gzip + wasm.gzip } },
  };
}
// The build for speed that the Node and workerd entries load instead (never
// downloaded by browsers).
const speedWasm = readFileSync(join(root, "pkg", "jwt_edge_fast_bg.wasm"));
jwtEdge.speedWasm = { name: "jwt_edge_fast_bg.wasm", bytes: speedWasm.length, gzip: gzipSize(speedWasm) };
// The floor (bench/wasm-floor without signing, built as jwt-edge/verify is):
// HMAC-SHA256/384/512, base64url and the payload's text handed out, with the
// glue that loads it, checking nothing; through esbuild as the row
// "through esbuild" above, so that the two compare.
const floorWasm = readFileSync(join(root, "target/wasm-floor-verify/floor_bg.wasm"));
const floorJs = await bundleSize(`export { default, FloorKey, floorVerify, floorDecode } from "./target/wasm-floor-verify/floor.js";`);
const floor = {
  wasm: { bytes: floorWasm.length, gzip: gzipSize(floorWasm) },
  js: floorJs,
};
floor.total = { bytes: floor.wasm.bytes + floorJs.bytes, gzip: floor.wasm.gzip + floorJs.gzip };
const results = { jwtEdge, floor, peers: [], packageFiles: packageFiles(join(root, "pkg")) };
for (const peer of peers) {
  results.peers.push({ lib: peer.lib, imports: peer.imports, platform: peer.platform ?? "browser", ...(await bundleSize(peer.source, peer.platform)) });
}

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const int = (n) => n.toLocaleString("en-US");
const lines = ["| What | Bytes | gzip -9 |", "| --- | ---: | ---: |"];
for (const entry of Object.keys(browserEntries).map((name) => jwtEdge[name])) {
  for (const file of entry.files) lines.push(`| \`${entry.specifier}\`: \`${file.name}\` | ${int(file.bytes)} | ${int(file.gzip)} |`);
  lines.push(`| **\`${entry.specifier}\`, as a browser fetches it** | **${int(entry.total.bytes)}** | **${int(entry.total.gzip)} (${kb(entry.total.gzip)})** |`);
  lines.push(`| \`${entry.specifier}\` through esbuild (minified JS + wasm) | ${int(entry.bundled.total.bytes)} | ${int(entry.bundled.total.gzip)} (${kb(entry.bundled.total.gzip)}) |`);
}
lines.push(`| The floor (HMAC and base64url, nothing checked) through esbuild (minified JS + wasm) | ${int(floor.total.bytes)} | ${int(floor.total.gzip)} (${kb(floor.total.gzip)}) |`);
lines.push(`| jwt-edge \`jwt_edge_fast_bg.wasm\` (Node and Workers only) | ${int(jwtEdge.speedWasm.bytes)} | ${int(jwtEdge.speedWasm.gzip)} (${kb(jwtEdge.speedWasm.gzip)}) |`);
for (const peer of results.peers) {
  const where = peer.platform === "node" ? " (Node only)" : "";
  lines.push(`| ${peer.lib}: \`${peer.imports}\`${where} | ${int(peer.bytes)} | ${int(peer.gzip)} (${kb(peer.gzip)}) |`);
}
const { modules, imported, wasm } = results.packageFiles;
lines.push("", "| Entry | Runtime | File | Bytes | gzip -9 |", "| --- | --- | --- | ---: | ---: |");
for (const m of modules) lines.push(`| \`${m.specifier}\` | ${m.runtime} | \`${m.file}\` | ${int(m.bytes)} | ${int(m.gzip)} |`);
lines.push("", "| Imported by the entries' modules | Imported by | Bytes | gzip -9 |", "| --- | --- | ---: | ---: |");
for (const m of imported) lines.push(`| \`${m.file}\` | ${m.importedBy.map((file) => `\`${file}\``).join(", ")} | ${int(m.bytes)} | ${int(m.gzip)} |`);
lines.push("", "| .wasm | Build | Loaded by | Bytes | gzip -9 |", "| --- | --- | --- | ---: | ---: |");
for (const w of wasm) lines.push(`| \`${w.file}\` | ${w.build} | ${w.specifiers.map((name) => `\`${name}\``).join(", ")} in ${w.runtimes.join(", ")} | ${int(w.bytes)} | ${int(w.gzip)} (${kb(w.gzip)}) |`);
console.log(lines.join("\n"));
