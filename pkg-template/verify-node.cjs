// `jwt-edge/verify` for `require`: the same exports from the package's
// CommonJS module.
const jwt = require("./node.cjs");

module.exports = {
  JwtError: jwt.JwtError,
  decode: jwt.decode,
  verify: jwt.verify,
  expiresAt: jwt.expiresAt,
  secondsUntilExpiry: jwt.secondsUntilExpiry,
  isExpired: jwt.isExpired,
  Verifier: jwt.Verifier,
};
