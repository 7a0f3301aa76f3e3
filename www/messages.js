// What the page says when something goes wrong (or right): sign-in,
// registration, the end of a session, and the API's answers.
import { AuthError } from "jwt-edge/client";
import { timeElement } from "./time-format.js";

export const unreachable = "The server is unreachable: no answer came back. Is `make dev` still running?";

export function loginFailure(error) {
  if (!(error instanceof AuthError)) return `Sign-in failed: ${error}`;
  switch (error.code) {
    case "ERR_INVALID_CREDENTIALS":
      return "Wrong username or password.";
    case "ERR_ACCOUNT_LOCKED": {
      const wait = error.retryAfter ?? 30;
      return [`Too many failed sign-ins: this account is locked for ${wait} s (until `, timeElement(Date.now() / 1000 + wait), "). Even the right password waits."];
    }
    case "ERR_RATE_LIMITED":
      return `Too many sign-ins from this address: wait ${error.retryAfter ?? 60} s.`;
    case "ERR_NETWORK":
      return unreachable;
    case "ERR_BAD_REQUEST":
      return "Enter a username and a password.";
    default:
      return `Sign-in failed (${error.status} ${error.code}): ${error.message}`;
  }
}

export function sessionEnded(code) {
  switch (code) {
    case "ERR_REFRESH_TOKEN_EXPIRED":
      return "Your session has expired: sign in again.";
    case "ERR_SESSION_EXPIRED":
      return "Your session reached its maximum age (SESSION_MAX_AGE) and ended, however often it refreshed: sign in again.";
    case "ERR_REFRESH_COOKIE_DUPLICATED":
      return "The request carried two refresh cookies (one planted by another site of this domain?): the server refused it and cleared them. Sign in again.";
    case "ERR_REFRESH_TOKEN_REUSED":
      return "Your session was ended by the server because its refresh token was used twice (a stolen token, or a copy of this session racing it). Sign in again.";
    case "ERR_REFRESH_TOKEN_REVOKED":
      return "Your session was ended (logged out elsewhere, or revoked). Sign in again.";
    default:
      return `Your session is no longer valid (${code ?? "unknown"}): sign in again.`;
  }
}

export function apiOutcome(label, status, body) {
  if (status === 200) return [`${label}: 200 OK.`, "ok"];
  if (status === 403) {
    return [
      `${label}: 403 Forbidden. You are signed in, but this account lacks the role it needs (${body?.message ?? "insufficient scope"}). Sign in as demo-admin to see it.`,
      "error",
    ];
  }
  if (status === 401) {
    const reasons = {
      ERR_TOKEN_MISSING: "you are not signed in, so no token went with the request",
      ERR_TOKEN_REVOKED: "this token was revoked by logging out",
      ERR_JWT_EXPIRED: "the token has expired and could not be refreshed; sign in again",
      ERR_USER_UNKNOWN: "the account no longer exists",
    };
    return [`${label}: 401 Unauthorized: ${reasons[body?.code] ?? body?.message ?? "no valid token"}.`, "error"];
  }
  if (status === 429) return [`${label}: 429 Too Many Requests: wait and try again.`, "error"];
  return [`${label}: ${status} ${body?.message ?? ""}`.trim(), "error"];
}

export function registerFailure(status, body) {
  if (status === 400) return `The server refused the account: ${body?.message ?? "a bad username or password"}.`;
  if (status === 409) return "That username is taken: choose another.";
  if (status === 429) return `Too many accounts created from this address: wait ${body?.retryAfter ?? "a while"} and try again.`;
  return `Creating the account failed (${status} ${body?.code ?? ""}).`.trim();
}

