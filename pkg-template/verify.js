// `jwt-edge/verify` for browsers and bundlers: decoding, verifying and the
// expiry helpers from a smaller WebAssembly module built without signing,
// fetched and compiled once at import (top-level await).
import * as wasm from "./jwt_edge_verify.js";
import { publishedJwtError } from "./error.js";

await wasm.default({ module_or_path: new URL("./jwt_edge_verify_bg.wasm", import.meta.url) });

export const JwtError = publishedJwtError();
export const { decode, verify, expiresAt, secondsUntilExpiry, isExpired, Verifier } = wasm;
