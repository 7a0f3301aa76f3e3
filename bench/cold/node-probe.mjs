// One cold start in Node, run by bench/cold.mjs in a fresh process for each
// measurement: the time to import a library and the time of its first HS256
// verify, both taken inside the process (Node's own start-up is left out).
//
//   node bench/cold/node-probe.mjs <library> <token> <secret> <jwt-edge package directory URL>
//
// Prints one line of JSON: { importMs, firstVerifyMs, sub }.
import { libraries } from "./libraries.mjs";

const [name, token, secret, pkgDir] = process.argv.slice(2);
const library = libraries[name];
const specifier = name === "jwt-edge" ? new URL(library.node, pkgDir).href : library.node;

const started = performance.now();
const module = await import(specifier);
const imported = performance.now();
const payload = await library.verify(module, token, secret);
const verified = performance.now();
console.log(JSON.stringify({ importMs: imported - started, firstVerifyMs: verified - imported, sub: payload.sub }));
