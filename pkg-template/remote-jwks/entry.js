// jwt-edge/remote-jwks: createRemoteJwks and verifyAsync, verifying with
// `jwt-edge/jwk` (every algorithm; in Node and workerd it is the package's
// one module, which "jwt-edge" loads too), and signAsync, signing with it.
import { decodeProtectedHeader, sign, verify } from "jwt-edge/jwk";
import { verifyAsyncWith } from "./verify-async.js";
import { signAsyncWith } from "./web-crypto-sign.js";

export { createRemoteJwks, STALE_LIMIT } from "./remote-jwks.js";

export const verifyAsync = verifyAsyncWith({ verify, decodeProtectedHeader });
export const signAsync = signAsyncWith(sign);
