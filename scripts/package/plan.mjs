// What the package is made of, worked out from pkg-template/entries.mjs and
// scripts/build-profiles.mjs without touching a file: every entry module (its
// source, and whether it is bundled), every declaration file, the glue and
// .wasm files shipped, and package.json's `exports`, `files`, `main`, `module`
// and `types`. scripts/assemble-pkg.mjs writes what this describes.

// Where the generated modules say they come from.
const generated = "pkg-template/entries.mjs";

/** `index` for the package's root, else the subpath (`verify`). */
export function baseName(path) {
  if (path === ".") return "index";
  if (!/^\.\/[a-z][a-z0-9-]*$/.test(path)) throw new Error(`entry path ${path} is not ./name`);
  return path.slice(2);
}

const specifier = (path) => (path === "." ? "jwt-edge" : `jwt-edge/${path.slice(2)}`);
const extension = (format) => (format === "cjs" ? "cjs" : "js");
const declarationExtension = (format) => (format === "cjs" ? "d.cts" : "d.ts");

/** The file of `entry` in `runtime`: `index.js`, `node.cjs`, `verify-workerd.js`. */
export function entryFile(entry, runtime) {
  const stem = [entry.path === "." ? "" : baseName(entry.path), runtime.suffix].filter(Boolean).join("-") || "index";
  return `${stem}.${extension(runtime.format)}`;
}

export const declarationFile = (path, format) => `${baseName(path)}.${declarationExtension(format)}`;

/** An entry's `values` or `types` where it loads its `load` build (`size`, `speed`): one list, or one per load. */
export const apiIn = (list, load) => (Array.isArray(list) ? list : list[load]);

/** The entry as it is where it loads its `load` build. */
const entryIn = (entry, load) => ({ ...entry, values: apiIn(entry.values, load), types: apiIn(entry.types, load) });

function requireSubset(what, names, of, ofWhat) {
  const missing = names.filter((name) => !of.includes(name));
  if (missing.length > 0) throw new Error(`${what}: ${missing.join(", ")} not in ${ofWhat}`);
}

/** The file name a runtime's `runtimeCrypto` module has in the package (and beside the glue when bundled). */
export const runtimeCryptoFile = (runtime) => runtime.runtimeCrypto.module.split("/").pop();

/** The values of `entry` that the runtime's `runtimeCrypto` module wraps there. */
const wrappedIn = (entry, runtime) => (runtime.runtimeCrypto ? runtime.runtimeCrypto.wraps.filter((name) => entry.values.includes(name)) : []);

/** The runtime's `handOvers` that put the glue's hand-over exports on `entry`'s values (where it has the asymmetric API, whose glue has them). */
const handOversIn = (entry, runtime) =>
  entry.values.includes("importJwk") ? (runtime.handOvers ?? []).filter(({ to }) => entry.values.includes(to)) : [];

/** The module of an entry that loads its build in a runtime. */
function loaderSource(entry, runtime, profile) {
  const { imports, run } = runtime.load(profile.wasm);
  const wrapped = wrappedIn(entry, runtime);
  const plain = entry.values.filter((name) => !wrapped.includes(name));
  const handOvers = handOversIn(entry, runtime);
  // (An export that several values hand over with, such as `handedOver`, is imported once.)
  const handOverExports = [...new Set(handOvers.flatMap(({ exports }) => exports))];
  const fromGlue = [...(runtime.init === "initSync" ? ["initSync"] : []), ...plain, ...handOverExports].join(", ");
  const init = runtime.init === "default" ? "init, " : "";
  const withCrypto = wrapped.length === 0 ? [] : [`import * as glue from "./${profile.name}.js";`, `import { withRuntimeCrypto } from "./${runtimeCryptoFile(runtime)}";`];
  return [
    `// ${specifier(entry.path)} for ${runtime.about} (${generated}).`,
    ...imports,
    `import ${init}{ ${fromGlue} } from "./${profile.name}.js";`,
    ...withCrypto,
    'import { publishedJwtError } from "./error.js";',
    "",
    run,
    ...(wrapped.length === 0 ? [] : [`const { ${wrapped.join(", ")} } = withRuntimeCrypto(glue);`]),
    ...handOvers.map(({ to, exports }) => `${to}[Symbol.for("jwt-edge.handOver")] = { ${exports.join(", ")} };`),
    "",
    "export const JwtError = publishedJwtError();",
    `export { ${entry.values.join(", ")} };`,
    "",
  ].join("\n");
}

/** The module of an entry that re-exports from the module that loaded the same build. */
function reexportSource(entry, runtime, ownerFile) {
  const names = ["JwtError", ...entry.values];
  const head = `// ${specifier(entry.path)} for ${runtime.about} (${generated}), from ./${ownerFile}.`;
  if (runtime.format === "cjs") {
    const members = names.map((name) => `  ${name}: jwt.${name},`);
    return [head, `const jwt = require("./${ownerFile}");`, "", "module.exports = {", ...members, "};", ""].join("\n");
  }
  return [head, `export { ${names.join(", ")} } from "./${ownerFile}";`, ""].join("\n");
}

/** The declarations that re-export `entry`'s API from `from` (a module specifier without extension). */
function reexportDeclarations(entry, typesFrom, valuesFrom, errorFrom) {
  const lines = [`export type { ${entry.types.join(", ")} } from "${typesFrom}";`];
  if (errorFrom === valuesFrom) lines.push(`export { JwtError, ${entry.values.join(", ")} } from "${valuesFrom}";`);
  else lines.push(`export { ${entry.values.join(", ")} } from "${valuesFrom}";`, `export { JwtError } from "${errorFrom}";`);
  return `${lines.join("\n")}\n`;
}

/**
 * The package's plan. `modules`: `{ file, source, bundled, format }` per entry
 * and runtime; `declarations`: `{ file, source }`, or `{ file, glue }` for the
 * self-contained CommonJS declarations made from a glue's; `builds`: the
 * profiles to build; `glues`: `{ name, declarations }` shipped (the rest only
 * inside bundles); `sources`: the source entries; `manifest`: package.json's
 * generated fields; `runtimeCrypto`: `{ source, file, shipped }` per
 * runtime-crypto module the loaders import (shipped where one is not bundled).
 */
export function packagePlan({ runtimes, entries, sourceEntries, profiles }) {
  const modules = [];
  const declarations = [];
  const builds = new Set();
  const glues = new Map();
  const owners = new Map();
  const runtimeCrypto = new Map();
  const exportsField = {};
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const profileOf = (entry, runtime) => {
    const name = entry.builds[runtime.loads];
    if (!profiles[name]) throw new Error(`${entry.path}: no build profile ${name} for its ${runtime.loads} build`);
    return [name, profiles[name]];
  };

  // An entry whose builds have different glues (more API where it loads its
  // speed build) has declarations per load: `index.d.ts` for its size build,
  // `index-speed.d.ts` for its speed build.
  const glueGroups = (entry) => {
    const groups = new Map();
    for (const runtime of Object.values(runtimes)) {
      const glue = profileOf(entry, runtime)[1].name;
      if (!groups.has(glue)) groups.set(glue, runtime.loads);
    }
    return groups;
  };
  // An entry whose declarations re-export another's has files per load as
  // that one has (`verify.d.ts`, `verify-speed.d.ts`).
  const declaringEntry = (entry) => (entry.declarations === "glue" ? entry : byPath.get(entry.declarations));
  const firstLoad = (groups) => ([...groups.values()].includes("size") ? "size" : [...groups.values()][0]);
  const declarationFileIn = (entry, runtime, format) => {
    const groups = glueGroups(declaringEntry(entry) ?? entry);
    if (groups.size === 1 || runtime.loads === firstLoad(groups)) return declarationFile(entry.path, format);
    return `${baseName(entry.path)}-${runtime.loads}.${declarationExtension(format)}`;
  };

  for (const original of entries) {
    const entryExports = {};
    for (const [runtimeName, runtime] of Object.entries(runtimes)) {
      const entry = entryIn(original, runtime.loads);
      const [buildName, profile] = profileOf(entry, runtime);
      builds.add(buildName);
      const file = entryFile(entry, runtime);
      const owner = owners.get(`${runtimeName} ${buildName}`);
      if (owner) {
        requireSubset(`${entry.path} in ${runtimeName}`, entry.values, owner.values, `${owner.path}, which loads ${buildName} there`);
        modules.push({ file, format: runtime.format, bundled: false, source: reexportSource(entry, runtime, owner.file) });
      } else {
        owners.set(`${runtimeName} ${buildName}`, { path: entry.path, values: entry.values, file });
        modules.push({ file, format: runtime.format, bundled: runtime.bundled, source: loaderSource(entry, runtime, profile) });
        if (!runtime.bundled) glues.set(profile.name, glues.get(profile.name) ?? false);
        if (wrappedIn(entry, runtime).length > 0) {
          const cryptoFile = runtimeCryptoFile(runtime);
          const known = runtimeCrypto.get(cryptoFile);
          runtimeCrypto.set(cryptoFile, { source: runtime.runtimeCrypto.module, file: cryptoFile, shipped: (known?.shipped ?? false) || !runtime.bundled });
        }
      }
      for (const conditions of runtime.conditions) {
        let node = entryExports;
        for (const condition of conditions.slice(0, -1)) node = node[condition] ??= {};
        node[conditions.at(-1)] = { types: `./${declarationFileIn(original, runtime, runtime.format)}`, default: `./${file}` };
      }
    }
    exportsField[original.path] = entryExports;

    if (original.declarations === "glue") {
      for (const [glue, load] of glueGroups(original)) {
        const entry = entryIn(original, load);
        const runtime = Object.values(runtimes).find((candidate) => candidate.loads === load);
        glues.set(glue, true);
        declarations.push(
          { file: declarationFileIn(original, runtime, "esm"), source: reexportDeclarations(entry, `./${glue}.js`, `./${glue}.js`, "./error.js"), glue, entry },
          { file: declarationFileIn(original, runtime, "cjs"), glue, entry },
        );
      }
    } else {
      const declaredBy = byPath.get(original.declarations);
      if (!declaredBy || declaredBy.declarations !== "glue") throw new Error(`${original.path}: declarations from ${original.declarations}, not an entry with its glue's`);
      // Per load of that entry's declarations, its types and values there.
      for (const load of new Set(glueGroups(declaredBy).values())) {
        const entry = entryIn(original, load);
        const from = entryIn(declaredBy, load);
        const runtime = Object.values(runtimes).find((candidate) => candidate.loads === load);
        requireSubset(`${entry.path}: types`, entry.types, from.types, from.path);
        requireSubset(`${entry.path}: values`, entry.values, from.values, from.path);
        for (const format of ["esm", "cjs"]) {
          const target = `./${declarationFileIn(declaredBy, runtime, format).replace(/\.d\.(c?)ts$/, ".$1js")}`;
          declarations.push({ file: declarationFileIn(original, runtime, format), source: reexportDeclarations(entry, target, target, target) });
        }
      }
    }
  }

  const sources = sourceEntries.map((entry) => ({
    ...entry,
    files: {
      esm: `${baseName(entry.path)}.js`,
      cjs: `${baseName(entry.path)}.cjs`,
      esmDeclarations: declarationFile(entry.path, "esm"),
      cjsDeclarations: declarationFile(entry.path, "cjs"),
    },
  }));
  for (const { path, files } of sources) {
    exportsField[path] = {
      import: { types: `./${files.esmDeclarations}`, default: `./${files.esm}` },
      require: { types: `./${files.cjsDeclarations}`, default: `./${files.cjs}` },
    };
  }
  exportsField["./package.json"] = "./package.json";

  const shippedGlues = [...glues].map(([name, withDeclarations]) => ({ name, declarations: withDeclarations }));
  const files = [
    ...modules.map(({ file }) => file),
    ...declarations.map(({ file }) => file),
    "error.js",
    "error.d.ts",
    ...sources.flatMap(({ files: sourceFiles }) => Object.values(sourceFiles)),
    ...shippedGlues.flatMap(({ name, declarations: withDeclarations }) => [`${name}.js`, ...(withDeclarations ? [`${name}.d.ts`, `${name}_bg.wasm.d.ts`] : [])]),
    ...[...runtimeCrypto.values()].filter(({ shipped }) => shipped).map(({ file }) => file),
    ...[...builds].map((name) => profiles[name].wasm),
    "LICENSE-MIT",
    "LICENSE-APACHE",
    "README.md",
  ];
  const duplicates = files.filter((file, index) => files.indexOf(file) !== index);
  if (duplicates.length > 0) throw new Error(`two parts of the package are both ${duplicates.join(", ")}`);

  const root = exportsField["."];
  const manifest = {
    exports: exportsField,
    main: root.require.default,
    module: root.default.default,
    types: root.default.types,
    files,
  };
  return { modules, declarations, builds: [...builds], glues: shippedGlues, sources, runtimeCrypto: [...runtimeCrypto.values()], manifest };
}
