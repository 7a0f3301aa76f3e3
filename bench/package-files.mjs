// The size of every file of the built package (pkg/) that a runtime loads:
// each entry's module in each runtime, as pkg-template/entries.mjs and
// scripts/package/plan.mjs name them; the modules those import (the glues
// shipped beside the Node and workerd modules, the error class); and every
// .wasm, with the entries and runtimes that load it. Bytes as built and
// gzip -9 bytes, each file on its own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { entries, runtimes, sourceEntries } from "../pkg-template/entries.mjs";
import { profiles } from "../scripts/build-profiles.mjs";
import { entryFile, packagePlan } from "../scripts/package/plan.mjs";

const specifier = (path) => (path === "." ? "jwt-edge" : `jwt-edge/${path.slice(2)}`);
const relativeImports = (text) => [...text.matchAll(/\b(?:from|require\()\s*["']\.\/([^"']+)["']/g)].map((match) => match[1]);

/**
 * `{ modules, imported, wasm }`: `modules` one row per entry and runtime
 * (`specifier`, `runtime`, `file`, `bytes`, `gzip`); `imported` the other
 * JavaScript files those import (`file`, `importedBy`: the entry modules,
 * sizes); `wasm` every .wasm (`file`, `build`, `specifiers`, `runtimes`, sizes).
 */
export function packageFiles(pkgDir) {
  const plan = packagePlan({ runtimes, entries, sourceEntries, profiles });
  const read = (file) => readFileSync(join(pkgDir, file));
  const size = (file) => {
    const bytes = read(file);
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };

  const modules = [];
  for (const entry of entries) {
    for (const runtime of Object.values(runtimes)) modules.push({ specifier: specifier(entry.path), runtime: runtime.about, ...size(entryFile(entry, runtime)) });
  }
  for (const source of plan.sources) {
    modules.push({ specifier: specifier(source.path), runtime: "every runtime, `import`", ...size(source.files.esm) });
    modules.push({ specifier: specifier(source.path), runtime: "every runtime, `require`", ...size(source.files.cjs) });
  }

  const moduleFiles = new Set(modules.map(({ file }) => file));
  const importers = new Map();
  for (const { file } of modules) {
    for (const imported of relativeImports(read(file).toString("utf8"))) {
      if (moduleFiles.has(imported) || imported.endsWith(".wasm")) continue;
      importers.set(imported, [...(importers.get(imported) ?? []), file]);
    }
  }
  const imported = [...importers].map(([file, importedBy]) => ({ ...size(file), importedBy }));

  const wasm = plan.builds.map((build) => {
    const loaders = entries.flatMap((entry) =>
      Object.values(runtimes)
        .filter((runtime) => entry.builds[runtime.loads] === build)
        .map((runtime) => ({ specifier: specifier(entry.path), runtime: runtime.about })),
    );
    return {
      ...size(profiles[build].wasm),
      build,
      specifiers: [...new Set(loaders.map((l) => l.specifier))],
      runtimes: [...new Set(loaders.map((l) => l.runtime))],
    };
  });
  return { modules, imported, wasm };
}
