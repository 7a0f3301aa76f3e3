// Cloudflare Workers (workerd): the bundler imports the .wasm file as a
// compiled WebAssembly.Module, since Workers cannot compile code at run time.
// Workers load the build optimized for speed, like Node.
import wasmModule from "./jwt_edge_fast_bg.wasm";
import * as wasm from "./jwt_edge.js";
import { publishedJwtError } from "./error.js";

wasm.initSync({ module: wasmModule });

export const JwtError = publishedJwtError();
export const { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer } = wasm;
