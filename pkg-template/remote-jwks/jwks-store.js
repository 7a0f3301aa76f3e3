// Keeping a fetched JWK Set beyond one isolate, so that a new one does not
// fetch it again: in the Workers Cache API (`caches.default`, or any object
// with `match` and `put`), or in any `{ get, set }` store such as a wrapper of
// Workers KV (values are strings; `set` also gets the seconds the entry stays
// useful, for KV's `expirationTtl`). The store is a shortcut, never the
// authority: an entry that cannot be read or is not a valid record is passed
// over (the set is fetched), and a failed write is ignored.
import { isJwkSet, publicKeySet } from "./jwks-fetch.js";

/** The record of a fetched set, as stored. */
function entryText({ keySet, fetchedAt, freshUntil, staleUntil }) {
  return JSON.stringify({ keySet, fetchedAt, freshUntil, staleUntil });
}

function entryFrom(text) {
  if (typeof text !== "string") return undefined;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { keySet, fetchedAt, freshUntil, staleUntil } = value ?? {};
  const times = [fetchedAt, freshUntil, staleUntil];
  if (!isJwkSet(keySet) || !times.every(Number.isFinite)) return undefined;
  return { keySet: publicKeySet(keySet), fetchedAt, freshUntil, staleUntil };
}

/** The Cache API's key for a set: a URL of its own, so that it never answers a fetch of the set itself. */
function cacheApiKey(href) {
  return new Request(`https://jwks.jwt-edge.invalid/?url=${encodeURIComponent(href)}`);
}

/** `{ read(href), write(href, entry, now) }` over the `cache` option's store. */
export function jwksStore(cache) {
  const usesCacheApi = typeof cache.match === "function";
  return {
    async read(href) {
      try {
        if (!usesCacheApi) return entryFrom(await cache.get(`jwt-edge:jwks:${href}`));
        const response = await cache.match(cacheApiKey(href));
        return response === undefined ? undefined : entryFrom(await response.text());
      } catch {
        return undefined;
      }
    },
    async write(href, entry, now) {
      const ttl = Math.max(1, Math.ceil(entry.staleUntil - now));
      try {
        if (!usesCacheApi) {
          await cache.set(`jwt-edge:jwks:${href}`, entryText(entry), ttl);
          return;
        }
        const headers = { "content-type": "application/json", "cache-control": `max-age=${ttl}` };
        await cache.put(cacheApiKey(href), new Response(entryText(entry), { headers }));
      } catch {
        // The next isolate fetches the set itself.
      }
    },
  };
}
