// Post-build patch of the .wasm and its glue: import names without
// wasm-bindgen's hashes.
//
// wasm-bindgen names each import after the JavaScript it calls and a hash
// (`__wbg_parse_c028369ca8c79ee2`), so that the imports of different crates
// cannot clash. Each glue goes with its own module only, and the hashes are 16
// random hex digits per import in the glue and again in the .wasm, which gzip
// cannot compress. The imports are renamed to their names without the hash
// (`parse`), in the .wasm's import section and in the glue's import object.
//
// Saves, measured (gzip -9 of the built files, without and with the patch),
// 747 bytes of the browser download of `jwt-edge` (index.js 3,147 → 2,839,
// jwt_edge_bg.wasm 36,054 → 35,615) and 723 of `jwt-edge/verify` (verify.js
// 2,951 → 2,658, jwt_edge_verify_bg.wasm 29,907 → 29,477).
//
// The build fails if two imports would get one name, or if a renamed import is
// not exactly one key of the glue's import object (a new wasm-bindgen that
// writes its imports otherwise is looked at, not half-renamed).
import { importsOf, withImportsRenamed } from "../wasm-binary.mjs";

export const name = "import names without hashes";

const hashed = /^__wbg_(.+)_[0-9a-f]{16}$/;

export function apply({ glue, wasm }) {
  const names = importsOf(wasm).map((entry) => entry.name);
  const renamed = new Map();
  for (const original of names) {
    const short = hashed.exec(original)?.[1];
    if (short !== undefined) renamed.set(original, short);
  }
  if (renamed.size === 0) {
    throw new Error(`${name}: no import is named __wbg_NAME_HASH; review this patch for the new wasm-bindgen`);
  }
  const finalNames = names.map((original) => renamed.get(original) ?? original);
  if (new Set(finalNames).size !== finalNames.length) {
    throw new Error(`${name}: two imports would have the same name without their hashes`);
  }
  let patched = glue;
  for (const [original, short] of renamed) {
    const keys = glue.match(new RegExp(`\\b${original}: function\\(`, "g")) ?? [];
    if (keys.length !== 1 || glue.split(original).length !== 2) {
      throw new Error(`${name}: the import ${original} is not exactly one key of the glue's import object`);
    }
    patched = patched.replace(`${original}: function(`, `${short}: function(`);
  }
  return { glue: patched, wasm: withImportsRenamed(wasm, (_, importName) => renamed.get(importName) ?? importName) };
}
