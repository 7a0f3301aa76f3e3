// The post-build patches of scripts/patches/, and the CommonJS declarations
// cut from the glue's, change what wasm-bindgen wrote only where it is what
// they know, and fail the build loudly otherwise: a new wasm-bindgen that
// writes it differently is looked at, not half-patched.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import * as encodeIntoStrings from "../../scripts/patches/encode-into-strings.mjs";
import * as importNames from "../../scripts/patches/import-names-without-hashes.mjs";
import { apiIn } from "../../scripts/package/plan.mjs";
import { checkGlueDeclarations, commonJsDeclarations } from "../../scripts/package/declarations.mjs";
import { importsOf, withImportsRenamed } from "../../scripts/wasm-binary.mjs";
import { entries } from "../../pkg-template/entries.mjs";

const fixture = readFileSync(new URL("./fixtures/wasm-bindgen/pass-string.js", import.meta.url), "utf8");
const known = fixture.slice(fixture.indexOf("function passStringToWasm0"));
const pkgFile = (name) => readFileSync(new URL(`../../pkg/${name}`, import.meta.url));

test("strings copied in by encodeInto: wasm-bindgen's function is replaced by one that calls encodeInto first", () => {
  const { glue } = encodeIntoStrings.apply({ glue: `const before = 1;\n${known}const after = 2;\n`, wasm: null });
  assert.match(glue, /^const before = 1;\nfunction passStringToWasm0\(arg, malloc, realloc\) \{\n {4}let len = arg\.length;\n {4}let ptr = malloc\(len, 1\) >>> 0;\n {4}const first = cachedTextEncoder\.encodeInto\(/);
  assert.ok(!glue.includes("charCodeAt"), "the character loop is gone");
  assert.ok(glue.endsWith("}\nconst after = 2;\n"), "the rest of the glue is kept");
});

test("strings copied in by encodeInto: a changed or missing function fails the build", () => {
  const changed = known.replace("if (code > 0x7F) break;", "if (code >= 0x80) break;");
  assert.throws(() => encodeIntoStrings.apply({ glue: changed, wasm: null }), /passStringToWasm0 changed.*code > 0x7F/);
  assert.throws(() => encodeIntoStrings.apply({ glue: "function other() {\n}\n", wasm: null }), /exactly once/);
  assert.throws(() => encodeIntoStrings.apply({ glue: `${known}${known}`, wasm: null }), /exactly once/);
  // The shipped glue is patched (and minified) already.
  assert.throws(() => encodeIntoStrings.apply({ glue: pkgFile("jwt_edge.js").toString(), wasm: null }), /passStringToWasm0/);
});

/** The package's verify module with wasm-bindgen's hashes put back, and a glue whose import object has those keys. */
function hashed() {
  const wasm = withImportsRenamed(pkgFile("jwt_edge_verify_bg.wasm"), (_, name) => `__wbg_${name}_0123456789abcdef`);
  const names = importsOf(wasm).map(({ name }) => name);
  const glue = `const imports = {\n${names.map((name) => `        ${name}: function(arg0) {\n        },`).join("\n")}\n};\n`;
  return { wasm, glue, names };
}

test("import names without hashes: the .wasm's imports and the glue's keys lose the hash alike", () => {
  const { wasm, glue, names } = hashed();
  const patched = importNames.apply({ glue, wasm });
  const short = importsOf(patched.wasm).map(({ name }) => name);
  assert.deepEqual(short, names.map((name) => /^__wbg_(.+)_0123456789abcdef$/.exec(name)[1]));
  for (const name of short) assert.ok(patched.glue.includes(` ${name}: function(`), name);
  assert.ok(!patched.glue.includes("0123456789abcdef"));
});

test("import names without hashes: a glue or module it does not know fails the build", () => {
  const { wasm, glue, names } = hashed();
  // A key missing from the glue's import object.
  assert.throws(() => importNames.apply({ glue: glue.replace(`${names[0]}: function(`, "other: function("), wasm }), /not exactly one key/);
  // Two imports that would get one name.
  const clash = withImportsRenamed(wasm, (_, name) => (name === names[1] ? names[0].replace("0123456789abcdef", "fedcba9876543210") : name));
  assert.throws(() => importNames.apply({ glue, wasm: clash }), /same name/);
  // No hashed name at all (as in the shipped module).
  assert.throws(() => importNames.apply({ glue, wasm: pkgFile("jwt_edge_verify_bg.wasm") }), /no import is named/);
});

test("the CommonJS declarations cut from the glue's: a glue .d.ts laid out otherwise fails the build", () => {
  const glueDeclarations = pkgFile("jwt_edge.d.ts").toString();
  const errorDeclarations = pkgFile("error.d.ts").toString();
  // The root entry as it is where it loads the build of this glue (browsers').
  const root = { ...entries[0], values: apiIn(entries[0].values, "size"), types: apiIn(entries[0].types, "size") };
  // As built: the glue declares exactly the entry's API, and the cut keeps it without the loader.
  checkGlueDeclarations(glueDeclarations, "jwt_edge", root);
  const cjs = commonJsDeclarations(glueDeclarations, "jwt_edge", errorDeclarations);
  assert.ok(cjs.includes("export function verify(") && cjs.includes("export declare class JwtError"));
  assert.ok(!cjs.includes("InitInput") && !cjs.includes("publishedJwtError") && !cjs.includes("import "));
  // The loader's declarations not where they were.
  const moved = glueDeclarations.replace("export type InitInput", "export type InitSource");
  assert.throws(() => commonJsDeclarations(moved, "jwt_edge", errorDeclarations), /exactly once/);
  // The glue declaring more or less than the table's row.
  assert.throws(() => checkGlueDeclarations(glueDeclarations, "jwt_edge", { ...root, values: root.values.slice(1) }), /declares/);
  assert.throws(() => checkGlueDeclarations(glueDeclarations, "jwt_edge", { ...root, types: [...root.types, "Extra"] }), /declares/);
});
