// Reading a token without verifying it: the decoded header and payload, its
// times beside their numbers, and the warnings about what a verifier would
// refuse, each with jwt-edge's error code.
import { decode, isExpired, JwtError } from "jwt-edge/decode";
import { relative, timeElement } from "./time-format.js";

/** A pasted `Authorization` value's scheme, taken off. */
const BEARER_PREFIX = /^\s*bearer\s+/i;

/** The token in `text`, without surrounding space or a leading `Bearer `: `{ token, strippedBearer }`. */
export function tokenFrom(text) {
  const strippedBearer = BEARER_PREFIX.test(text);
  return { token: text.replace(BEARER_PREFIX, "").trim(), strippedBearer };
}

/**
 * Decodes `token`: `{ header, payload, warnings }`, each warning
 * `{ code, claim?, text }`, or `{ error }` (a JwtError) when jwt-edge refuses
 * to read it at all (a malformed token, or a header it would never accept).
 */
export function readToken(token, now = Date.now() / 1000) {
  let decoded;
  try {
    decoded = decode(token);
  } catch (error) {
    return { error };
  }
  const { header, payload } = decoded;
  const warnings = [];
  if (header.alg === "none") {
    warnings.push({ code: "ERR_JOSE_ALG_NOT_ALLOWED", text: "alg: none: this token carries no signature, so anyone could have written it." });
  }
  if (isExpired(token, 0, now)) {
    warnings.push({ code: "ERR_JWT_EXPIRED", claim: "exp", text: `Expired ${relative(payload.exp, now)}.` });
  }
  if (typeof payload.nbf === "number" && payload.nbf > now) {
    warnings.push({ code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "nbf", text: `Not valid yet: valid from ${relative(payload.nbf, now)}.` });
  }
  return { header, payload, warnings };
}

/** The code and message of a refusal, as text. */
export function refusalText(error) {
  return error instanceof JwtError ? `${error.code}: ${error.message}` : String(error);
}

const TIME_CLAIMS = [
  ["iat", "issued"],
  ["nbf", "valid from"],
  ["exp", "expires"],
];

/** Fills `list` with the payload's iat, nbf and exp: each number, its date in the page's format, and how far from now. */
export function showTimes(list, payload) {
  const items = [];
  for (const [claim, meaning] of TIME_CLAIMS) {
    const seconds = payload[claim];
    if (typeof seconds !== "number") continue;
    const item = document.createElement("li");
    item.dataset.claim = claim;
    const name = document.createElement("code");
    name.textContent = claim;
    const number = document.createElement("code");
    number.textContent = String(seconds);
    const distance = document.createElement("span");
    distance.className = "relative";
    distance.dataset.at = String(seconds);
    item.append(name, " ", number, `: ${meaning} `, timeElement(seconds), " (", distance, ")");
    items.push(item);
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  updateRelativeTimes(list);
}

/** Brings every "in N s" / "N s ago" under `root` up to date. */
export function updateRelativeTimes(root, now = Date.now() / 1000) {
  for (const element of root.querySelectorAll("[data-at]")) element.textContent = relative(Number(element.dataset.at), now);
}
