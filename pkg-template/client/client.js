// jwt-edge/client: a small auth client for the jwt-edge worker API (or any API
// with the same shape). It logs in, keeps the tokens where the app chose
// (localStorage, sessionStorage, or HttpOnly cookies the browser keeps), attaches
// the access token to every request it sends to the API's origin, refreshes
// before expiry, and refreshes once more on a 401 `ERR_JWT_EXPIRED`.
//
// Tabs of one origin never race a refresh (the server would take the second use
// of a refresh token for theft and revoke the session): refreshes are serialized
// with the Web Locks API (without it, in insecure contexts and older browsers,
// with a lease in localStorage), and a tab that waited for its turn takes the
// tokens the winner stored instead of refreshing again. Web Storage alone cannot tell
// that tab the truth (each tab's copy catches up asynchronously), so the id of
// the current session record, never a token, is also kept in IndexedDB, whose
// transactions see every write made before them.
//
// It only reads tokens, so it imports the package's module without signing:
// a page with the client and `jwt-edge/verify` fetches one small module.
import { decode, expiresAt as tokenExpiresAt } from "jwt-edge/verify";

const STORAGE_MODES = ["localStorage", "sessionStorage", "cookie"];
const PATHS = { login: "/api/login", refresh: "/api/refresh", logout: "/api/logout" };
// After a failed background refresh (server unreachable, 5xx), try again this soon.
const RETRY_DELAY_MS = 5_000;
// How long a tab waits for its copy of the storage (or, for sessionStorage, the
// broadcast of a duplicated tab) to show the record the register names.
const CATCH_UP_TIMEOUT_MS = 2_000;
// The lease that stands in for Web Locks: how long it holds unless renewed (a
// tab that closes while holding it blocks the others no longer than this), the
// pause after writing a claim before trusting it, and the most a tab waits at
// random before each try, so that tabs due at the same moment try apart.
const LEASE_MS = 10_000;
const LEASE_SETTLE_MS = 100;
const LEASE_JITTER_MS = 50;

/** A failed login, refresh or logout: `status` 0 and `code` `ERR_NETWORK` when the server was unreachable. */
class LocalAuthError extends Error {
  constructor(message, status, code, retryAfter) {
    super(message);
    this.name = "AuthError";
    this.status = status;
    this.code = code;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }
}
// One class for the ES module and CommonJS builds alike, so `instanceof` works
// when both are loaded (as JwtError does).
const registryKey = Symbol.for("jwt-edge.AuthError");
globalThis[registryKey] ??= LocalAuthError;
export const AuthError = globalThis[registryKey];

/** Creates a client; see client.d.ts for the options. */
export function createAuthClient(options = {}) {
  return new Client(options);
}

const nowSeconds = () => Date.now() / 1000;
const randomId = () => `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;

class Client {
  #mode;
  #base;
  #skew;
  #fetch;
  #key;
  #area; // the Storage holding the session record
  #session = null; // the record this tab works with
  #listeners = new Map();
  #timer;
  #refreshing = null; // this tab's refresh in flight
  #channel;
  #register = openRegister();
  #cleanup = [];
  #closed = false;

  constructor({ baseUrl, storage = "localStorage", refreshSkew = 30, storageKey = "jwt-edge", fetch: fetchImpl } = {}) {
    if (!STORAGE_MODES.includes(storage)) {
      throw new TypeError(`storage must be "localStorage", "sessionStorage" or "cookie", not ${JSON.stringify(storage)}`);
    }
    if (typeof refreshSkew !== "number" || !(refreshSkew >= 0)) {
      throw new TypeError("refreshSkew must be a number of seconds, 0 or more");
    }
    const page = globalThis.location?.href;
    if (baseUrl === undefined && page === undefined) throw new TypeError("baseUrl is required outside a browser page");
    this.#base = new URL(baseUrl ?? "/", page);
    this.#mode = storage;
    this.#skew = refreshSkew;
    this.#fetch = fetchImpl ?? ((request) => globalThis.fetch(request));
    // Cookie mode stores no token, only the (non-secret) expiry, in
    // localStorage so that every tab schedules from the same session.
    this.#key = storage === "cookie" ? `${storageKey}.cookie-session` : `${storageKey}.session`;
    this.#area = storage === "sessionStorage" ? globalThis.sessionStorage : globalThis.localStorage;
    if (!this.#area) throw new TypeError(`${storage === "sessionStorage" ? "sessionStorage" : "localStorage"} is not available here`);
    this.#session = this.#read();
    this.#listen();
    this.#schedule();
  }

  get storage() {
    return this.#mode;
  }

  session() {
    const s = this.#session;
    return s && { storage: this.#mode, issuedAt: s.issuedAt, expiresAt: s.expiresAt, refreshAt: this.#refreshAt(s) };
  }

  accessToken() {
    return this.#session?.accessToken ?? null;
  }

  on(type, listener) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(listener);
    return () => this.#listeners.get(type)?.delete(listener);
  }

  async login(username, password) {
    const mode = this.#mode === "cookie" ? "cookie" : "bearer";
    const response = await this.#post(PATHS.login, { username, password, mode }, { credentials: this.#authCredentials() });
    if (!response.ok) throw await errorOf(response);
    const record = this.#recordFrom(await response.json());
    const previous = this.#session;
    this.#store(record);
    await this.#mark(record, record.id);
    // A login replaces the session: the old one ends on the server too
    // (cookie mode: the browser already holds the new cookies).
    if (previous && this.#mode !== "cookie") void this.#revoke(previous);
    this.#emit("login", { session: this.session(), fromOtherTab: false });
    return this.session();
  }

  async logout() {
    // Under the refresh lock: no tab is halfway through a refresh whose new
    // tokens would outlive the logout, and the newest tokens get revoked.
    const session = await this.#exclusive(async () => {
      const current = this.#mode === "sessionStorage" ? this.#session : ((await this.#latest()) ?? this.#session);
      this.#clear();
      await this.#mark(current, null);
      return current;
    });
    this.#emit("logout", { reason: "user" });
    if (session) await this.#revoke(session);
  }

  refresh() {
    return this.#refresh(this.#session?.id);
  }

  async fetch(input, init) {
    const url = typeof input === "string" || input instanceof URL ? new URL(input, this.#base) : undefined;
    const original = new Request(url ?? input, this.#mode === "cookie" ? { ...init, credentials: "same-origin" } : init);
    const ours = new URL(original.url).origin === this.#base.origin;
    if (ours && this.#refreshing) await this.#refreshing.catch(() => {});
    if (ours && this.#session && this.#session.expiresAt <= nowSeconds()) {
      // Expired while the tab slept: refresh first (a failure logs out).
      await this.#refresh(this.#session.id).catch(() => {});
    }
    const sent = this.#session?.id;
    const response = await this.#fetch(this.#authorize(original.clone(), ours));
    if (!ours || response.status !== 401 || sent === undefined || !(await this.#expired(response))) return response;
    try {
      await this.#refresh(sent);
    } catch {
      return response;
    }
    return this.#fetch(this.#authorize(original, ours));
  }

  close() {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const undo of this.#cleanup) undo();
    this.#cleanup = [];
    this.#channel?.close();
  }

  // ---- requests ----

  #authorize(request, ours) {
    const token = this.#session?.accessToken;
    if (ours && token) request.headers.set("authorization", `Bearer ${token}`);
    return request;
  }

  // A 401 that another refresh can cure: an expired access token, or in cookie
  // mode a missing one (the browser drops the cookie when its Max-Age, the
  // token's lifetime, runs out).
  async #expired(response) {
    let code;
    try {
      code = (await response.clone().json())?.code;
    } catch {
      return false;
    }
    return code === "ERR_JWT_EXPIRED" || (this.#mode === "cookie" && code === "ERR_TOKEN_MISSING");
  }

  // Cookies go only with cookie-mode auth calls, so a stale cookie never
  // stands in for the tokens of the storage modes.
  #authCredentials() {
    return this.#mode === "cookie" ? "same-origin" : "omit";
  }

  async #post(path, body, { headers = {}, credentials }) {
    const request = new Request(new URL(path, this.#base), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      credentials,
    });
    try {
      return await this.#fetch(request);
    } catch (error) {
      throw new AuthError(`the server is unreachable (${error?.message ?? error})`, 0, "ERR_NETWORK");
    }
  }

  // Ends a session on the server, best effort: locally it is gone whatever the
  // server says, and an unreachable server lets the refresh token expire.
  async #revoke(session) {
    const headers = session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {};
    const body = session.refreshToken ? { refreshToken: session.refreshToken } : {};
    try {
      const response = await this.#post(PATHS.logout, body, { headers, credentials: this.#authCredentials() });
      await response.body?.cancel();
    } catch {
      // Unreachable.
    }
  }

  // ---- the session record ----

  // exp and iat come from the token (read with the WebAssembly helpers); the
  // schedule counts the token's lifetime from its arrival, so a client clock
  // that disagrees with the server's does not matter. Cookie mode cannot read
  // the token and uses `expiresIn`.
  // `login` names the login a record belongs to, across refreshes.
  #recordFrom(body, login = randomId()) {
    const arrived = nowSeconds();
    let lifetime = Number(body.expiresIn);
    if (this.#mode !== "cookie") {
      if (typeof body.accessToken !== "string" || typeof body.refreshToken !== "string") {
        throw new AuthError("the server sent no tokens", 502, "ERR_BAD_RESPONSE");
      }
      try {
        const exp = tokenExpiresAt(body.accessToken);
        const iat = decode(body.accessToken).payload.iat;
        if (exp !== undefined && typeof iat === "number") lifetime = exp - iat;
      } catch {
        // A token the helpers cannot read: trust expiresIn.
      }
    }
    if (!(lifetime > 0)) throw new AuthError("the server sent no token lifetime", 502, "ERR_BAD_RESPONSE");
    const record = { id: randomId(), login, issuedAt: arrived, expiresAt: arrived + lifetime };
    if (this.#mode !== "cookie") {
      record.accessToken = body.accessToken;
      record.refreshToken = body.refreshToken;
    }
    return record;
  }

  #read() {
    try {
      const record = JSON.parse(this.#area.getItem(this.#key) ?? "null");
      const valid =
        record && typeof record.id === "string" && record.expiresAt > record.issuedAt &&
        (this.#mode === "cookie" || (typeof record.accessToken === "string" && typeof record.refreshToken === "string"));
      return valid ? record : null;
    } catch {
      return null;
    }
  }

  #store(record) {
    this.#area.setItem(this.#key, JSON.stringify(record));
    this.#session = record;
    this.#schedule();
  }

  #clear() {
    const id = this.#session?.id;
    this.#area.removeItem(this.#key);
    this.#session = null;
    this.#schedule();
    if (id !== undefined) this.#channel?.postMessage({ type: "logout", id });
  }

  // ---- refreshing ----

  // Refreshes the session `id` unless another tab already has (then its tokens
  // are taken). Concurrent calls in this tab share one refresh.
  #refresh(id) {
    if (id === undefined) return Promise.reject(new AuthError("not logged in", 401, "ERR_NOT_LOGGED_IN"));
    this.#refreshing ??= this.#exclusive(() => this.#refreshLocked(id)).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  #exclusive(task) {
    const locks = globalThis.navigator?.locks;
    if (locks) return locks.request(`${this.#key}.refresh`, task);
    return withLease(globalThis.localStorage, `${this.#key}.refresh-lease`, task);
  }

  async #refreshLocked(id) {
    const current = await this.#latest();
    if (!current) {
      this.#adopt(null);
      throw new AuthError("logged out", 401, "ERR_NOT_LOGGED_IN");
    }
    if (current.id !== id) {
      this.#adopt(current); // another tab refreshed while this one waited
      return this.session();
    }
    const response = await this.#post(
      PATHS.refresh,
      current.refreshToken ? { refreshToken: current.refreshToken } : {},
      { credentials: this.#authCredentials() },
    );
    if (response.status === 401) {
      const error = await errorOf(response);
      this.#clear();
      this.#emit("logout", { reason: "refresh-failed", code: error.code });
      throw error;
    }
    if (!response.ok) throw await errorOf(response);
    const record = this.#recordFrom(await response.json(), current.login);
    const now = this.#mode === "sessionStorage" ? this.#session : this.#read();
    if (now?.id !== id) {
      // Another tab logged in meanwhile (logouts wait for the lock): its session wins.
      this.#adopt(now);
      return this.session();
    }
    this.#store(record);
    await this.#mark(record, record.id);
    this.#channel?.postMessage({ type: "rotated", previous: id, record });
    this.#emit("refresh", { session: this.session(), fromOtherTab: false });
    return this.session();
  }

  // Takes a record another tab wrote (or its removal) and tells the listeners.
  #adopt(record) {
    const before = this.#session;
    if ((before?.id ?? null) === (record?.id ?? null)) return;
    this.#session = record;
    if (this.#mode === "sessionStorage") {
      if (record) this.#area.setItem(this.#key, JSON.stringify(record));
      else this.#area.removeItem(this.#key);
    }
    this.#schedule();
    if (!record) this.#emit("logout", { reason: "other-tab" });
    else this.#emit(before?.login === record.login ? "refresh" : "login", { session: this.session(), fromOtherTab: true });
  }

  // Never sooner than half the lifetime, so a skew as long as the token cannot
  // make the client refresh in a loop.
  #refreshAt(s) {
    return s.expiresAt - Math.min(this.#skew, (s.expiresAt - s.issuedAt) / 2);
  }

  #schedule() {
    clearTimeout(this.#timer);
    const s = this.#session;
    if (!s || this.#closed) return;
    const delay = Math.max(0, (this.#refreshAt(s) - nowSeconds()) * 1000);
    this.#timer = setTimeout(() => this.#background(s.id), Math.min(delay, 2 ** 31 - 1));
    this.#timer?.unref?.(); // Node: a pending refresh does not keep the process alive
  }

  async #background(id) {
    try {
      await this.#refresh(id);
    } catch (error) {
      if (!(error instanceof AuthError) || error.status === 401 || this.#session?.id !== id) return;
      this.#emit("error", { error });
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#background(id), RETRY_DELAY_MS);
      this.#timer?.unref?.();
    }
  }

  // ---- other tabs ----

  #listen() {
    const on = (target, type, handler) => {
      target.addEventListener(type, handler);
      this.#cleanup.push(() => target.removeEventListener(type, handler));
    };
    if (this.#mode !== "sessionStorage" && typeof globalThis.addEventListener === "function") {
      // localStorage writes of other tabs.
      on(globalThis, "storage", (event) => {
        if (event.storageArea === this.#area && (event.key === this.#key || event.key === null)) this.#adopt(this.#read());
      });
    }
    if (this.#mode === "sessionStorage" && typeof BroadcastChannel === "function") {
      // A duplicated tab starts with a copy of the same sessionStorage: the
      // twin that rotates the refresh token hands the new tokens over.
      this.#channel = new BroadcastChannel(`${this.#key}.rotations`);
      this.#channel.onmessage = ({ data }) => {
        if (data?.type === "rotated" && this.#session?.id === data.previous) this.#adopt(data.record);
        if (data?.type === "logout" && this.#session?.id === data.id) this.#adopt(null);
      };
    }
    const document = globalThis.document;
    if (document) {
      // Timers are throttled in hidden tabs: check again on return.
      on(document, "visibilitychange", () => {
        if (document.visibilityState === "visible") this.#schedule();
      });
    }
  }

  // The register's key: the storage key, or for sessionStorage (one session per
  // tab, shared only by duplicated tabs) the login.
  #registerKey(record) {
    return this.#mode === "sessionStorage" ? `${this.#key}#${record.login}` : this.#key;
  }

  // Notes in the register that `record`'s login is now at `id` (null: logged out).
  async #mark(record, id) {
    if (!record) return;
    const key = this.#registerKey(record);
    await registerOp(this.#register, "readwrite", (store) =>
      id === null && this.#mode === "sessionStorage" ? store.delete(key) : store.put({ id }, key),
    );
  }

  // The current record, as of now in every tab: what this tab's storage says
  // once it has caught up with the id in the register. Called under the lock.
  async #latest() {
    const mine = this.#mode === "sessionStorage" ? this.#session : this.#read();
    if (!mine) return null;
    const marked = await registerOp(this.#register, "readonly", (store) => store.get(this.#registerKey(mine)));
    if (!marked || marked.id === mine.id) return mine; // no news (or no IndexedDB)
    // Another tab moved on: wait until this tab sees its record, through the
    // storage event (localStorage) or its broadcast (duplicated sessionStorage tab).
    const started = Date.now();
    for (;;) {
      const seen = this.#mode === "sessionStorage" ? this.#session : this.#read();
      if ((seen?.id ?? null) === marked.id) return seen;
      if (Date.now() - started > CATCH_UP_TIMEOUT_MS) {
        // Never presenting a refresh token another tab already used: without its
        // record, this tab logs out (the server session lives on elsewhere).
        return seen?.id === mine.id ? null : seen;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  #emit(type, detail) {
    for (const listener of this.#listeners.get(type) ?? []) {
      try {
        listener(detail);
      } catch (error) {
        // A listener's mistake must not break the client.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

// Runs `task` while holding the lease `key` in `storage` (localStorage, shared
// by every tab of the origin). A tab takes a free or lapsed lease by writing
// its claim, and holds it if its claim still stands after a pause: two tabs
// that claim at once both see the last claim written by then (each tab's copy
// of the storage catches up within milliseconds), so only one goes on and the
// other waits its turn. The holder renews the lease and removes it when done.
async function withLease(storage, key, task) {
  if (!storage) return task();
  const me = randomId();
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const holder = () => {
    try {
      const lease = JSON.parse(storage.getItem(key) ?? "null");
      return lease?.until > Date.now() ? lease.owner : null;
    } catch {
      return null;
    }
  };
  const claim = () => storage.setItem(key, JSON.stringify({ owner: me, until: Date.now() + LEASE_MS }));
  for (;;) {
    await sleep(Math.random() * LEASE_JITTER_MS);
    if (holder() !== null) continue;
    claim();
    await sleep(LEASE_SETTLE_MS);
    if (holder() === me) break;
  }
  const renewal = setInterval(() => holder() === me && claim(), LEASE_MS / 3);
  renewal.unref?.(); // Node: a held lease does not keep the process alive
  try {
    return await task();
  } finally {
    clearInterval(renewal);
    if (holder() === me) storage.removeItem(key);
  }
}

// The register: one IndexedDB object store of record ids. Without IndexedDB
// (Node, some private modes) every operation does nothing.
function openRegister() {
  const idb = globalThis.indexedDB;
  if (!idb) return Promise.resolve(null);
  return new Promise((resolve) => {
    setTimeout(() => resolve(null), 1_000); // an IndexedDB that never opens
    try {
      const request = idb.open("jwt-edge-client", 1);
      request.onupgradeneeded = () => request.result.createObjectStore("sessions");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

async function registerOp(opened, mode, operation) {
  const db = await opened;
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction("sessions", mode);
      const request = operation(transaction.objectStore("sessions"));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => resolve(undefined);
      transaction.onabort = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

async function errorOf(response) {
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return new AuthError(
    typeof body?.message === "string" ? body.message : `HTTP ${response.status}`,
    response.status,
    typeof body?.code === "string" ? body.code : `HTTP_${response.status}`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
