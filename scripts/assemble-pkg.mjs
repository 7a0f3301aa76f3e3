// Assembles the npm package in pkg/ from the wasm-pack output (target/wasm-pack)
// and pkg-template/: copies the files, bundles the CommonJS entries, writes the
// CommonJS types and stamps the crate's version into package.json.
import { build, transform } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const wasmPack = join(root, "target/wasm-pack");
const template = join(root, "pkg-template");
const pkg = join(root, "pkg");

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg);

for (const file of ["jwt_edge.js", "jwt_edge.d.ts", "jwt_edge_bg.wasm", "jwt_edge_bg.wasm.d.ts"]) {
  copyFileSync(join(wasmPack, file), join(pkg, file));
}
for (const file of readdirSync(template)) {
  if (file !== "node-cjs.source.js") copyFileSync(join(template, file), join(pkg, file));
}
for (const file of ["LICENSE-MIT", "LICENSE-APACHE"]) {
  copyFileSync(join(root, file), join(pkg, file));
}

// jwt_edge.js, the wasm-bindgen glue, without its comments and white space:
// it is generated code (the types are in jwt_edge.d.ts) that a browser without
// a bundler downloads as is (docs/benchmarks.md). Names are not shortened, so
// classes keep their names and stack traces stay readable. The comment that
// points Deno and TypeScript at the types is kept.
const glue = join(pkg, "jwt_edge.js");
const minified = await transform(readFileSync(glue, "utf8"), {
  format: "esm",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
});
writeFileSync(glue, `/* @ts-self-types="./jwt_edge.d.ts" */\n${minified.code}`);

// node.cjs: the Node entry bundled with its glue into one CommonJS file. The
// glue's browser loader refers to import.meta.url, which the CommonJS entry
// never calls, so that warning is silenced.
await build({
  stdin: {
    contents: readFileSync(join(template, "node-cjs.source.js"), "utf8"),
    resolveDir: pkg,
    sourcefile: "node-cjs.source.js",
  },
  outfile: join(pkg, "node.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node18",
  logOverride: { "empty-import-meta": "silent" },
  legalComments: "none",
});

// client.cjs: the auth client for `require`, importing the package's CommonJS
// entry; its declarations are self-contained, so client.d.cts is a copy.
await build({
  entryPoints: [join(template, "client.js")],
  outfile: join(pkg, "client.cjs"),
  bundle: true,
  external: ["jwt-edge"],
  format: "cjs",
  platform: "node",
  target: "node18",
  legalComments: "none",
});
copyFileSync(join(template, "client.d.ts"), join(pkg, "client.d.cts"));

// index.d.cts: the same declarations for `require`, self-contained so that
// TypeScript reads them as CommonJS.
const glueTypes = readFileSync(join(pkg, "jwt_edge.d.ts"), "utf8");
const apiTypes = glueTypes.slice(0, glueTypes.indexOf("export type InitInput"));
const errorTypes = readFileSync(join(pkg, "error.d.ts"), "utf8")
  .split("\n")
  .filter((line) => !line.startsWith("import ") && !line.includes("publishedJwtError"))
  .join("\n");
writeFileSync(join(pkg, "index.d.cts"), `${apiTypes.trimEnd()}\n\n${errorTypes.trim()}\n`);

// The version comes from the crate.
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1];
if (!version) throw new Error("no [workspace.package] version in Cargo.toml");
const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
manifest.version = version;
writeFileSync(join(pkg, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`assembled pkg/ (jwt-edge ${version})`);
