// The error class of jwt-edge. The WebAssembly module throws instances of the
// class published under this registry key, so the ES module and CommonJS
// builds, when both are loaded, share one class and `instanceof` always works.
const registryKey = Symbol.for("jwt-edge.JwtError");

class JwtError extends Error {
  constructor(message, code, claim, reason) {
    super(message);
    this.name = "JwtError";
    this.code = code;
    if (claim !== undefined) this.claim = claim;
    if (reason !== undefined) this.reason = reason;
  }
}

/** The published `JwtError` class, publishing this one if none is yet. */
export function publishedJwtError() {
  globalThis[registryKey] ??= JwtError;
  return globalThis[registryKey];
}
