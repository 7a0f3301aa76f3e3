// The page's small shared pieces: finding elements, buttons that run an
// action, status lines, and the signature-checking module, loaded on first use.
import { explain } from "./explanations.js";

export const $ = (selector) => document.querySelector(selector);

/** The module that verifies signatures (with jwt-edge/jwk and its larger .wasm), imported when first needed. */
export const signatureCheck = () => import("./signature-check.js");

// Runs a button's action, marking the button busy meanwhile.
export function action(selector, run) {
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

/** `[text, kind]` for a failed check: the library's code and its plain explanation. */
export function refusal(prefix, error) {
  return [`${prefix}: ${error?.code ? `${error.code}. ${explain(error)}` : (error?.message ?? String(error))}`, "error"];
}

/** Sets a status line: `[text, kind]`, the kind "ok", "error" or "". */
export function sayIn(element, [content, kind]) {
  element.className = kind;
  element.textContent = content;
}

/** The shown header and payload as one JSON document: `{ header, payload }`. */
export function decodedJson(header, payload) {
  return JSON.stringify({ header: JSON.parse(header.textContent), payload: JSON.parse(payload.textContent) }, null, 2);
}
