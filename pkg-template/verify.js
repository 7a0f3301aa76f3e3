// `jwt-edge/verify` for browsers and bundlers: decoding, verifying and the
// expiry helpers from a smaller WebAssembly module built without signing,
// fetched and compiled once at import (top-level await). Bundled with its glue
// and error class into the package's verify.js, so that a page fetches this
// one file and the .wasm.
import init, { decode, verify, expiresAt, secondsUntilExpiry, isExpired, Verifier } from "./jwt_edge_verify.js";
import { publishedJwtError } from "./error.js";

await init({ module_or_path: new URL("./jwt_edge_verify_bg.wasm", import.meta.url) });

export const JwtError = publishedJwtError();
export { decode, verify, expiresAt, secondsUntilExpiry, isExpired, Verifier };
