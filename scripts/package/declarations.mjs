// The declarations made from wasm-bindgen's: checks that a glue's .d.ts
// declares exactly an entry's API, and the self-contained CommonJS
// declarations (`index.d.cts`) of an entry whose types are its glue's.

/** wasm-bindgen's loader declarations start here; the API is above. */
const loaderStart = "export type InitInput";

/** The API part of a glue's .d.ts (without the loader's declarations); throws if it cannot be told apart. */
function apiPart(glueDeclarations, glue) {
  const at = glueDeclarations.indexOf(loaderStart);
  if (at < 0 || glueDeclarations.indexOf(loaderStart, at + 1) >= 0) {
    throw new Error(`${glue}.d.ts: "${loaderStart}" is not there exactly once; review scripts/package/declarations.mjs for the new wasm-bindgen`);
  }
  return glueDeclarations.slice(0, at);
}

/** The names a .d.ts text exports at its top level. */
function exportedNames(text) {
  return [...text.matchAll(/^export (?:declare )?(?:function|class|type|interface|const|enum) ([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]);
}

/** Throws unless the glue declares exactly the entry's values and types. */
export function checkGlueDeclarations(glueDeclarations, glue, entry) {
  const declared = exportedNames(apiPart(glueDeclarations, glue)).sort();
  const api = [...entry.values, ...entry.types].sort();
  if (JSON.stringify(declared) !== JSON.stringify(api)) {
    throw new Error(`${glue}.d.ts declares ${declared.join(", ")}; the entry ${entry.path} in pkg-template/entries.mjs has ${api.join(", ")}`);
  }
}

/**
 * The CommonJS declarations of an entry whose types are its glue's: the glue's
 * API and the error class in one file, so that TypeScript reads them as
 * CommonJS (a re-export from the ES module's would be ESM in a CommonJS file).
 */
export function commonJsDeclarations(glueDeclarations, glue, errorDeclarations) {
  const lines = errorDeclarations.split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const published = lines.filter((line) => line.includes("publishedJwtError"));
  if (imports.length !== 1 || published.length !== 1) {
    throw new Error("error.d.ts: expected one import line and one publishedJwtError declaration to leave out of the CommonJS declarations");
  }
  const errorTypes = lines.filter((line) => !imports.includes(line) && !published.includes(line)).join("\n");
  return `${apiPart(glueDeclarations, glue).trimEnd()}\n\n${errorTypes.trim()}\n`;
}
