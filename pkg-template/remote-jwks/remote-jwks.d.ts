/** A number of seconds, or a string such as `"30s"`, `"10m"`, `"2h"`, `"7d"` or `"1w"` (as `maxAge`). */
export type JwksDuration = number | string;

/** A JWK Set as fetched: frozen, and without `oct` (shared-secret) keys. */
export interface JwkSet {
  readonly keys: readonly Readonly<Record<string, unknown>>[];
}

/**
 * A key-value store (for example a wrapper of Workers KV) that keeps the
 * fetched set for other isolates. Values are strings; `set` also gets the
 * seconds the entry stays useful (for KV's `expirationTtl`, at least 60).
 */
export interface JwksKeyValueStore {
  get(key: string): unknown;
  set(key: string, value: string, ttlSeconds: number): unknown;
}

/** The Workers Cache API: `caches.default` or a cache from `caches.open(name)`. */
export interface JwksCacheApi {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

export interface RemoteJwksOptions {
  /** How long a fetched set is used before it is fetched again. `Cache-Control: max-age` can shorten it, down to `cooldown`. Default `"10m"`. */
  cacheMaxAge?: JwksDuration;
  /** After a fetch, a token with an unknown `kid` causes no new fetch before this has passed (then one). Default `"30s"`. */
  cooldown?: JwksDuration;
  /** A fetch that has not answered within this fails with `ERR_JWKS_TIMEOUT`; at least one second. Default `"5s"`. */
  timeout?: JwksDuration;
  /** Headers sent with every fetch (e.g. `authorization`). `accept` defaults to `application/jwk-set+json, application/json`. */
  headers?: Record<string, string>;
  /**
   * Where the set is also kept, so that new isolates do not fetch it again:
   * the Workers Cache API (`caches.default`) or any `{ get, set }` store.
   * Default: in memory only. A store that fails is passed over. (On
   * `workers.dev` hostnames the Cache API keeps nothing; KV works everywhere.)
   */
  cache?: JwksCacheApi | JwksKeyValueStore;
  /** The current time in seconds since the epoch. Default `() => Date.now() / 1000`. */
  clock?: () => number;
}

/**
 * A remote JWK Set. `verifyAsync(token, jwks, options)` takes it as the key.
 *
 * In Cloudflare Workers, give each request its own view with
 * `jwks.forRequest(request)`: callers in one request then share one fetch,
 * while a fetch started by one request is never awaited by another (which
 * hangs once the first request ends). Without it, each caller in Workers
 * fetches on its own when a fetch is due; elsewhere all callers share one.
 */
export interface RemoteJwks {
  /** The URL the set is fetched from. */
  readonly url: string;
  /**
   * The current set for a token with this protected header: fetched when none
   * is cached or the cached one is no longer fresh, and once more when the
   * header's `kid` is not in it and the cooldown has passed.
   *
   * @throws {JwtError} `ERR_JWKS_NO_MATCHING_KEY` when the `kid` is not in the
   *   set (after that one refetch), `ERR_JWKS_TIMEOUT` or `ERR_JWKS_INVALID`
   *   (with a `reason`: `"status"`, `"redirect"`, `"too_large"`, `"not_json"`,
   *   `"not_a_jwk_set"` or `"unreachable"`) when a needed fetch failed and no
   *   set fetched within the stale limit (a day) is left to serve, or when the
   *   refetch for an unknown `kid` failed.
   */
  getKeySet(header?: { readonly kid?: unknown }): Promise<JwkSet>;
  /** Fetches the set now, whatever the cache and cooldown say. @throws {JwtError} as `getKeySet`. */
  reload(): Promise<JwkSet>;
  /** A view of the same set whose callers share one fetch in flight; `request` is any object living as long as one request. */
  forRequest(request: object): RemoteJwks;
}

/**
 * Fetches and keeps the JWK Set at `url`, which must be `https:` (or `http:`
 * on 127.0.0.0/8, `[::1]` or `localhost`). Redirects, answers other than 200,
 * bodies over 64 KiB and bodies that are not a JSON JWK Set are refused.
 *
 * @throws {JwtError} `ERR_INVALID_OPTIONS` for a refused URL, an unknown
 *   option or an option set to `undefined`.
 */
export declare function createRemoteJwks(url: string | URL, options?: RemoteJwksOptions): RemoteJwks;

/** How long a set is still served while refetching it fails, in seconds: a day. */
export declare const STALE_LIMIT: number;
