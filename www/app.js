// The demo page: signs in with jwt-edge/client, shows the token (decoded by the
// WebAssembly module) and its expiry, calls the API and logs every request.
// Signatures are verified by signature-check.js, imported on first use; the
// paste-a-token panel is decoder-panel.js.
import { AuthError, createAuthClient } from "jwt-edge/client";
import { copyButton } from "./copy-button.js";
import "./decoder-panel.js";
import { COOKIE_NAMES, clearExchange, exchangeOf, showExchange } from "./exchange-view.js";
import { apiOutcome, loginFailure, registerFailure, sessionEnded, unreachable } from "./messages.js";
import { $, action, decodedJson, refusal, sayIn, signatureCheck } from "./page-controls.js";
import { relative, timeElement } from "./time-format.js";
import { readToken, refusalText, showTimes, updateRelativeTimes } from "./token-reading.js";

const PREFS_KEY = "jwt-edge-demo";
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
    lastExchanges.set(path, exchangeOf(request.method, path, response));
    return response;
  } catch (error) {
    row.status("unreachable", "failed");
    lastExchanges.set(path, Promise.resolve({ method: request.method, path }));
    throw error;
  }
}

/** The last answer to each path the client called (what the sign-in and refresh buttons show). */
const lastExchanges = new Map();

function logRow(method, path, attached) {
  const tbody = $("#request-log tbody");
  const tr = document.createElement("tr");
  const cells = [timeElement(Date.now() / 1000), `${method} ${path}`, "…", attached].map((content) => {
    const td = document.createElement("td");
    td.append(content);
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

/** Says `content` (text, or an array of text and elements) in the banner at the top. */
function say(content, kind = "info") {
  const message = $("#message");
  message.replaceChildren(...[content].flat());
  message.className = kind;
  message.hidden = message.textContent === "";
}

const text = (content) => [content].flat().map((part) => (typeof part === "string" ? part : part.textContent)).join("");

// ---- the client ----

let client;
let removeListeners = [];
let lastRefresh;

function startClient(storage) {
  client?.close();
  for (const remove of removeListeners) remove();
  // The client's own refresh margin: the page reads when it refreshes from session().refreshAt.
  client = createAuthClient({ storage, fetch: loggingFetch });
  serverSession = undefined;
  removeListeners = [
    client.on("login", ({ fromOtherTab }) => {
      if (fromOtherTab) say("Signed in from another tab.", "ok");
      serverSession = undefined;
      render();
    }),
    client.on("refresh", ({ fromOtherTab }) => {
      lastRefresh = { at: Date.now() / 1000, fromOtherTab };
      serverSession = undefined; // a new access cookie: ask again
      render();
    }),
    client.on("logout", ({ reason, code }) => {
      lastRefresh = undefined;
      serverSession = undefined;
      clearExchange($("#result"));
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
    showServerSession();
  }
  tick();
}

// ---- cookie mode: what the server says about the session ----

let serverSession; // undefined: not asked for this access cookie yet; else a promise of the profile

function showServerSession() {
  if (serverSession !== undefined) return;
  const asked = (serverSession = askProfile());
  for (const id of ["#server-subject", "#server-username", "#server-roles", "#server-expiry"]) $(id).textContent = "asking the server…";
  asked.then((profile) => {
    if (serverSession !== asked) return;
    $("#server-subject").textContent = profile.sub ?? "—";
    $("#server-username").textContent = profile.username ?? "—";
    $("#server-roles").textContent = Array.isArray(profile.roles) ? profile.roles.join(", ") : "—";
    const expiry = $("#server-expiry");
    if (Number.isSafeInteger(profile.exp)) expiry.replaceChildren(timeElement(profile.exp), " (", relativeSpan(profile.exp), ")");
    else expiry.textContent = profile.failed ?? "—";
  });
}

async function askProfile() {
  try {
    const response = await client.fetch("/api/profile");
    const body = await response.json().catch(() => ({}));
    if (response.ok) return body;
    const failed = `the server refused: ${response.status} ${body?.code ?? ""}`.trim();
    return { sub: failed, username: failed, roles: [failed], failed };
  } catch {
    return { sub: "no answer", username: "no answer", roles: ["no answer"], failed: "no answer" };
  }
}

function relativeSpan(seconds) {
  const span = document.createElement("span");
  span.className = "relative";
  span.dataset.at = String(seconds);
  span.textContent = relative(seconds);
  return span;
}

let shownToken;

function showToken(token) {
  if (token === shownToken) return;
  shownToken = token;
  sayIn($("#edited-signature"), ["", ""]);
  sayIn($("#token-signature"), ["Not verified yet.", ""]);
  if (verifyEachToken) void verifyShownToken();
  const view = $("#token");
  const [header, payload, signature] = token.split(".");
  view.replaceChildren(
    part(header, "jwt-header"),
    ".",
    part(payload, "jwt-payload"),
    ".",
    part(signature, "jwt-signature"),
  );
  const read = readToken(token);
  if (read.error) {
    $("#token-header").textContent = refusalText(read.error);
    $("#token-payload").textContent = "";
    $("#token-times").replaceChildren();
    return;
  }
  $("#token-header").textContent = JSON.stringify(read.header, null, 2);
  $("#token-payload").textContent = JSON.stringify(read.payload, null, 2);
  showTimes($("#token-times"), read.payload);
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
  // When the client refreshes, as it says: its margin before expiry, which
  // it shortens to half the token's lifetime when that is shorter.
  const margin = Math.round(session.expiresAt - session.refreshAt);
  const halfWay = Math.round(lifetime) === 2 * margin ? `, half-way through the token's ${Math.round(lifetime)} s life` : "";
  const info = [`Automatic refresh in ${next} s: ${margin} s before expiry${halfWay}.`];
  if (lastRefresh) {
    info.push(" Last refreshed at ", timeElement(lastRefresh.at), `${lastRefresh.fromOtherTab ? " by another tab" : ""}.`);
  }
  if (text(info) !== $("#refresh-info").textContent) $("#refresh-info").replaceChildren(...info);
  updateRelativeTimes(document.body, now);
}

// ---- actions ----

/** The answer the client's last call to `path` got, if it made one since `forget(path)`. */
const answerTo = (path) => lastExchanges.get(path) ?? Promise.resolve(undefined);
const forget = (path) => lastExchanges.delete(path);
const cookieMode = () => client.storage === "cookie";

/** Signs in, telling the page's banner and the sign-in form's result what happened. */
async function signIn(username, password, welcome) {
  savePrefs({ storage: client.storage });
  nameArea().setItem(NAME_KEY, username);
  forget("/api/login");
  try {
    await client.login(username, password);
    clearExchange($("#login-result"));
    $("#password").value = "";
    say(welcome, "ok");
    $("#get-profile").focus();
    return true;
  } catch (error) {
    const explanation = loginFailure(error);
    say(explanation, "error");
    const exchange = await answerTo("/api/login");
    if (exchange) showExchange($("#login-result"), exchange, explanation, "error", { cookieMode: cookieMode() });
    return false;
  }
}

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
    if (!(await signIn(username, password, `Signed in as ${username}.`))) $("#password").select();
  } finally {
    button.disabled = false;
  }
});

$("#register-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const username = $("#register-username").value.trim();
  const password = $("#register-password").value;
  const button = $("#register-submit");
  button.disabled = true;
  say("Creating the account…");
  try {
    const request = new Request("/api/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    let response;
    try {
      response = await loggingFetch(request);
    } catch {
      say(unreachable, "error");
      showExchange($("#login-result"), { method: "POST", path: "/api/register" }, unreachable, "error");
      return;
    }
    const exchange = await answerTo("/api/register");
    if (response.status !== 201) {
      let body;
      try {
        body = JSON.parse(exchange.body);
      } catch {
        body = undefined;
      }
      const retryAfter = response.headers.get("Retry-After");
      const explanation = registerFailure(response.status, { ...body, retryAfter: retryAfter && `${retryAfter} s` });
      say(explanation, "error");
      showExchange($("#login-result"), exchange, explanation, "error");
      return;
    }
    $("#register-password").value = "";
    $("#username").value = username;
    await signIn(username, password, `Account ${username} created; signed in as ${username}.`);
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
  let response;
  try {
    response = await client.fetch(path);
  } catch {
    const explanation = `${label}: ${unreachable}`;
    say(explanation, "error");
    showExchange($("#result"), { method: "GET", path }, explanation, "error");
    return;
  }
  const exchange = await exchangeOf("GET", path, response);
  let body;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    body = undefined;
  }
  const [explanation, kind] = apiOutcome(label, response.status, body);
  say(explanation, kind);
  showExchange($("#result"), exchange, explanation, kind, { cookieMode: cookieMode() });
}

action("#get-profile", () => callApi("/api/profile", "Profile"));
action("#get-admin", () => callApi("/api/admin", "Admin data"));

action("#refresh-now", async () => {
  forget("/api/refresh");
  const mode = cookieMode();
  try {
    await client.refresh();
    const explanation = "Refreshed: a new access token and a new refresh token; the old refresh token no longer works.";
    say(explanation, "ok");
    const exchange = await answerTo("/api/refresh");
    // Taken from another tab's refresh: this tab sent nothing.
    if (exchange) showExchange($("#result"), exchange, explanation, "ok", { cookieMode: mode });
  } catch (error) {
    if (error instanceof AuthError && error.code === "ERR_NETWORK") {
      const explanation = `Refresh failed. ${unreachable}`;
      say(explanation, "error");
      showExchange($("#result"), { method: "POST", path: "/api/refresh" }, explanation, "error");
    } else if (!(error instanceof AuthError && error.status === 401)) {
      say(`Refresh failed: ${error.message}`, "error");
    }
    // A 401 logged the session out; the logout listener said why.
  }
});

action("#log-out", async () => {
  await client.logout();
  clearExchange($("#result"));
  say("Signed out: the server revoked the session and the token is gone from this page.", "info");
  $("#username").focus();
});

copyButton($("#copy-token"), $("#copy-token-status"), () => client.accessToken() ?? "", "the token");
copyButton($("#copy-token-json"), $("#copy-token-status"), () => decodedJson($("#token-header"), $("#token-payload")), "the JSON");

// ---- signatures, verified in the page (the verifying module loads on first use) ----

let verifyEachToken = false; // after the first check, every new token is checked too

async function verifyShownToken() {
  const token = client.accessToken();
  if (token === null) return;
  const status = $("#token-signature");
  const alg = readToken(token).header?.alg;
  if (typeof alg === "string" && alg.startsWith("HS")) {
    // Nothing is fetched: a shared secret is never published, nor put in a page.
    sayIn(status, [sharedSecretNote(alg), ""]);
    return;
  }
  sayIn(status, ["Verifying…", ""]);
  try {
    const { verifyOwnToken, OWN_JWKS_PATH } = await signatureCheck();
    const { header } = await verifyOwnToken(token);
    if (client.accessToken() !== token) return;
    sayIn(status, [`Signature verified in this page: ${header.alg}, key ${header.kid ?? "(no kid)"} of ${OWN_JWKS_PATH}.`, "ok"]);
  } catch (error) {
    if (client.accessToken() !== token) return;
    sayIn(status, refusal("Not verified", error));
  }
}

const sharedSecretNote = (alg) =>
  `Not verifiable here: this worker signs with ${alg}, a shared secret that it never publishes and that no page may hold. The server verifies these tokens; with JWT_ALG EdDSA or ES256 the page can.`;

action("#verify-token", async () => {
  verifyEachToken = true;
  await verifyShownToken();
});

action("#verify-edited-token", async () => {
  const token = client.accessToken();
  if (token === null) return;
  const status = $("#edited-signature");
  const { header, payload = {} } = readToken(token);
  if (typeof header?.alg === "string" && header.alg.startsWith("HS")) {
    sayIn(status, [sharedSecretNote(header.alg), ""]);
    return;
  }
  const edited = { ...payload, roles: [...new Set([...(payload.roles ?? []), "admin"])] };
  try {
    const { verifyOwnToken, withEditedPayload } = await signatureCheck();
    await verifyOwnToken(withEditedPayload(token, edited));
    sayIn(status, ["A copy whose payload was edited to add the role admin verified: this must never happen.", "error"]);
  } catch (error) {
    const [content] = refusal("A copy whose payload was edited to add the role admin, signature kept, was refused", error);
    sayIn(status, [content, error?.code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "ok" : "error"]);
  }
});

// ---- start ----

window.addEventListener("storage", (event) => {
  if (event.key === NAME_KEY) render();
});
for (const code of document.querySelectorAll("code[data-cookie]")) code.textContent = COOKIE_NAMES[code.dataset.cookie];
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
