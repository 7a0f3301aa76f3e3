// The key argument of the one-shot `verify` in the Node and workerd build,
// for src/js/last_jwk.rs, which keeps the JWK or JWK Set it read last: the
// key's `JSON.stringify` text, or `undefined` when the key has the same
// members, compared one by one (or, deeply frozen, by identity), as the key
// last handed over with `keep`.
// Reading a set's text (a remote set's four keys: about 2 KB) and comparing it
// with the kept one was most of what a cached remote set added to a verify
// (src/js/last_jwk.rs has the measurements).
//
// A key is compared only where equal members give `JSON.stringify` the same
// text: plain objects and arrays (no `toJSON`) of strings, finite numbers,
// booleans and null. A key with a secret member (`k`, `d`) is never kept
// here: the module compares its text in constant time, and wipes it.

const UNKEPT = Symbol("not kept");
/** How deep a key's members nest at most: a set, its `keys`, a key, its `key_ops`. */
const MAX_DEPTH = 4;

/** An object's or an array's members as they were read (`names` null for an array). */
class Members {
  constructor(names, values) {
    this.names = names;
    this.values = values;
  }
}

/** Whether `value` is a plain object (or array, as `array` says) that stringifies member by member. */
function plain(value, array) {
  const prototype = Object.getPrototypeOf(value);
  const own = array ? prototype === Array.prototype : prototype === Object.prototype || prototype === null;
  return own && typeof value.toJSON !== "function";
}

/** What `value` is as a kept key: itself (a primitive), its `Members`, or `UNKEPT`. */
function shape(value, depth) {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : UNKEPT;
  if (typeof value !== "object" || depth >= MAX_DEPTH) return UNKEPT;
  const array = Array.isArray(value);
  if (!plain(value, array)) return UNKEPT;
  const names = array ? null : Object.keys(value);
  if (names !== null && (names.includes("k") || names.includes("d"))) return UNKEPT;
  const values = [];
  const length = array ? value.length : names.length;
  for (let index = 0; index < length; index++) {
    const member = shape(array ? value[index] : value[names[index]], depth + 1);
    if (member === UNKEPT) return UNKEPT;
    values.push(member);
  }
  return new Members(names, values);
}

/** Whether `value` has exactly the members `kept` was read from. */
function same(kept, value) {
  if (!(kept instanceof Members)) return kept === value;
  if (value === null || typeof value !== "object") return false;
  const { names, values } = kept;
  const array = names === null;
  if (Array.isArray(value) !== array || !plain(value, array)) return false;
  if (array) {
    if (value.length !== values.length) return false;
    for (let index = 0; index < values.length; index++) if (!same(values[index], value[index])) return false;
    return true;
  }
  const now = Object.keys(value);
  if (now.length !== names.length) return false;
  for (let index = 0; index < names.length; index++) {
    if (now[index] !== names[index] || !same(values[index], value[now[index]])) return false;
  }
  return true;
}

/** The members of the key last handed over with `keep`, or undefined. */
let keptKey;

/**
 * That key itself (weakly) when it was deeply frozen with data members only
 * (a remote set's keys, a key from `importJwk`): the very same object then
 * has the same members for as long as no `toJSON` appears on the prototypes
 * of its objects (`shape` allowed only Object.prototype, Array.prototype and
 * null, which a frozen object cannot change). Comparing a remote set's four
 * keys member by member was most of what the set added to a verify; this
 * takes it from about 0.7 to 0.2 µs in Node (measured beside bench/js.mjs).
 */
let keptFrozen;

/** Whether `value` and everything in it is frozen, with data members only. */
function frozenData(value, depth) {
  if (value === null || typeof value !== "object") return true;
  if (depth >= MAX_DEPTH || !Object.isFrozen(value)) return false;
  for (const member of Object.values(Object.getOwnPropertyDescriptors(value))) {
    if (!("value" in member) || !frozenData(member.value, depth + 1)) return false;
  }
  return true;
}

/** Whether `key` is the frozen key kept, and no `toJSON` could change its text. */
function sameFrozen(key) {
  return keptFrozen !== undefined && keptFrozen.deref() === key && typeof Object.prototype.toJSON !== "function" && typeof Array.prototype.toJSON !== "function";
}

/**
 * `key`'s `JSON.stringify` text, or `null` when it has none (it throws, or
 * gives `undefined`). `keep` is 0 when the module reads the text for this
 * call only; 1 when it keeps the key it reads; 2 when it also holds the key
 * it read last: then `undefined` means the key has the same members.
 */
export function keptKeyText(key, keep) {
  if (keep === 2 && keptKey !== undefined && (sameFrozen(key) || same(keptKey, key))) return undefined;
  let text;
  try {
    text = JSON.stringify(key);
  } catch {
    text = undefined;
  }
  if (keep !== 0) {
    const read = typeof text === "string" ? shape(key, 0) : UNKEPT;
    keptKey = read === UNKEPT ? undefined : read;
    keptFrozen = keptKey !== undefined && frozenData(key, 0) ? new WeakRef(key) : undefined;
  }
  return typeof text === "string" ? text : null;
}
