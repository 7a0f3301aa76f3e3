// Browsers and bundlers: fetches and compiles the WebAssembly module once, at
// import (top-level await), so every export is synchronous afterwards. Bundled
// with its glue and error class into the package's index.js, so that a page
// fetches this one file and the .wasm.
import init, { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer } from "./jwt_edge.js";
import { publishedJwtError } from "./error.js";

await init({ module_or_path: new URL("./jwt_edge_bg.wasm", import.meta.url) });

export const JwtError = publishedJwtError();
export { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer };
