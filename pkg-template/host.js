// What the package's WebAssembly calls in JavaScript, where it costs fewer
// bytes than in the module: the `JwtError`s it throws, built from the kind of
// error and its details (`jwtError`), and the options of `verify`,
// `verifyWithHeader`, `Verifier`, `sign` and `Signer`, read and checked into
// the compact text the module takes (`verifyOptions`, `signOptions`), and
// what `decode` returns, parsed from the texts the module checked (`decodedJwt`).
// Measured, gzipped, entry and .wasm together: the errors took 1.2–1.5 KB off
// each browser download, the options (with the bundles' names minified) 0.9–2
// KB more; jwt-edge/verify went from 32,811 to 30,393 bytes, jwt-edge/decode
// from 20,349 to 18,457, the main entry from 39,135 to 37,372. The one-shot
// calls compare the options with the last ones here, member by member, which
// costs less than their `JSON.stringify` text did.
//
// The crate imports this file (src/js/host.rs, wasm-bindgen's `module`
// attribute): the glue of each build imports what its module uses, and the
// package bundles it into every entry, so there is one copy, and the
// wasm-bindgen tests run it as the package does. It imports nothing (wasm-bindgen
// copies the file alone) and runs nothing at load, so a bundler leaves out
// what a build does not import.

/** The registry key under which the package's entries publish the `JwtError` class (pkg-template/error.js). */
const ERROR_CLASS_KEY = "jwt-edge.JwtError";

/**
 * Per kind of error, in the order of the crate's `Error` variants (the
 * `kind` src/js/error.rs passes): its code, and its message or the prefix
 * of its message before the reason. The messages are those of `Error::message`.
 */
const KINDS = [
  ["ERR_JWS_INVALID", "invalid compact JWS: "],
  ["ERR_JWT_INVALID", "invalid JWT claims: "],
  ["ERR_JOSE_ALG_NOT_ALLOWED", '"alg" (Algorithm) Header Parameter value not allowed'],
  ["ERR_JOSE_NOT_SUPPORTED", "not supported: "],
  ["ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "signature verification failed"],
  ["ERR_JWT_EXPIRED", '"exp" claim timestamp check failed'],
  ["ERR_JWT_EXPIRED", '"iat" claim timestamp check failed (too far in the past)'],
  ["ERR_JWT_CLAIM_VALIDATION_FAILED", ""],
  ["ERR_KEY_INVALID", "invalid key: "],
  ["ERR_INVALID_OPTIONS", ""],
  ["ERR_JWK_INVALID", "invalid JWK: "],
  ["ERR_JWKS_INVALID", "invalid JWK Set: "],
  ["ERR_JWKS_NO_MATCHING_KEY", "no applicable key found in the JSON Web Key Set"],
  ["ERR_JWKS_MULTIPLE_MATCHING_KEYS", "multiple matching keys found in the JSON Web Key Set"],
];
const EXPIRED = 5;
const TOO_OLD = 6;
const CLAIM_INVALID = 7;
const INVALID_OPTIONS = 9;

/**
 * The `JwtError` for an error of `kind` (an index of `KINDS`) with its
 * `reason` (`undefined` for the kinds without one) and `name` (the claim of
 * a claim failure, the option of an option failure).
 */
export function jwtError(kind, reason, name) {
  const [code, text] = KINDS[kind];
  let claim;
  let message = reason === undefined ? text : text + reason;
  if (kind === EXPIRED || kind === TOO_OLD) {
    claim = kind === EXPIRED ? "exp" : "iat";
    reason = "check_failed";
  } else if (kind === CLAIM_INVALID) {
    claim = name;
    message = `"${name}" claim ${reason === "missing" ? "is missing" : reason === "unexpected" ? "has an unexpected value" : "check failed"}`;
  } else if (kind === INVALID_OPTIONS) {
    message = `invalid option "${name}": ${reason}`;
  }
  return newJwtError(message, code, claim, reason);
}

/**
 * An instance of the published `JwtError` class; a plain `Error` with the
 * same members when none is published or it cannot be constructed (nothing
 * other code planted, a throwing getter or setter, escapes in its place).
 */
function newJwtError(message, code, claim, reason) {
  try {
    const Class = globalThis[Symbol.for(ERROR_CLASS_KEY)];
    if (typeof Class === "function") return Reflect.construct(Class, [message, code, claim, reason]);
  } catch {
    // Falls back to a plain Error below.
  }
  const error = new Error(message);
  error.name = "JwtError";
  for (const [member, value] of [["code", code], ["claim", claim], ["reason", reason]]) {
    if (value === undefined) continue;
    try {
      error[member] = value;
    } catch {
      // Only a throwing setter planted on the prototype chain refuses one.
    }
  }
  return error;
}

/** What `decode` returns, from the two JSON texts the strict checker accepted. */
export function decodedJwt(header, payload) {
  return { header: JSON.parse(header), payload: JSON.parse(payload) };
}

const invalidOption = (option, reason) => jwtError(INVALID_OPTIONS, reason, option);

// ------------------------------------------------------------ options
//
// The options are read as their `JSON.stringify` text would give them, which
// is what the module read before: a member whose value is `undefined`, a
// function or a symbol is refused by name; a value's `toJSON`, boxed numbers
// and strings, non-finite numbers (`null`), a `BigInt`, a cycle or a throwing
// getter (`options` "must be an object"), lone surrogates and nesting deeper
// than the strict JSON reader's 64 levels (the same) all count as they did.
// Plain objects and arrays of plain values (every real call) are read
// directly; anything else goes through `JSON.stringify` and `JSON.parse`.

/** Every algorithm name, in the order of the bits of `algorithms` (`ALGORITHM_BITS` in src/js/options.rs). */
const ALGORITHM_NAMES = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
const HMAC_ONLY = 0b111;
const ALGORITHM_LIST = "must be an algorithm name: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA or Ed25519";
const MAX_SECONDS = 2 ** 53;
const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** A member `JSON.stringify` leaves out. */
const LEFT_OUT = Symbol("left out");
/** What makes the options "not an object" to the module: thrown inside the readers below, caught in `optionMembers`. */
const NOT_JSON = Symbol("not JSON");

const notAnObject = () => invalidOption("options", "must be an object");

/** Whether `value` (a `JSON.parse` result, or a plain value) passes the strict JSON reader at `depth`. */
function strictJson(value, depth) {
  if (typeof value === "string") return !LONE_SURROGATE.test(value);
  if (value === null || typeof value !== "object") return true;
  if (depth >= MAX_DEPTH) return false;
  for (const name of Array.isArray(value) ? [] : Object.keys(value)) if (LONE_SURROGATE.test(name)) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (!strictJson(item, depth + 1)) return false;
  return true;
}

/** Whether `JSON.stringify` may call a `toJSON` of `value` (an object, a function or a `BigInt`). */
const mayHaveToJson = (value) => value !== null && (typeof value === "object" || typeof value === "function" || typeof value === "bigint");

/** Any other value as `JSON.stringify` writes it: `LEFT_OUT` where it leaves it out. */
function primitive(value) {
  switch (typeof value) {
    case "string":
      if (LONE_SURROGATE.test(value)) throw NOT_JSON;
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    default:
      return value === null ? null : LEFT_OUT;
  }
}

const plain = (value, prototype) => {
  const own = Object.getPrototypeOf(value);
  return (own === prototype || own === null) && typeof value.toJSON !== "function";
};

/** The member `name` of an object with `value` as `JSON.stringify` then `JSON.parse` give it (`LEFT_OUT`, or throws `NOT_JSON`). */
function memberValue(name, value) {
  if (!mayHaveToJson(value)) return primitive(value);
  if (typeof value === "object" && Array.isArray(value) && plain(value, Array.prototype)) {
    const items = [];
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      if (mayHaveToJson(item)) return viaJson(name, value);
      const read = primitive(item);
      items.push(read === LEFT_OUT ? null : read);
    }
    return items;
  }
  return viaJson(name, value);
}

/** What the last `optionMembers` read, as a kept `snapshot` holds it, or `undefined`. */
let lastRead;

/** As `memberValue`, through `JSON.stringify` (with `toJSON` called with `name`) and `JSON.parse`. */
function viaJson(name, value) {
  lastRead = undefined;
  const text = JSON.stringify({ [name]: value });
  const parsed = JSON.parse(text);
  if (!Object.prototype.hasOwnProperty.call(parsed, name)) return LEFT_OUT;
  if (!strictJson(parsed[name], 1)) throw NOT_JSON;
  return parsed[name];
}

/** Whether `options` are read member by member (else through `JSON.stringify`). */
const plainObject = (options) => options !== null && typeof options === "object" && !Array.isArray(options) && plain(options, Object.prototype);

/**
 * The names of a plain object's members and their values, each read once
 * (`JSON.stringify` reads them so); throws the options' `JwtError` where that
 * throws.
 */
function readMembers(options) {
  try {
    const names = Object.keys(options);
    return [names, names.map((name) => options[name])];
  } catch {
    throw notAnObject();
  }
}

/**
 * The options' members as `[name, value]` pairs, in order (none for
 * `undefined` or `null`), from `read` (`readMembers`) for a plain object;
 * throws the `JwtError` for options that are not an object of JSON values, or
 * with a member `JSON.stringify` leaves out.
 */
function optionMembers(options, read) {
  if (options === undefined || options === null) return [];
  let members;
  let keys;
  lastRead = undefined;
  try {
    if (read !== undefined) {
      const raws = read[1];
      keys = read[0];
      members = [];
      const values = [];
      lastRead = [keys, values];
      for (let index = 0; index < keys.length; index++) {
        const name = keys[index];
        if (LONE_SURROGATE.test(name)) throw NOT_JSON;
        const raw = raws[index];
        const value = memberValue(name, raw);
        // Plain values as read, arrays of them as their items were read
        // (`undefined` and the like as `null`: only ever unequal to a value read later).
        values.push(mayHaveToJson(raw) ? value : raw);
        if (value !== LEFT_OUT) members.push([name, value]);
      }
    } else {
      const text = JSON.stringify(options);
      if (typeof text !== "string" || text[0] !== "{") throw NOT_JSON;
      const parsed = JSON.parse(text);
      if (!strictJson(parsed, 0)) throw NOT_JSON;
      members = Object.entries(parsed);
      keys = Object.keys(options);
    }
  } catch {
    throw notAnObject();
  }
  if (keys.length !== members.length) {
    const read = new Set(members.map(([name]) => name));
    const left = keys.find((name) => !read.has(name));
    if (left === undefined) throw invalidOption("options", "must be a plain object of JSON values");
    throw invalidOption(left, "is undefined (or a function or a symbol): leave it out, or give it a value");
  }
  return members;
}

/** Whole seconds from a number of seconds. */
function seconds(value, option) {
  if (!(value >= 0 && value <= MAX_SECONDS)) throw invalidOption(option, "must be a number of seconds from 0 to 2^53");
  return Math.floor(value);
}

function number(value, option) {
  if (typeof value !== "number") throw invalidOption(option, "must be a number of seconds");
  return seconds(value, option);
}

const DURATION_UNITS = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400, w: 604800, week: 604800, weeks: 604800 };
const ASCII_SPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** Seconds, or a string such as "30s", "15m", "2h", "7d", "1w" (digits and a unit, ASCII spaces around). */
function duration(value, option) {
  if (typeof value !== "string") return number(value, option);
  const invalid = () => invalidOption(option, 'must be seconds or a duration such as "15m", "2h" or "7d"');
  const [, digits, rest] = /^(\d*)(.*)$/s.exec(value.replace(ASCII_SPACE, ""));
  const unit = rest.replace(ASCII_SPACE, "");
  const scale = unit === "" ? 1 : Object.prototype.hasOwnProperty.call(DURATION_UNITS, unit) ? DURATION_UNITS[unit] : 0;
  if (digits === "" || scale === 0) throw invalid();
  const secs = BigInt(digits) * BigInt(scale);
  if (secs > BigInt(MAX_SECONDS)) throw invalid();
  return Number(secs);
}

function string(value, option) {
  if (typeof value !== "string") throw invalidOption(option, "must be a string");
  return value;
}

function strings(value, option) {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) throw invalidOption(option, "must be a string or an array of strings");
  return value;
}

function nonEmpty(list, option) {
  if (list.length === 0) throw invalidOption(option, "must name at least one value");
  return list;
}

/** One item of the compact text: its tag, its value's length (in UTF-16 code units), `:`, the value. */
const item = (tag, value) => `${tag}${value.length}:${value}`;
const items = (tag, values) => values.map((value) => item(tag, value)).join("");

/**
 * What the module keeps of the last options handed to it with `keep`, per
 * function: `text`, the compact text, and `snapshot`, the options it was
 * read from as `[names, values]` (arrays as their items were read) when they
 * were a plain object of plain values and arrays of them, else `undefined`.
 */
const keptVerify = { text: undefined, snapshot: undefined };
const keptSign = { text: undefined, snapshot: undefined };

/**
 * Whether the members `read` (`readMembers`) have the same names and values,
 * in the same order, as `snapshot`: then `JSON.stringify` would give them the
 * same text, and reading them would give the kept compact text.
 */
function sameAs([names, values], [now, raws]) {
  if (now.length !== names.length) return false;
  for (let index = 0; index < names.length; index++) {
    if (now[index] !== names[index]) return false;
    const value = raws[index];
    const kept = values[index];
    if (value === kept && !mayHaveToJson(value)) continue;
    if (!Array.isArray(kept) || !Array.isArray(value) || !plain(value, Array.prototype) || value.length !== kept.length) return false;
    for (let item = 0; item < kept.length; item++) if (value[item] !== kept[item] || mayHaveToJson(value[item])) return false;
  }
  return true;
}

/**
 * Options read and checked as the module did, throwing the same `JwtError`
 * for the first member that fails (`member(name, value)` returns a member's
 * compact text, or throws), as compact text: items of a one-letter tag, the
 * value's length (in UTF-16 code units), `:` and the value; numbers as whole
 * decimal seconds or bytes. `read`: `readMembers(options)` for a plain object.
 */
function compactText(options, read, member) {
  let text = "";
  for (const [name, value] of optionMembers(options, read)) text += member(name, value);
  return text;
}

/** `compactText` for the module's size builds, which keep nothing: the `JwtError` returned, not thrown (the module's import then needs no `catch` wrapper). */
function compactOptions(options, member) {
  try {
    return compactText(options, plainObject(options) ? readMembers(options) : undefined, member);
  } catch (error) {
    return error;
  }
}

/**
 * `compactOptions` for the builds that keep the options of the last one-shot
 * call (Node and workerd): `keep` is 0 when the module reads the text for
 * this call only; 1 when it keeps what it reads (in `kept`); 2 when it also
 * holds what it read from `kept.text`: then `undefined` means the options
 * are the same (compared member by member, which is quicker than reading
 * them). Apart, so that a bundler leaves it out of the size builds (0.25 KB
 * gzipped).
 */
function keptOptions(options, keep, kept, member) {
  let text;
  try {
    const read = plainObject(options) ? readMembers(options) : undefined;
    if (keep === 2 && kept.snapshot !== undefined && read !== undefined && sameAs(kept.snapshot, read)) return undefined;
    text = compactText(options, read, member);
  } catch (error) {
    return error;
  }
  if (keep !== 0) {
    kept.snapshot = lastRead;
    if (keep === 2 && text === kept.text) return undefined;
    kept.text = text;
  }
  return text;
}

/** An algorithm name of this build (`algorithms`: the bits of its `ALGORITHM_NAMES`), as its index there. */
function algorithm(value, option, algorithms) {
  const bit = ALGORITHM_NAMES.indexOf(value);
  if (typeof value !== "string" || bit < 0 || !(algorithms & (1 << bit))) {
    throw invalidOption(option, algorithms === HMAC_ONLY ? 'must be "HS256", "HS384" or "HS512"' : ALGORITHM_LIST);
  }
  return bit;
}

/**
 * `VerifyOptions`: items `a` (an allowed algorithm, in order), `i` (an
 * issuer), `u` (an audience), `s` (subject), `l` (leeway), `m` (maxAge), `R`
 * then `r` (requiredClaims, then each claim), `t` (typ), `n` (now), `x`
 * (maxTokenLength). `algorithms`: the bits of the build's algorithms.
 * (`keptVerifyOptions`: the same, kept as `keptOptions` keeps them.)
 */
export const verifyOptions = (options, algorithms) => compactOptions(options, verifyMember(algorithms));
export const keptVerifyOptions = (options, keep, algorithms) => keptOptions(options, keep, keptVerify, verifyMember(algorithms));

function verifyMember(algorithms) {
  return (name, value) => {
    switch (name) {
      case "algorithms":
        if (!Array.isArray(value)) throw invalidOption(name, "must be an array of algorithm names");
        if (value.length === 0) throw invalidOption(name, "must name at least one algorithm");
        return value.map((alg) => item("a", ALGORITHM_NAMES[algorithm(alg, name, algorithms)])).join("");
      // An empty list would switch the check off: refused.
      case "issuer":
        return items("i", nonEmpty(strings(value, name), name));
      case "audience":
        return items("u", nonEmpty(strings(value, name), name));
      case "subject":
        return item("s", string(value, name));
      case "leeway":
        if (typeof value !== "number" || !(value >= 0 && value <= 300)) throw invalidOption(name, "must be a number from 0 to 300 seconds");
        return item("l", `${seconds(value, name)}`);
      case "maxAge":
        return item("m", `${duration(value, name)}`);
      case "requiredClaims":
        if (!Array.isArray(value)) throw invalidOption(name, "must be an array of claim names");
        return `R0:${items("r", strings(value, name))}`;
      case "typ":
        return item("t", string(value, name));
      case "now":
        return item("n", `${number(value, name)}`);
      case "maxTokenLength": {
        const length = number(value, name);
        if (!(length > 0 && length <= 0xffffffff)) throw invalidOption(name, "must be a positive number of bytes");
        return item("x", `${length}`);
      }
      default:
        throw invalidOption(name, "is not a verify option");
    }
  };
}

/**
 * `SignOptions`: items `a` (alg), `e` (expiresIn), `b` (notBefore), `i`
 * (issuer), `U` (one audience) or `M` then `u` (an array of audiences, then
 * each), `s` (subject), `j` (jwtId) or `J` (a random jwtId), `k` (keyId), `t`
 * (typ), `n` (now). `algorithms`: the bits of the build's algorithms.
 * (`keptSignOptions`: the same, kept as `keptOptions` keeps them.)
 */
export const signOptions = (options, algorithms) => compactOptions(options, signMember(algorithms));
export const keptSignOptions = (options, keep, algorithms) => keptOptions(options, keep, keptSign, signMember(algorithms));

function signMember(algorithms) {
  return (name, value) => {
    switch (name) {
      case "alg": {
        const bit = algorithm(value, name, algorithms);
        // RS256 to PS512.
        if (bit >= 3 && bit <= 8) throw invalidOption(name, "RSA keys only verify: sign with HS*, ES256, ES384, ES512 or EdDSA");
        return item("a", value);
      }
      case "expiresIn":
        return item("e", `${duration(value, name)}`);
      case "notBefore":
        return item("b", `${duration(value, name)}`);
      case "issuer":
        return item("i", string(value, name));
      case "audience":
        return typeof value === "string" ? item("U", value) : `M0:${items("u", strings(value, name))}`;
      case "subject":
        return item("s", string(value, name));
      case "jwtId":
        if (value === true) return "J0:";
        if (typeof value !== "string") throw invalidOption(name, "must be a string or true");
        return item("j", value);
      case "keyId":
        return item("k", string(value, name));
      case "typ":
        return item("t", string(value, name));
      case "now":
        return item("n", `${number(value, name)}`);
      default:
        throw invalidOption(name, "is not a sign option");
    }
  };
}
