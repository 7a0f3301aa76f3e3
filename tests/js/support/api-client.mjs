// Calls to the worker's API from the tests, as a client at its own address.
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { parseSetCookies } from "./api-worker.mjs";

/**
 * A client address of its own (a documentation range, RFC 5737), for
 * `CF-Connecting-IP`: the throttles and rate limits count per address, and
 * under `wrangler dev` the tests set the header Cloudflare's edge would.
 */
export function clientAddress() {
  return `198.51.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * Calls the API; `ip` is the client address (a fresh one per call unless
 * given). Resolves to { status, headers, json, text, response }.
 */
export async function call(worker, method, path, { body, token, cookie, origin, ip = clientAddress(), headers = {} } = {}) {
  const response = await fetch(`${worker.url}${path}`, {
    method,
    headers: {
      "cf-connecting-ip": ip,
      ...(body !== undefined && { "content-type": "application/json" }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...(cookie && { cookie }),
      ...(origin && { origin }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text, response };
}

let counter = 0;
/** A username no other test uses. */
export function uniqueName(prefix = "user") {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Registers a fresh account and logs it in (`mode`: "bearer" or "cookie"). */
export async function registerAndLogin(worker, mode = "bearer") {
  const username = uniqueName();
  const password = "a fine password";
  assert.equal((await call(worker, "POST", "/api/register", { body: { username, password } })).status, 201);
  const login = await call(worker, "POST", "/api/login", { body: { username, password, mode } });
  assert.equal(login.status, 200);
  return { username, password, login };
}

/** The `Cookie` header a browser would send back after `response`. */
export function cookieHeader(response) {
  return parseSetCookies(response)
    .filter((cookie) => cookie.value !== "")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .filter((pair, index, all) => all.indexOf(pair) === index)
    .join("; ");
}

/** The access token a cookie-mode response set. */
export function accessCookie(response) {
  return parseSetCookies(response).find((cookie) => cookie.name === "__Host-access").value;
}
