// Node.js as an ES module: reads and compiles the WebAssembly module
// synchronously at import. Node loads the build optimized for speed
// (jwt_edge_fast_bg.wasm); browsers download the smaller jwt_edge_bg.wasm.
import { readFileSync } from "node:fs";
import * as wasm from "./jwt_edge.js";
import { publishedJwtError } from "./error.js";

wasm.initSync({ module: readFileSync(new URL("./jwt_edge_fast_bg.wasm", import.meta.url)) });

export const JwtError = publishedJwtError();
export const { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer } = wasm;
