// Node.js as an ES module: reads and compiles the WebAssembly module
// synchronously at import.
import { readFileSync } from "node:fs";
import * as wasm from "./jwt_edge.js";
import { publishedJwtError } from "./error.js";

wasm.initSync({ module: readFileSync(new URL("./jwt_edge_bg.wasm", import.meta.url)) });

export const JwtError = publishedJwtError();
export const { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer } = wasm;
