// Assembles the npm package in pkg/ from pkg-template/ (its entries table,
// package.json, the error class and the auth client): builds the WebAssembly
// profiles the entries load (scripts/build-wasm.mjs), writes and bundles the
// entry modules and declarations that scripts/package/plan.mjs works out, and
// stamps the crate's version into package.json.
//
//   node scripts/assemble-pkg.mjs [--no-build]   (--no-build: the builds in target/ as they are)
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { entries, runtimes, sourceEntries } from "../pkg-template/entries.mjs";
import { profiles } from "./build-profiles.mjs";
import { buildProfile } from "./build-wasm.mjs";
import { checkGlueDeclarations, commonJsDeclarations } from "./package/declarations.mjs";
import { packagePlan } from "./package/plan.mjs";

const root = new URL("..", import.meta.url).pathname;
const template = join(root, "pkg-template");
const pkg = join(root, "pkg");
// The glue and the error class, as the bundled entries import them.
const work = join(root, "target/pkg-work");

const plan = packagePlan({ runtimes, entries, sourceEntries, profiles });
if (!process.argv.includes("--no-build")) for (const name of plan.builds) buildProfile(name);

rmSync(pkg, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });
mkdirSync(pkg);
mkdirSync(work, { recursive: true });

// Builds that share a glue must have the same bindings: one glue serves both.
const glueOf = new Map();
for (const name of plan.builds) {
  const { outDir, name: glue, wasm } = profiles[name];
  const dir = join(root, outDir);
  const first = glueOf.get(glue);
  if (first) {
    for (const file of [`${glue}.js`, `${glue}.d.ts`, `${glue}_bg.wasm.d.ts`]) {
      if (!readFileSync(join(first.dir, file)).equals(readFileSync(join(dir, file)))) {
        throw new Error(`${file} differs between the builds ${first.name} and ${name}; they must share one glue`);
      }
    }
  } else {
    glueOf.set(glue, { name, dir });
  }
  copyFileSync(join(dir, wasm), join(pkg, wasm));
}

// Each glue without its comments and white space, with the JavaScript it imports: generated code (its types
// are in its .d.ts), bundled into the entries that load its builds and, where
// an entry imports it (Node, workerd), shipped. Names are kept, so classes
// keep theirs and stack traces stay readable. A shipped glue points Deno and
// TypeScript at its types. Measured, without and with this step: the shipped
// jwt_edge.js, which Workers upload as their bundler leaves it, 4,053 → 2,780
// bytes gzipped; node.cjs 14,272 → 12,120 bytes; the browser entries,
// minified as a whole when bundled, byte for byte the same.
for (const [glue, { dir }] of glueOf) {
  const shipped = plan.glues.find(({ name }) => name === glue);
  const banner = shipped?.declarations ? `/* @ts-self-types="./${glue}.d.ts" */\n` : "";
  // Bundled with the JavaScript the crate imports (wasm-bindgen's snippets:
  // pkg-template/host.js), so that each glue is one file.
  const minified = await build({
    entryPoints: [join(dir, `${glue}.js`)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
  });
  writeFileSync(join(work, `${glue}.js`), `${banner}${minified.outputFiles[0].text}`);
  if (shipped) copyFileSync(join(work, `${glue}.js`), join(pkg, `${glue}.js`));
  if (shipped?.declarations) {
    for (const file of [`${glue}.d.ts`, `${glue}_bg.wasm.d.ts`]) copyFileSync(join(dir, file), join(pkg, file));
  }
}
for (const file of ["error.js", "error.d.ts"]) copyFileSync(join(template, file), join(pkg, file));
copyFileSync(join(template, "error.js"), join(work, "error.js"));
// The runtime-crypto modules the loaders import: beside the glue for the
// bundled entries, shipped for the others.
for (const { source, file, shipped } of plan.runtimeCrypto) {
  copyFileSync(join(template, source), join(work, file));
  if (shipped) copyFileSync(join(template, source), join(pkg, file));
}
for (const file of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(join(root, file), join(pkg, file));
copyFileSync(join(template, "README.md"), join(pkg, "README.md"));

// The entry modules. A bundled one is one file with its glue and the error
// class: for browsers, a page without a bundler then fetches the entry and the
// .wasm only; for `require`, the ES module glue becomes CommonJS.
for (const { file, format, bundled, source } of plan.modules) {
  if (!bundled) {
    writeFileSync(join(pkg, file), source);
    continue;
  }
  await build({
    stdin: { contents: source, resolveDir: work, sourcefile: file },
    absWorkingDir: work,
    outfile: join(pkg, file),
    bundle: true,
    legalComments: "none",
    ...(format === "cjs"
      ? // The glue's browser loader refers to import.meta.url, which the
        // CommonJS entry never calls, so that warning is silenced.
        { format: "cjs", platform: "node", target: "node18", logOverride: { "empty-import-meta": "silent" } }
      : // Local names minified too: 0.4–0.9 KB gzipped less per entry
        // (jwt-edge/verify's 5,331 → 4,441 bytes). `JwtError` sets its
        // `name` itself.
        { format: "esm", platform: "browser", target: "es2022", minify: true }),
  });
}

// The declarations.
const errorDeclarations = readFileSync(join(template, "error.d.ts"), "utf8");
for (const { file, source, glue, entry } of plan.declarations) {
  if (source !== undefined) {
    writeFileSync(join(pkg, file), source);
    continue;
  }
  const glueDeclarations = readFileSync(join(pkg, `${glue}.d.ts`), "utf8");
  checkGlueDeclarations(glueDeclarations, glue, entry);
  writeFileSync(join(pkg, file), commonJsDeclarations(glueDeclarations, glue, errorDeclarations));
}

// The entries written in JavaScript: as they are for `import`, bundled to
// CommonJS for `require` (importing the package's CommonJS entries); their
// declarations are self-contained, so the CommonJS ones are a copy.
for (const { source, declarations, files, bundled } of plan.sources) {
  if (bundled) {
    await build({
      entryPoints: [join(template, source)],
      absWorkingDir: template,
      outfile: join(pkg, files.esm),
      bundle: true,
      external: ["jwt-edge"],
      format: "esm",
      platform: "neutral",
      target: "es2022",
      legalComments: "none",
    });
  } else {
    copyFileSync(join(template, source), join(pkg, files.esm));
  }
  await build({
    entryPoints: [join(template, source)],
    absWorkingDir: template,
    outfile: join(pkg, files.cjs),
    bundle: true,
    external: ["jwt-edge"],
    format: "cjs",
    platform: "node",
    target: "node18",
    legalComments: "none",
  });
  const declarationText = [declarations].flat().map((file) => readFileSync(join(template, file), "utf8")).join("\n");
  writeFileSync(join(pkg, files.esmDeclarations), declarationText);
  writeFileSync(join(pkg, files.cjsDeclarations), declarationText);
}

// package.json: pkg-template's, with the generated fields and the crate's version.
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1];
if (!version) throw new Error("no [workspace.package] version in Cargo.toml");
const manifest = JSON.parse(readFileSync(join(template, "package.json"), "utf8"));
const { engines, ...fields } = manifest;
writeFileSync(join(pkg, "package.json"), `${JSON.stringify({ ...fields, version, ...plan.manifest, engines }, null, 2)}\n`);

// Nothing written that the package does not list, nothing listed that is not written.
const written = readdirSync(pkg).filter((file) => file !== "package.json").sort();
if (JSON.stringify(written) !== JSON.stringify([...plan.manifest.files].sort())) {
  throw new Error(`pkg/ holds ${written.join(", ")}; package.json lists ${plan.manifest.files.join(", ")}`);
}
console.log(`assembled pkg/ (jwt-edge ${version})`);
