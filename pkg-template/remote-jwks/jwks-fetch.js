// Fetching a JWK Set over HTTP. Only a direct `200` answer whose body is at most
// 64 KiB of JSON shaped as a JWK Set is taken: redirects, other statuses,
// larger bodies (reading stops at the cap) and anything else are refused with
// `ERR_JWKS_INVALID`, and an answer that does not arrive within the timeout
// with `ERR_JWKS_TIMEOUT`.
import { publishedJwtError } from "../error.js";

const JwtError = publishedJwtError();

/** The largest JWK Set body read, in bytes. */
export const MAX_JWKS_BYTES = 64 * 1024;

function invalid(href, detail, reason) {
  return new JwtError(`no JSON Web Key Set from ${href}: ${detail}`, "ERR_JWKS_INVALID", undefined, reason);
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether `value` is a JWK Set: an object whose `keys` is an array of objects. */
export function isJwkSet(value) {
  return isObject(value) && Array.isArray(value.keys) && value.keys.every(isObject);
}

function deepFreeze(value) {
  if (typeof value === "object" && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

/**
 * The set's keys without `oct` (shared-secret) keys, which a published set
 * must never supply; frozen, as every caller shares it.
 */
export function publicKeySet(jwks) {
  return deepFreeze({ keys: jwks.keys.filter((key) => key.kty !== "oct") });
}

/**
 * How many seconds `Cache-Control` says the answer stays fresh (its `max-age`
 * less the `Age` it has already spent in a cache; 0 for `no-store` and
 * `no-cache`); `undefined` when it does not say.
 */
export function freshnessOf(headers) {
  const control = headers.get("cache-control");
  if (control === null) return undefined;
  if (/(?:^|,)\s*no-(?:store|cache)\s*(?:[=,]|$)/i.test(control)) return 0;
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(control);
  if (maxAge === null) return undefined;
  const age = /^\s*(\d+)\s*$/.exec(headers.get("age") ?? "");
  return Math.max(0, Number(maxAge[1]) - (age === null ? 0 : Number(age[1])));
}

/** The body as text, refused (and no longer read) once it passes `MAX_JWKS_BYTES`. */
async function cappedText(href, response) {
  const tooLarge = () => invalid(href, `the body is larger than ${MAX_JWKS_BYTES} bytes`, "too_large");
  if (Number(response.headers.get("content-length")) > MAX_JWKS_BYTES) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const bytes = new Uint8Array(MAX_JWKS_BYTES);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > MAX_JWKS_BYTES) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    bytes.set(value, length);
    length += value.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length));
  } catch {
    throw invalid(href, "the body is not UTF-8", "not_json");
  }
}

function parseJwkSet(href, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(href, "the body is not JSON", "not_json");
  }
  if (!isJwkSet(value)) throw invalid(href, "the body is not a JWK Set ({ keys: [...] })", "not_a_jwk_set");
  return publicKeySet(value);
}

/**
 * Fetches the JWK Set at `href`: `{ keySet, freshFor }`, `freshFor` being the
 * seconds `Cache-Control` grants (`undefined` when it grants none).
 */
export async function fetchJwkSet(href, headers, timeoutSeconds) {
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  try {
    const response = await fetch(href, { method: "GET", headers: new Headers(headers), redirect: "manual", signal });
    if (response.status !== 200) {
      void response.body?.cancel().catch(() => {});
      const redirect = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
      throw redirect
        ? invalid(href, "it answered with a redirect, which is not followed", "redirect")
        : invalid(href, `it answered ${response.status}, not 200`, "status");
    }
    const keySet = parseJwkSet(href, await cappedText(href, response));
    return { keySet, freshFor: freshnessOf(response.headers) };
  } catch (error) {
    if (error instanceof JwtError) throw error;
    if (signal.aborted) {
      throw new JwtError(`no JSON Web Key Set from ${href} within ${timeoutSeconds} s`, "ERR_JWKS_TIMEOUT");
    }
    throw invalid(href, `it could not be fetched (${error?.message ?? error})`, "unreachable");
  }
}
