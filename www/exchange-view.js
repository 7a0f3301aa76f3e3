// One request and its answer, as the page shows the last one beside the
// buttons (and beside the sign-in form): the method and path, the status, the
// response headers that say why, the body (tokens left out), and the
// explanation right next to them.

/** The response headers that explain an answer, as a script on this origin can read them. */
const SHOWN_HEADERS = ["WWW-Authenticate", "Retry-After"];
/** The cookies of the API's cookie mode (worker/src/cookies.rs). */
export const COOKIE_NAMES = { access: "__Host-access", refresh: "__Secure-refresh" };
const COOKIE_SETTING_PATHS = ["/api/login", "/api/refresh"];
const TOKEN_FIELDS = ["accessToken", "refreshToken"];

/** What the page keeps of one answer: `{ method, path, status, statusText, headers: [[name, value]], body }` (a promise). */
export async function exchangeOf(method, path, response) {
  const headers = SHOWN_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)]] : []));
  let body = "";
  try {
    body = await response.clone().text();
  } catch {
    // A body that cannot be read is shown as none.
  }
  return { method, path, status: response.status, statusText: response.statusText, headers, body };
}

/** The body for showing: JSON pretty-printed, with any token replaced by its length. */
function shownBody(text) {
  if (text === "") return "";
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (value && typeof value === "object") {
    for (const field of TOKEN_FIELDS) {
      if (typeof value[field] === "string") value[field] = `(${value[field].length} characters, not shown)`;
    }
  }
  return JSON.stringify(value, null, 2);
}

/** What the page can honestly say of the answer's Set-Cookie headers: browsers never let scripts read them. */
function setCookieNote(exchange, cookieMode) {
  const ok = exchange.status >= 200 && exchange.status < 300;
  if (cookieMode && ok && COOKIE_SETTING_PATHS.includes(exchange.path)) {
    return [
      "hidden from this page by the browser; in cookie mode this answer sets ",
      cookieName(COOKIE_NAMES.access),
      " and ",
      cookieName(COOKIE_NAMES.refresh),
      ".",
    ];
  }
  return ["hidden from this page by the browser (scripts never see it), if the answer had one."];
}

/** A cookie name in code that never breaks at its hyphen. */
export function cookieName(name) {
  const code = document.createElement("code");
  code.className = "cookie-name nowrap";
  code.textContent = name;
  return code;
}

function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/**
 * Shows `exchange` (or, when the server never answered, `{ method, path }`)
 * in `root`, with `explanation` (text, or an array of text and elements) and
 * its `kind` ("ok" or "error"), and brings it into view.
 */
export function showExchange(root, exchange, explanation, kind, { cookieMode = false } = {}) {
  const answered = exchange.status !== undefined;
  const status = answered ? `${exchange.status} ${exchange.statusText}`.trim() : "no answer";
  const request = element("p", "exchange-request", element("code", "", `${exchange.method} ${exchange.path}`), " → ", element("strong", "exchange-status", status));
  // Copies of any elements: the banner may show the same explanation.
  const parts = [explanation].flat().map((part) => (typeof part === "string" ? part : part.cloneNode(true)));
  const children = [request, element("p", `exchange-explanation ${kind}`, ...parts)];
  if (answered) {
    const headers = element("dl", "exchange-headers");
    for (const [name, value] of exchange.headers) {
      headers.append(element("dt", "", name), element("dd", "", element("code", "", value)));
    }
    headers.append(element("dt", "", "Set-Cookie"), element("dd", "", ...setCookieNote(exchange, cookieMode)));
    children.push(headers);
    const body = shownBody(exchange.body);
    if (body !== "") children.push(element("pre", "exchange-body", body));
  }
  root.replaceChildren(...children);
  root.dataset.status = answered ? String(exchange.status) : "none";
  root.hidden = false;
  root.scrollIntoView({ block: "nearest" });
}

/** Empties `root` and hides it. */
export function clearExchange(root) {
  root.replaceChildren();
  delete root.dataset.status;
  root.hidden = true;
}
