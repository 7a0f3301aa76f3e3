// `jwt-edge/verify` in Cloudflare Workers: the same exports from the package's
// workerd module (built for speed; Workers upload it once).
export { JwtError, decode, verify, expiresAt, secondsUntilExpiry, isExpired, Verifier } from "./workerd.js";
