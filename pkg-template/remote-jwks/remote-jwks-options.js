// Reading the URL and options of `createRemoteJwks`, by the rules of the
// package's other options (src/js/options.rs): unknown names are refused, so a
// misspelt `cooldwon` cannot silently leave the default in place, and so is an
// option set to `undefined`. Durations are read exactly as `maxAge` is.
import { publishedJwtError } from "../error.js";

const JwtError = publishedJwtError();

/** The largest duration, in seconds: 2^53, as for every time in the package. */
const MAX_SECONDS = 2 ** 53;
const UNIT_SECONDS = new Map([
  ...["", "s", "sec", "secs", "second", "seconds"].map((unit) => [unit, 1]),
  ...["m", "min", "mins", "minute", "minutes"].map((unit) => [unit, 60]),
  ...["h", "hr", "hrs", "hour", "hours"].map((unit) => [unit, 3600]),
  ...["d", "day", "days"].map((unit) => [unit, 86_400]),
  ...["w", "week", "weeks"].map((unit) => [unit, 604_800]),
]);
// Rust's `trim_ascii`: space, tab, line feed, form feed and carriage return.
const ASCII_SPACE = /^[ \t\n\f\r]+|[ \t\n\f\r]+$/g;

/** A `JwtError` for an option the caller got wrong, as the package's other options throw. */
export function invalidOption(option, reason) {
  return new JwtError(`invalid option "${option}": ${reason}`, "ERR_INVALID_OPTIONS", undefined, reason);
}

/** Whole seconds from a number of seconds or a string such as `"30s"`, `"10m"`, `"2h"`, `"7d"`, `"1w"`. */
export function durationSeconds(value, option) {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0 || value > MAX_SECONDS) {
      throw invalidOption(option, "must be a number of seconds from 0 to 2^53");
    }
    return Math.floor(value) + 0; // + 0: -0 reads as 0
  }
  if (typeof value !== "string") throw invalidOption(option, "must be a number of seconds");
  const match = /^([0-9]+)(.*)$/s.exec(value.replace(ASCII_SPACE, ""));
  const scale = match && UNIT_SECONDS.get(match[2].replace(ASCII_SPACE, ""));
  const seconds = scale && BigInt(match[1]) * BigInt(scale);
  if (seconds === undefined || seconds === null || seconds > BigInt(MAX_SECONDS)) {
    throw invalidOption(option, 'must be seconds or a duration such as "15m", "2h" or "7d"');
  }
  return Number(seconds);
}

/** Whether `hostname` (as `URL` normalizes it) is the loopback interface. */
function isLoopback(hostname) {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The JWK Set's URL: `https:`, or `http:` on loopback only (a local issuer in development and tests). */
function jwksHref(url) {
  if (typeof url !== "string" && !(url instanceof URL)) throw invalidOption("url", "must be a string or a URL");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidOption("url", "must be an absolute URL");
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopback(parsed.hostname))) {
    throw invalidOption("url", "must be an https: URL (http: only on 127.0.0.0/8, [::1] or localhost)");
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw invalidOption("url", "must not hold credentials (send them with the headers option)");
  }
  parsed.hash = "";
  return parsed.href;
}

/** Header entries for every fetch (a fresh `Headers` is made per request). */
function headerEntries(value) {
  let headers;
  try {
    if (typeof value !== "object" || value === null) throw new TypeError();
    headers = new Headers(value);
  } catch {
    throw invalidOption("headers", "must be an object of header names and values");
  }
  if (!headers.has("accept")) headers.set("accept", "application/jwk-set+json, application/json");
  return [...headers];
}

/** `{ get, set }` (a key-value store such as Workers KV), or `{ match, put }` (the Workers Cache API). */
function cacheStore(value) {
  const has = (name) => typeof value?.[name] === "function";
  if ((has("get") && has("set")) || (has("match") && has("put"))) return value;
  throw invalidOption("cache", "must be the Workers Cache API (e.g. caches.default) or an object with get and set");
}

/** The URL and options of `createRemoteJwks`, checked and with their defaults. */
export function readRemoteJwksOptions(url, options) {
  const config = {
    href: jwksHref(url),
    cacheMaxAge: 600,
    cooldown: 30,
    timeout: 5,
    headers: headerEntries({}),
    cache: undefined,
    clock: () => Date.now() / 1000,
  };
  if (options === undefined || options === null) return config;
  if (typeof options !== "object" || Array.isArray(options)) throw invalidOption("options", "must be an object");
  for (const [name, value] of Object.entries(options)) {
    if (!Object.hasOwn(config, name) || name === "href") {
      throw invalidOption(name, "is not a createRemoteJwks option");
    }
    if (value === undefined) throw invalidOption(name, "must not be undefined (leave it out for the default)");
    switch (name) {
      case "cacheMaxAge":
      case "cooldown":
        config[name] = durationSeconds(value, name);
        break;
      case "timeout":
        config.timeout = durationSeconds(value, name);
        if (config.timeout === 0) throw invalidOption(name, "must be at least one second");
        break;
      case "headers":
        config.headers = headerEntries(value);
        break;
      case "cache":
        config.cache = cacheStore(value);
        break;
      case "clock":
        if (typeof value !== "function") throw invalidOption(name, "must be a function returning seconds since the epoch");
        config.clock = value;
        break;
    }
  }
  return config;
}
