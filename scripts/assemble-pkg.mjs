// Assembles the npm package in pkg/ from the wasm-pack output (target/wasm-pack,
// target/wasm-pack-speed and target/wasm-pack-verify) and pkg-template/: copies the files, bundles the
// CommonJS entries, writes the CommonJS types and stamps the crate's version
// into package.json.
import { build, transform } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importsOf, withImportsRenamed } from "./wasm-binary.mjs";
import { withEncodeIntoStrings } from "./wasm-glue.mjs";

const root = new URL("..", import.meta.url).pathname;
const wasmPack = join(root, "target/wasm-pack");
const wasmPackSpeed = join(root, "target/wasm-pack-speed");
const template = join(root, "pkg-template");
const pkg = join(root, "pkg");

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg);

for (const file of ["jwt_edge.js", "jwt_edge.d.ts", "jwt_edge_bg.wasm", "jwt_edge_bg.wasm.d.ts"]) {
  copyFileSync(join(wasmPack, file), join(pkg, file));
}
// The same code built for speed (target/wasm-pack-speed, opt-level 3) is what
// the Node and workerd entries load; browsers and bundlers get the smaller
// build above. Both builds must have the same bindings, so one glue serves
// both: a difference fails the package.
for (const file of ["jwt_edge.js", "jwt_edge.d.ts", "jwt_edge_bg.wasm.d.ts"]) {
  if (!readFileSync(join(wasmPack, file)).equals(readFileSync(join(wasmPackSpeed, file)))) {
    throw new Error(`${file} differs between the size and speed builds; they must share one glue`);
  }
}
copyFileSync(join(wasmPackSpeed, "jwt_edge_bg.wasm"), join(pkg, "jwt_edge_fast_bg.wasm"));
// `jwt-edge/verify` for browsers: the build without signing (target/wasm-pack-verify)
// and its own glue. Its types are the main entry's (verify.d.ts re-exports them).
const wasmPackVerify = join(root, "target/wasm-pack-verify");
for (const file of ["jwt_edge_verify.js", "jwt_edge_verify_bg.wasm"]) {
  copyFileSync(join(wasmPackVerify, file), join(pkg, file));
}
// Sources that are bundled below rather than copied.
const bundledSources = new Set(["node-cjs.source.js", "index.js", "verify.js"]);
for (const file of readdirSync(template)) {
  if (!bundledSources.has(file)) copyFileSync(join(template, file), join(pkg, file));
}
for (const file of ["LICENSE-MIT", "LICENSE-APACHE"]) {
  copyFileSync(join(root, file), join(pkg, file));
}

// wasm-bindgen names each import after the JavaScript it calls and a hash
// (`__wbg_parse_c028369ca8c79ee2`), so that the imports of different crates
// cannot clash. In the package each glue goes with its own modules only, and
// the hashes are 16 random hex digits per import in the glue and again in the
// .wasm, which gzip cannot compress: about 0.7 KB of a browser's download. The
// imports are renamed to their names without the hash (`parse`), in the glue
// and its modules alike. The build fails if two imports would get one name, or
// if a renamed import is not exactly one key of the glue's import object.
function withoutImportHashes(glueName, wasmNames) {
  const hashed = /^__wbg_(.+)_[0-9a-f]{16}$/;
  const modules = wasmNames.map((name) => readFileSync(join(pkg, name)));
  const renamed = new Map();
  for (const [index, bytes] of modules.entries()) {
    const names = importsOf(bytes).map(({ name }) => name);
    const shortNames = names.map((name) => hashed.exec(name)?.[1] ?? name);
    if (new Set(shortNames).size !== shortNames.length) {
      throw new Error(`${wasmNames[index]}: two imports would have the same name without their hashes`);
    }
    names.forEach((name, at) => shortNames[at] !== name && renamed.set(name, shortNames[at]));
  }
  let glue = readFileSync(join(pkg, glueName), "utf8");
  for (const [name, shortName] of renamed) {
    const keys = glue.match(new RegExp(`\\b${name}: function\\(`, "g")) ?? [];
    if (keys.length !== 1 || glue.split(name).length !== 2) {
      throw new Error(`${glueName}: the import ${name} is not exactly one key of the import object`);
    }
    glue = glue.replace(`${name}: function(`, `${shortName}: function(`);
  }
  writeFileSync(join(pkg, glueName), glue);
  for (const [index, bytes] of modules.entries()) {
    writeFileSync(join(pkg, wasmNames[index]), withImportsRenamed(bytes, (_, name) => renamed.get(name) ?? name));
  }
}
withoutImportHashes("jwt_edge.js", ["jwt_edge_bg.wasm", "jwt_edge_fast_bg.wasm"]);
withoutImportHashes("jwt_edge_verify.js", ["jwt_edge_verify_bg.wasm"]);

// jwt_edge.js, the wasm-bindgen glue, without its comments and white space:
// it is generated code (the types are in jwt_edge.d.ts) that a browser without
// a bundler downloads as is (docs/benchmarks.md). Names are not shortened, so
// classes keep their names and stack traces stay readable. The comment that
// points Deno and TypeScript at the types is kept.
// The same for the glue of `jwt-edge/verify`, whose types come with verify.d.ts.
async function minifyGlue(name, banner) {
  const glue = join(pkg, name);
  const minified = await transform(withEncodeIntoStrings(readFileSync(glue, "utf8")), {
    format: "esm",
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
  });
  writeFileSync(glue, `${banner}${minified.code}`);
}
await minifyGlue("jwt_edge.js", '/* @ts-self-types="./jwt_edge.d.ts" */\n');
await minifyGlue("jwt_edge_verify.js", "");

// index.js and verify.js, the browser entries, each bundled with its glue and
// the error class into one file: a page without a bundler then fetches the
// entry and the .wasm, not four files in a chain of imports (two round trips
// before the .wasm is even requested), and about 0.6 KB less gzipped. Names
// are kept (the classes keep theirs); the verify glue exists only inside
// verify.js.
for (const entry of ["index.js", "verify.js"]) {
  await build({
    stdin: { contents: readFileSync(join(template, entry), "utf8"), resolveDir: pkg, sourcefile: `pkg-template/${entry}` },
    outfile: join(pkg, entry),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
  });
}
rmSync(join(pkg, "jwt_edge_verify.js"));

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
