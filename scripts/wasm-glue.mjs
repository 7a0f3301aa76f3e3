// The package's changes to wasm-bindgen's JavaScript glue, used by
// scripts/assemble-pkg.mjs and by the benchmarks' WebAssembly floor
// (bench/wasm-floor), which must copy strings in as the package does.
//
//   node scripts/wasm-glue.mjs FILE   rewrites a glue file in place
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// Every string that enters the module (tokens, keys, the JSON of payloads and
// options) goes through the glue's passStringToWasm0, which copies the ASCII
// prefix one character at a time in a JavaScript loop and only then falls back
// to TextEncoder.encodeInto. A 300-character token costs about 450 ns that way
// and about 90 ns with one encodeInto call (docs/benchmarks.md), so the function
// is replaced by one that calls encodeInto first. It keeps the contract: UTF-8
// of the whole string (lone surrogates as U+FFFD, as encodeInto writes them),
// its length in WASM_VECTOR_LEN, the allocation sized to fit. The build fails if
// wasm-bindgen's function ever changes, so a new version is looked at, not
// silently half-patched.
export function withEncodeIntoStrings(source) {
  const start = source.indexOf("function passStringToWasm0(arg, malloc, realloc) {");
  // The function ends at the first line that is a closing brace alone.
  const close = source.indexOf("\n}\n", start);
  const end = start < 0 || close < 0 ? -1 : close + "\n}\n".length;
  const expected = [
    "const buf = cachedTextEncoder.encode(arg);",
    "for (; offset < len; offset++) {",
    "const code = arg.charCodeAt(offset);",
    "if (code > 0x7F) break;",
    "mem[ptr + offset] = code;",
    "ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;",
    "const ret = cachedTextEncoder.encodeInto(arg, view);",
    "WASM_VECTOR_LEN = offset;",
  ];
  const original = start < 0 || end < 0 ? "" : source.slice(start, end);
  const missing = expected.filter((line) => !original.includes(line));
  if (missing.length > 0) {
    throw new Error(`wasm-bindgen's passStringToWasm0 changed; review the replacement (missing: ${missing.join(" | ")})`);
  }
  const replacement = `function passStringToWasm0(arg, malloc, realloc) {
    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;
    const first = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + len));
    let written = first.written;
    if (first.read !== len) {
        const rest = arg.slice(first.read);
        ptr = realloc(ptr, len, len = written + rest.length * 3, 1) >>> 0;
        written += cachedTextEncoder.encodeInto(rest, getUint8ArrayMemory0().subarray(ptr + written, ptr + len)).written;
        ptr = realloc(ptr, len, written, 1) >>> 0;
    }
    WASM_VECTOR_LEN = written;
    return ptr;
}
`;
  return source.slice(0, start) + replacement + source.slice(end);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error("usage: node scripts/wasm-glue.mjs FILE");
  writeFileSync(file, withEncodeIntoStrings(readFileSync(file, "utf8")));
}
