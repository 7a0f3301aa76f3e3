// Verifying signatures in the page. jwt-edge/jwk (every algorithm, with its
// own, larger .wasm) and jwt-edge/remote-jwks are imported here, and this
// module is imported only when a signature is first verified: the page's first
// load fetches the module that only decodes.
import { decodeProtectedHeader, verifyWithHeader } from "jwt-edge/jwk";
import { createRemoteJwks, verifyAsync } from "jwt-edge/remote-jwks";

/** The worker's published key set. */
export const OWN_JWKS_PATH = "/.well-known/jwks.json";

/** One remote key set per URL, so its cache and cooldown hold across checks. */
const remoteSets = new Map();

function remoteSet(href) {
  if (!remoteSets.has(href)) remoteSets.set(href, createRemoteJwks(href));
  return remoteSets.get(href);
}

/**
 * Verifies `token` against the key set at `url` (resolved against the page):
 * `{ payload, header }`, or throws the JwtError of the rule that failed.
 */
export async function verifyWithUrl(token, url, options) {
  const href = new URL(url, location.href).href;
  const payload = await verifyAsync(token, remoteSet(href), options);
  // The signature covers the header: it is verified too now.
  return { payload, header: decodeProtectedHeader(token) };
}

/** The page's own access token, against the worker's published keys (it is an `at+jwt`). */
export function verifyOwnToken(token) {
  return verifyWithUrl(token, OWN_JWKS_PATH, { typ: "at+jwt" });
}

/**
 * Verifies `token` against `keyText`: a URL of a JWK Set, or the JSON of a
 * JWK or a JWK Set. Throws a JwtError from jwt-edge, or a plain Error when
 * `keyText` is neither.
 */
export async function verifyWithKeyText(token, keyText) {
  const text = keyText.trim();
  if (/^(https?:\/\/|\/)/i.test(text)) return verifyWithUrl(token, text);
  let key;
  try {
    key = JSON.parse(text);
  } catch {
    throw new Error("The key is neither JSON (a JWK or a JWK Set) nor a URL (https://…, or a path on this site such as /.well-known/jwks.json).");
  }
  if (key === null || typeof key !== "object" || Array.isArray(key)) {
    throw new Error("The key must be a JSON object: a JWK ({\"kty\": …}) or a JWK Set ({\"keys\": […]}).");
  }
  const { payload, protectedHeader } = verifyWithHeader(token, key);
  return { payload, header: protectedHeader };
}

/** `token` with its payload replaced by `payload` and its signature kept, as an attacker would edit it. */
export function withEditedPayload(token, payload) {
  const [header, , signature] = token.split(".");
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `${header}.${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}.${signature}`;
}
