// verifyAsync: everything `verify` takes as a key, plus a remote JWK Set from
// createRemoteJwks, whose keys are fetched (or taken from its cache) for the
// token's protected header before the same verification runs: synchronous,
// or, where WebCrypto is faster (browsers and workerd), with the signature
// checked by WebCrypto after every other check in WebAssembly.
import { freshKeySet } from "./remote-jwks.js";
import { withWebCrypto } from "./web-crypto.js";

/** Whether `key` is a remote JWK Set (what createRemoteJwks returns). */
function isRemoteJwks(key) {
  return typeof key === "object" && key !== null && typeof key.getKeySet === "function" && typeof key.reload === "function";
}

/**
 * The package's `verifyAsync`, made from an entry's own `verify` and
 * `decodeProtectedHeader` (one WebAssembly instance serves all three).
 */
export function verifyAsyncWith({ verify, decodeProtectedHeader }) {
  const check = withWebCrypto(verify) ?? verify;
  /** `check`'s outcome as a promise (its own, where it is WebCrypto's). */
  function checked(token, key, options) {
    try {
      return Promise.resolve(check(token, key, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  async function fetchedFor(token, key, options) {
    // A malformed token is refused before anything is fetched.
    const header = decodeProtectedHeader(token);
    return check(token, await key.getKeySet(header), options);
  }
  function withRemoteSet(token, key, options) {
    // A set fresh in memory is tried first, without reading the header or
    // waiting on the store: a cache hit then costs the verify and one
    // promise more. A token whose key is not in it takes the path below,
    // which refetches for an unknown `kid` (after the cooldown) and gives the
    // same outcome a first try would.
    const fresh = key[freshKeySet]?.();
    if (fresh === undefined) return fetchedFor(token, key, options);
    return checked(token, fresh, options).catch((error) => {
      if (error?.code !== "ERR_JWKS_NO_MATCHING_KEY") throw error;
      return fetchedFor(token, key, options);
    });
  }
  // Not an async function: the promise of WebCrypto's path is handed on as
  // it is, with no promise around it (each costs a turn of the microtask
  // queue); anything thrown on the way becomes a rejection.
  return function verifyAsync(token, key, options) {
    try {
      return isRemoteJwks(key) ? withRemoteSet(token, key, options) : checked(token, key, options);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
