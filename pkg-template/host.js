// What the package's WebAssembly calls in JavaScript, where it costs fewer
// bytes than in the module: the `JwtError`s it throws, built from the kind of
// error and its details (`jwtError`), and the options of `verify`,
// `verifyWithHeader` and `Verifier`, read and checked into the compact text
// the module takes (`verifyOptions`).
//
// The crate imports this file (src/js/host.rs, wasm-bindgen's `module`
// attribute): the glue of each build imports what its module uses, and the
// package bundles it into every entry, so there is one copy, and the
// wasm-bindgen tests run it as the package does. It imports nothing (wasm-bindgen
// copies the file alone) and runs nothing at load, so a bundler leaves out
// what a build does not import.

/** The registry key under which the package's entries publish the `JwtError` class (pkg-template/error.js). */
const ERROR_CLASS_KEY = "jwt-edge.JwtError";

/**
 * Per kind of error, in the order of the crate's `Error` variants (the
 * `kind` src/js/error.rs passes): its code, and its message or the prefix
 * of its message before the reason. The messages are those of `Error::message`.
 */
const KINDS = [
  ["ERR_JWS_INVALID", "invalid compact JWS: "],
  ["ERR_JWT_INVALID", "invalid JWT claims: "],
  ["ERR_JOSE_ALG_NOT_ALLOWED", '"alg" (Algorithm) Header Parameter value not allowed'],
  ["ERR_JOSE_NOT_SUPPORTED", "not supported: "],
  ["ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "signature verification failed"],
  ["ERR_JWT_EXPIRED", '"exp" claim timestamp check failed'],
  ["ERR_JWT_EXPIRED", '"iat" claim timestamp check failed (too far in the past)'],
  ["ERR_JWT_CLAIM_VALIDATION_FAILED", ""],
  ["ERR_KEY_INVALID", "invalid key: "],
  ["ERR_INVALID_OPTIONS", ""],
  ["ERR_JWK_INVALID", "invalid JWK: "],
  ["ERR_JWKS_INVALID", "invalid JWK Set: "],
  ["ERR_JWKS_NO_MATCHING_KEY", "no applicable key found in the JSON Web Key Set"],
  ["ERR_JWKS_MULTIPLE_MATCHING_KEYS", "multiple matching keys found in the JSON Web Key Set"],
];
const EXPIRED = 5;
const TOO_OLD = 6;
const CLAIM_INVALID = 7;
const INVALID_OPTIONS = 9;

/**
 * The `JwtError` for an error of `kind` (an index of `KINDS`) with its
 * `reason` (`undefined` for the kinds without one) and `name` (the claim of
 * a claim failure, the option of an option failure).
 */
export function jwtError(kind, reason, name) {
  const [code, text] = KINDS[kind];
  let claim;
  let message = reason === undefined ? text : text + reason;
  if (kind === EXPIRED || kind === TOO_OLD) {
    claim = kind === EXPIRED ? "exp" : "iat";
    reason = "check_failed";
  } else if (kind === CLAIM_INVALID) {
    claim = name;
    message = `"${name}" claim ${reason === "missing" ? "is missing" : reason === "unexpected" ? "has an unexpected value" : "check failed"}`;
  } else if (kind === INVALID_OPTIONS) {
    message = `invalid option "${name}": ${reason}`;
  }
  return newJwtError(message, code, claim, reason);
}

/**
 * An instance of the published `JwtError` class; a plain `Error` with the
 * same members when none is published or it cannot be constructed (nothing
 * other code planted, a throwing getter or setter, escapes in its place).
 */
function newJwtError(message, code, claim, reason) {
  try {
    const Class = globalThis[Symbol.for(ERROR_CLASS_KEY)];
    if (typeof Class === "function") return Reflect.construct(Class, [message, code, claim, reason]);
  } catch {
    // Falls back to a plain Error below.
  }
  const error = new Error(message);
  error.name = "JwtError";
  for (const [member, value] of [["code", code], ["claim", claim], ["reason", reason]]) {
    if (value === undefined) continue;
    try {
      error[member] = value;
    } catch {
      // Only a throwing setter planted on the prototype chain refuses one.
    }
  }
  return error;
}

const invalidOption = (option, reason) => jwtError(INVALID_OPTIONS, reason, option);
