// `jwt-edge/verify` in Node.js as an ES module: the same exports from the
// package's Node module (built for speed; size does not matter here), so one
// module instance serves both imports.
export { JwtError, decode, verify, expiresAt, secondsUntilExpiry, isExpired, Verifier } from "./node.js";
