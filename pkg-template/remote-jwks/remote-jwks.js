// createRemoteJwks: an identity provider's JWK Set, fetched from its URL and
// kept fresh, for `verifyAsync`.
//
// - A set is fresh for `cacheMaxAge`, or less when the answer's
//   `Cache-Control: max-age` says so, but never less than `cooldown`.
// - A token whose `kid` is not in the set causes one refetch, only once the
//   cooldown since the last fetch has passed (so a stream of made-up `kid`s
//   costs the issuer at most one request per cooldown); a `kid` still unknown
//   afterwards is `ERR_JWKS_NO_MATCHING_KEY`.
// - When a refetch fails, the last good set is served until `STALE_LIMIT`
//   after it was fetched, and the failing URL is tried again only after the
//   cooldown.
// - Callers that share a scope share one fetch in flight. Outside Workers every
//   caller shares one scope. In Workers, a promise whose I/O belongs to one
//   request never settles for another once the first request ends or is
//   cancelled, and the other then hangs ("The script will never generate a
//   response"; jose issues #355 and #509): there a caller shares a fetch only
//   with callers naming the same request through `forRequest(request)`, and
//   otherwise fetches on its own. Only settled sets are shared across requests.
import { publishedJwtError } from "../error.js";
import { fetchJwkSet } from "./jwks-fetch.js";
import { jwksStore } from "./jwks-store.js";
import { invalidOption, readRemoteJwksOptions } from "./remote-jwks-options.js";

const JwtError = publishedJwtError();

/** How long a set is still served while refetching it fails: a day after it was fetched (or its fresh time, if longer). */
export const STALE_LIMIT = 86_400;

const inWorkers = globalThis.navigator?.userAgent === "Cloudflare-Workers";
/** The scope of every caller outside Workers that names no request. */
const processScope = Object.freeze({});

/** Fetches and keeps the JWK Set at `url`; see remote-jwks.d.ts for the options. */
export function createRemoteJwks(url, options) {
  const source = new RemoteJwkSet(readRemoteJwksOptions(url, options));
  return scopedView(source, inWorkers ? undefined : processScope);
}

/**
 * A view's set while it is fresh in memory, read synchronously: for
 * `verifyAsync`'s hot path (jwt-edge/remote-jwks only; not part of the API).
 */
export const freshKeySet = Symbol("jwt-edge freshKeySet");

function scopedView(source, scope) {
  return Object.freeze({
    url: source.href,
    getKeySet: (header) => source.keySetFor(header, scope),
    [freshKeySet]: () => source.freshKeySet(),
    reload: async () => (await source.refresh(scope, true)).keySet,
    forRequest(request) {
      if ((typeof request !== "object" && typeof request !== "function") || request === null) {
        throw invalidOption("request", "must be an object that lives as long as one request (e.g. the Request)");
      }
      return scopedView(source, request);
    },
  });
}

const hasKid = (keySet, kid) => keySet.keys.some((key) => key.kid === kid);

class RemoteJwkSet {
  #config;
  #store;
  /** The newest set fetched: `{ keySet, fetchedAt, freshUntil, staleUntil }` (seconds). */
  #entry;
  /** When the last fetch started, successful or not. */
  #attemptedAt = -Infinity;
  /** After a failed fetch: no new fetch before this, while a stale set can be served. */
  #retryAt = -Infinity;
  /** The fetch in flight of each scope. */
  #pending = new WeakMap();
  #started = 0;
  #applied = 0;

  constructor(config) {
    this.#config = config;
    this.#store = config.cache && jwksStore(config.cache);
  }

  get href() {
    return this.#config.href;
  }

  #now() {
    return this.#config.clock();
  }

  /** The set in memory while it is fresh (as `#current` finds it), else `undefined`. */
  freshKeySet() {
    const entry = this.#entry;
    return entry && this.#now() < entry.freshUntil ? entry.keySet : undefined;
  }

  async keySetFor(header, scope) {
    const kid = typeof header?.kid === "string" ? header.kid : undefined;
    let { entry, fetched } = await this.#current(scope);
    if (kid === undefined || hasKid(entry.keySet, kid)) return entry.keySet;
    const lastFetch = Math.max(entry.fetchedAt, this.#attemptedAt);
    if (!fetched && this.#now() >= lastFetch + this.#config.cooldown) {
      entry = await this.refresh(scope, false);
      if (hasKid(entry.keySet, kid)) return entry.keySet;
    }
    throw new JwtError("no applicable key found in the JSON Web Key Set", "ERR_JWKS_NO_MATCHING_KEY");
  }

  /** The set to use now, and whether this call already fetched (or tried to). */
  async #current(scope) {
    const now = this.#now();
    let entry = this.#entry;
    if (this.#store && !(entry && now < entry.freshUntil)) {
      const stored = await this.#store.read(this.href);
      if (stored && !(entry && entry.fetchedAt >= stored.fetchedAt)) entry = this.#entry = stored;
    }
    if (entry && now < entry.freshUntil) return { entry, fetched: false };
    if (entry && now < this.#retryAt && now < entry.staleUntil) return { entry, fetched: false };
    try {
      return { entry: await this.refresh(scope, false), fetched: true };
    } catch (error) {
      if (entry && this.#now() < entry.staleUntil) return { entry, fetched: true };
      throw error;
    }
  }

  /** The scope's fetch in flight, or a new one (always a new one when `force`d). */
  refresh(scope, force) {
    const pending = scope === undefined ? undefined : this.#pending.get(scope);
    if (pending && !force) return pending;
    const fetching = this.#fetch().finally(() => {
      if (this.#pending.get(scope) === fetching) this.#pending.delete(scope);
    });
    if (scope !== undefined) this.#pending.set(scope, fetching);
    return fetching;
  }

  async #fetch() {
    const { href, headers, timeout, cacheMaxAge, cooldown } = this.#config;
    const sequence = ++this.#started;
    this.#attemptedAt = this.#now();
    let fetched;
    try {
      fetched = await fetchJwkSet(href, headers, timeout);
    } catch (error) {
      this.#retryAt = this.#now() + cooldown;
      throw error;
    }
    const now = this.#now();
    const freshFor = Math.min(cacheMaxAge, Math.max(cooldown, fetched.freshFor ?? cacheMaxAge));
    const entry = {
      keySet: fetched.keySet,
      fetchedAt: now,
      freshUntil: now + freshFor,
      staleUntil: now + Math.max(freshFor, STALE_LIMIT),
    };
    // A fetch that started before the set in use was fetched does not replace it.
    if (sequence > this.#applied) {
      this.#applied = sequence;
      this.#entry = entry;
      this.#retryAt = -Infinity;
      await this.#store?.write(href, entry, now);
    }
    return entry;
  }
}
