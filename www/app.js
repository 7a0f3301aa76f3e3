// The demo page: signs in with jwt-edge/client, shows the token (decoded by the
// WebAssembly module) and its expiry, calls the API and logs every request.
import { decode, JwtError } from "jwt-edge/decode";
import { AuthError, createAuthClient } from "jwt-edge/client";

const $ = (selector) => document.querySelector(selector);
const PREFS_KEY = "jwt-edge-demo";
const REFRESH_SKEW = 30;
const MAX_LOG_ROWS = 50;

const modeNames = { localStorage: "localStorage", sessionStorage: "sessionStorage", cookie: "an HttpOnly cookie" };

// ---- preferences (no tokens): the last storage mode chosen, and the name
// shown, kept beside the session (sessionStorage sessions are per tab) ----

function prefs() {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

function savePrefs(changes) {
  localStorage.setItem(PREFS_KEY, JSON.stringify({ ...prefs(), ...changes }));
}

const nameArea = () => (client.storage === "sessionStorage" ? sessionStorage : localStorage);
const NAME_KEY = `${PREFS_KEY}.username`;

// The mode of a session left by an earlier visit, else the last choice.
function initialMode() {
  if (sessionStorage.getItem("jwt-edge.session")) return "sessionStorage";
  if (localStorage.getItem("jwt-edge.session")) return "localStorage";
  if (localStorage.getItem("jwt-edge.cookie-session")) return "cookie";
  const { storage } = prefs();
  return storage in modeNames ? storage : "localStorage";
}

// ---- the request log ----

// What went with a request. In cookie mode the browser adds the cookies and
// JavaScript cannot see them: they are there while the session is.
function describeAttached(request, path) {
  if (request.headers.has("authorization")) return "Bearer access token";
  if (path === "/api/login" || client.storage !== "cookie" || request.credentials === "omit") return "none";
  if (path === "/api/refresh") return "refresh cookie (browser)";
  if (path === "/api/logout") return "HttpOnly cookies (browser)"; // sent as the session ends
  return client.session() ? "HttpOnly cookie (browser)" : "none";
}

async function loggingFetch(request) {
  const path = new URL(request.url).pathname;
  let attached = describeAttached(request, path);
  if ((path === "/api/refresh" || path === "/api/logout") && request.method === "POST") {
    try {
      if (JSON.parse(await request.clone().text())?.refreshToken) {
        attached = attached === "none" ? "refresh token (body)" : `${attached} + refresh token (body)`;
      }
    } catch {
      // Not JSON: nothing to say.
    }
  }
  const row = logRow(request.method, path, attached);
  try {
    const response = await fetch(request);
    row.status(String(response.status), response.ok ? "ok" : "failed");
    return response;
  } catch (error) {
    row.status("unreachable", "failed");
    throw error;
  }
}

function logRow(method, path, attached) {
  const tbody = $("#request-log tbody");
  const tr = document.createElement("tr");
  const time = new Date().toTimeString().slice(0, 8);
  const cells = [time, `${method} ${path}`, "…", attached].map((text) => {
    const td = document.createElement("td");
    td.textContent = text;
    tr.append(td);
    return td;
  });
  tr.dataset.method = method;
  tr.dataset.path = path;
  tr.dataset.attached = attached;
  tbody.prepend(tr);
  while (tbody.rows.length > MAX_LOG_ROWS) tbody.lastElementChild.remove();
  return {
    status(text, kind) {
      cells[2].textContent = text;
      tr.dataset.status = text;
      tr.className = kind;
    },
  };
}

// ---- messages ----

function say(text, kind = "info") {
  const message = $("#message");
  message.textContent = text;
  message.className = kind;
  message.hidden = text === "";
}

function clock(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString();
}

const unreachable = "The server is unreachable: no answer came back. Is `make dev` still running?";

function loginFailure(error) {
  if (!(error instanceof AuthError)) return `Sign-in failed: ${error}`;
  switch (error.code) {
    case "ERR_INVALID_CREDENTIALS":
      return "Wrong username or password.";
    case "ERR_ACCOUNT_LOCKED": {
      const wait = error.retryAfter ?? 30;
      return `Too many failed sign-ins: this account is locked for ${wait} s (until ${clock(Date.now() / 1000 + wait)}). Even the right password waits.`;
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

function sessionEnded(code) {
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

function apiOutcome(label, status, body) {
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

// ---- the client ----

let client;
let removeListeners = [];
let lastRefresh;

function startClient(storage) {
  client?.close();
  for (const remove of removeListeners) remove();
  client = createAuthClient({ storage, refreshSkew: REFRESH_SKEW, fetch: loggingFetch });
  removeListeners = [
    client.on("login", ({ fromOtherTab }) => {
      if (fromOtherTab) say("Signed in from another tab.", "ok");
      render();
    }),
    client.on("refresh", ({ fromOtherTab }) => {
      lastRefresh = { at: Date.now() / 1000, fromOtherTab };
      render();
    }),
    client.on("logout", ({ reason, code }) => {
      lastRefresh = undefined;
      if (reason === "refresh-failed") say(sessionEnded(code), "error");
      else if (reason === "other-tab") say("You were signed out in another tab.", "info");
      render();
    }),
    client.on("error", ({ error }) => {
      say(error.code === "ERR_NETWORK" ? `Could not refresh the token. ${unreachable} Retrying…` : `Could not refresh the token: ${error.message}. Retrying…`, "error");
    }),
  ];
  window.authClient = client; // for the console, and the tests
  render();
}

// ---- rendering ----

function render() {
  const session = client.session();
  $("#login").hidden = session !== null;
  $("#session").hidden = session === null;
  $("#refresh-now").disabled = session === null;
  $("#log-out").disabled = session === null;
  for (const radio of document.querySelectorAll('input[name="storage"]')) radio.checked = radio.value === client.storage;
  if (!session) return;

  const username = nameArea().getItem(NAME_KEY);
  $("#who").textContent = `Signed in${username ? ` as ${username}` : ""}; the token is kept in ${modeNames[session.storage]}.`;
  const token = client.accessToken();
  $("#token-view").hidden = token === null;
  $("#cookie-view").hidden = token !== null;
  if (token !== null) {
    showToken(token);
    $("#where").textContent =
      `Stored in ${session.storage} under "jwt-edge.session", together with the refresh token: ` +
      "readable by any script on this page.";
  } else {
    $("#document-cookie").textContent = JSON.stringify(document.cookie);
  }
  tick();
}

let shownToken;

function showToken(token) {
  if (token === shownToken) return;
  shownToken = token;
  const view = $("#token");
  const [header, payload, signature] = token.split(".");
  view.replaceChildren(
    part(header, "jwt-header"),
    ".",
    part(payload, "jwt-payload"),
    ".",
    part(signature, "jwt-signature"),
  );
  try {
    const decoded = decode(token);
    $("#token-header").textContent = JSON.stringify(decoded.header, null, 2);
    $("#token-payload").textContent = JSON.stringify(decoded.payload, null, 2);
  } catch (error) {
    $("#token-header").textContent = error instanceof JwtError ? `${error.code}: ${error.message}` : String(error);
    $("#token-payload").textContent = "";
  }
}

function part(text, className) {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

// The countdown and the progress bar, four times a second.
function tick() {
  const session = client.session();
  if (!session) return;
  const now = Date.now() / 1000;
  const left = Math.max(0, session.expiresAt - now);
  const lifetime = session.expiresAt - session.issuedAt;
  $("#countdown").textContent = left > 0 ? `${Math.ceil(left)} s` : "now (expired)";
  $("#expiry-bar").value = lifetime > 0 ? left / lifetime : 0;
  $("#expiry-bar").setAttribute("aria-valuetext", `${Math.ceil(left)} seconds left`);
  const next = Math.max(0, Math.ceil(session.refreshAt - now));
  const last = lastRefresh
    ? ` Last refreshed at ${clock(lastRefresh.at)}${lastRefresh.fromOtherTab ? " by another tab" : ""}.`
    : "";
  $("#refresh-info").textContent = `Automatic refresh in ${next} s (${REFRESH_SKEW} s before expiry, at most half-way).${last}`;
}

// ---- actions ----

$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const username = $("#username").value.trim();
  const password = $("#password").value;
  if (!username || !password) {
    say("Enter a username and a password.", "error");
    (username ? $("#password") : $("#username")).focus();
    return;
  }
  const button = $("#sign-in");
  button.disabled = true;
  say("Signing in…");
  try {
    savePrefs({ storage: client.storage });
    nameArea().setItem(NAME_KEY, username);
    await client.login(username, password);
    $("#password").value = "";
    say(`Signed in as ${username}.`, "ok");
    $("#get-profile").focus();
  } catch (error) {
    say(loginFailure(error), "error");
    $("#password").select();
  } finally {
    button.disabled = false;
  }
});

for (const radio of document.querySelectorAll('input[name="storage"]')) {
  radio.addEventListener("change", () => {
    if (!radio.checked || client.session()) return;
    savePrefs({ storage: radio.value });
    startClient(radio.value);
  });
}

for (const button of document.querySelectorAll("button.fill")) {
  button.addEventListener("click", () => {
    $("#username").value = button.dataset.username;
    $("#password").value = button.dataset.password;
    $("#sign-in").focus();
  });
}

async function callApi(path, label) {
  try {
    const response = await client.fetch(path);
    let body;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const [text, kind] = apiOutcome(label, response.status, body);
    say(text, kind);
    showResult(`${response.status} ${response.statusText}`.trim(), body);
  } catch {
    say(`${label}: ${unreachable}`, "error");
    showResult("no answer", undefined);
  }
}

function showResult(summary, body) {
  $("#result").hidden = false;
  $("#result-summary").textContent = summary;
  $("#result-body").textContent = body === undefined ? "" : JSON.stringify(body, null, 2);
}

// Runs a button's action, marking the button busy meanwhile.
function action(selector, run) {
  const button = $(selector);
  button.addEventListener("click", async () => {
    button.setAttribute("aria-busy", "true");
    try {
      await run();
    } finally {
      button.removeAttribute("aria-busy");
    }
  });
}

action("#get-profile", () => callApi("/api/profile", "Profile"));
action("#get-admin", () => callApi("/api/admin", "Admin data"));

action("#refresh-now", async () => {
  try {
    await client.refresh();
    say("Refreshed: a new access token and a new refresh token; the old refresh token no longer works.", "ok");
  } catch (error) {
    if (error instanceof AuthError && error.code === "ERR_NETWORK") say(`Refresh failed. ${unreachable}`, "error");
    else if (!(error instanceof AuthError && error.status === 401)) say(`Refresh failed: ${error.message}`, "error");
    // A 401 logged the session out; the logout listener said why.
  }
});

action("#log-out", async () => {
  await client.logout();
  say("Signed out: the server revoked the session and the token is gone from this page.", "info");
  $("#username").focus();
});

// ---- the paste-a-token decoder ----

function describeExpiry(payload) {
  if (typeof payload.exp !== "number") return "no expiry (exp) claim";
  const remaining = Math.round(payload.exp - Date.now() / 1000);
  const when = new Date(payload.exp * 1000).toISOString();
  return remaining > 0 ? `expires in ${remaining} s (${when})` : `expired ${-remaining} s ago (${when})`;
}

$("#paste").addEventListener("input", () => {
  const token = $("#paste").value.trim();
  const status = $("#paste-status");
  $("#paste-decoded").hidden = true;
  status.className = "";
  status.textContent = "";
  if (token === "") return;
  try {
    const { header, payload } = decode(token);
    $("#paste-header").textContent = JSON.stringify(header, null, 2);
    $("#paste-payload").textContent = JSON.stringify(payload, null, 2);
    $("#paste-decoded").hidden = false;
    status.textContent = `Decoded, not verified: ${describeExpiry(payload)}.`;
  } catch (error) {
    status.className = "error";
    status.textContent = error instanceof JwtError ? `${error.code}: ${error.message}` : String(error);
  }
});

// ---- start ----

window.addEventListener("storage", (event) => {
  if (event.key === NAME_KEY) render();
});
startClient(initialMode());
setInterval(tick, 250);
// The demo accounts exist only in the seeded local database of `make dev`:
// their table shows when the worker says it runs with one, never elsewhere.
// (A plain fetch: the request log shows the session's calls only.)
fetch("/api/about")
  .then((response) => (response.ok ? response.json() : {}))
  .then((about) => ($(".accounts").hidden = about?.seededLocalDatabase !== true))
  .catch(() => {})
  .finally(() => (document.documentElement.dataset.ready = "true"));
