// Browsers and bundlers: fetches and compiles the WebAssembly module once, at
// import (top-level await), so every export is synchronous afterwards.
import * as wasm from "./jwt_edge.js";
import { publishedJwtError } from "./error.js";

await wasm.default({ module_or_path: new URL("./jwt_edge_bg.wasm", import.meta.url) });

export const JwtError = publishedJwtError();
export const { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer } = wasm;
