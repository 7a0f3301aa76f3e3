/** Where the client keeps the session. */
export type TokenStorage = "localStorage" | "sessionStorage" | "cookie";

export interface AuthClientOptions {
  /**
   * The API's base URL; relative URLs given to `fetch` resolve against it, and
   * only requests to its origin get the token. Default: the page's origin.
   */
  baseUrl?: string | URL;
  /**
   * `"localStorage"` (every tab, survives restarts) or `"sessionStorage"` (this
   * tab): both tokens in that storage, sent as `Authorization: Bearer`.
   * `"cookie"`: HttpOnly cookies that JavaScript cannot read. Default
   * `"localStorage"`.
   */
  storage?: TokenStorage;
  /** Refresh this many seconds before the access token expires (at most half its lifetime). Default 30. */
  refreshSkew?: number;
  /** Prefix of the storage keys. Default `"jwt-edge"`. */
  storageKey?: string;
  /** Sends every request the client makes (default: the global `fetch`), e.g. to log them. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The current session, without its tokens. */
export interface AuthSession {
  readonly storage: TokenStorage;
  /** When the access token arrived, in seconds since the epoch (this device's clock). */
  readonly issuedAt: number;
  /** When the access token expires, in seconds since the epoch (this device's clock). */
  readonly expiresAt: number;
  /** When the client will refresh it: `refreshSkew` before `expiresAt`, at most half-way through its lifetime. */
  readonly refreshAt: number;
}

/** The codes of the jwt-edge worker, and `ERR_NETWORK` when the server was unreachable. */
export type AuthErrorCode =
  | "ERR_NETWORK"
  | "ERR_NOT_LOGGED_IN"
  | "ERR_BAD_RESPONSE"
  | "ERR_INVALID_CREDENTIALS"
  | "ERR_ACCOUNT_LOCKED"
  | "ERR_RATE_LIMITED"
  | "ERR_REFRESH_TOKEN_MISSING"
  | "ERR_REFRESH_TOKEN_INVALID"
  | "ERR_REFRESH_TOKEN_EXPIRED"
  | "ERR_REFRESH_TOKEN_REVOKED"
  | "ERR_REFRESH_TOKEN_REUSED"
  | "ERR_REFRESH_COOKIE_DUPLICATED"
  | "ERR_SESSION_EXPIRED"
  | "ERR_BAD_REQUEST"
  | "ERR_FOREIGN_ORIGIN"
  | "ERR_INTERNAL"
  | (string & {});

/** A failed login, refresh or logout. */
export declare class AuthError extends Error {
  constructor(message: string, status: number, code: AuthErrorCode, retryAfter?: number);
  readonly name: "AuthError";
  /** The HTTP status; 0 when the server was unreachable. */
  readonly status: number;
  /** The server's `code`, or the client's own. */
  readonly code: AuthErrorCode;
  /** Seconds to wait (`Retry-After`), for a locked account. */
  readonly retryAfter?: number;
}

/** Why the session ended. */
export type LogoutReason =
  /** `logout()` was called. */
  | "user"
  /** Another tab logged out (or its refresh failed). */
  | "other-tab"
  /** The server refused the refresh token: expired, revoked or reused (see `code`). */
  | "refresh-failed";

export interface AuthEvents {
  /** A login, in this tab or (`fromOtherTab`) in another one. */
  login: { session: AuthSession; fromOtherTab: boolean };
  /** New tokens, fetched by this tab or taken from another tab's refresh. */
  refresh: { session: AuthSession; fromOtherTab: boolean };
  logout: { reason: LogoutReason; code?: AuthErrorCode };
  /** A background refresh failed but the session lives on (e.g. the server is unreachable); it is retried. */
  error: { error: AuthError };
}

export interface AuthClient {
  readonly storage: TokenStorage;
  /** Logs in; the session replaces any current one. @throws {AuthError} */
  login(username: string, password: string): Promise<AuthSession>;
  /** Ends the session here and, best effort, on the server. */
  logout(): Promise<void>;
  /** Refreshes now (unless another tab just did). @throws {AuthError} a 401 one after logging out. */
  refresh(): Promise<AuthSession>;
  /**
   * `fetch` with the session: `Authorization: Bearer` (storage modes) or
   * `credentials: "same-origin"` (cookie mode) for the API's origin. On a 401
   * `ERR_JWT_EXPIRED` it refreshes once and retries the request once.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** The access token; always `null` in cookie mode, where JavaScript cannot read it. */
  accessToken(): string | null;
  /** The current session, or `null` when logged out. */
  session(): AuthSession | null;
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof AuthEvents>(type: K, listener: (event: AuthEvents[K]) => void): () => void;
  /** Stops the refresh timer and the cross-tab listeners. */
  close(): void;
}

/** Creates a client. @throws {TypeError} for a bad option, or without a `baseUrl` outside a page. */
export declare function createAuthClient(options?: AuthClientOptions): AuthClient;
