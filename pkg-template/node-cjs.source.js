// Source of node.cjs (Node.js `require`), bundled to CommonJS when the package
// is assembled; not shipped itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as wasm from "./jwt_edge.js";
import { publishedJwtError } from "./error.js";

wasm.initSync({ module: readFileSync(join(__dirname, "jwt_edge_fast_bg.wasm")) });

export const JwtError = publishedJwtError();
export const { decode, verify, sign, expiresAt, secondsUntilExpiry, isExpired, Verifier, Signer } = wasm;
